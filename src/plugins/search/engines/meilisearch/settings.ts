/**
 * The index settings, kept as code but for the synonyms, which come from the vocabulary in force.
 * `applySettings` compares them with what the server holds and sends them only when they differ,
 * so starting the site never re-indexes for nothing.
 */
import { MeilisearchApiError, type Settings } from 'meilisearch'

import type { MeilisearchConnection } from './client.js'

import { foldVietnamese } from '../../../../lib/vietnamese.js'
import { defaultVocabulary, foldedWords, type SearchVocabulary } from '../../vocabulary.js'
import { maxTotalHits, maxValuesPerFacet } from '../types.js'
import { MeilisearchRequestRefusedError } from './errors.js'
import { facetAttributes } from './filters.js'

/**
 * Searched in this order of importance (Meilisearch's attribute ranking rule follows it).
 * `textMore` holds the parts of a long text past the first (see `textPartLength`); naming the
 * object makes every part inside it searchable.
 */
const searchableAttributes = ['title', 'documentNumber', 'summary', 'text', 'textMore']

/**
 * What a hit can return; `toneWords` is only for filtering, so no reader ever sees it. `textMore`
 * is displayed because Meilisearch crops and highlights only displayed attributes, and a match on
 * a long file's last page must show where it is; searches name what they retrieve, so it is only
 * sent cropped.
 */
const displayedAttributes = [
  'id',
  'docId',
  'collection',
  'accessLevel',
  'title',
  'documentNumber',
  'summary',
  'text',
  'textMore',
  'publishedAt',
  'thumbnail',
  'url',
  'facets',
]

/**
 * Every word or phrase of a synonym group finds the others. Each is written as listed (lowercase)
 * and folded: current servers fold both to the same synonym, older ones (before Đ was folded to d)
 * need both.
 */
const synonyms = (vocabulary: SearchVocabulary): Record<string, string[]> => {
  const result: Record<string, string[]> = {}
  const spellings = (phrase: string) => [...new Set([phrase.normalize('NFC').toLowerCase(), foldedWords(phrase).join(' ')])]
  for (const group of vocabulary.synonyms) {
    for (const from of group) {
      for (const key of spellings(from)) {
        const others = group.filter((to) => to !== from).flatMap(spellings).filter((to) => to !== key)
        if (others.length) result[key] = [...new Set([...(result[key] ?? []), ...others])]
      }
    }
  }
  return result
}

/** The settings of every index this engine builds, live or temporary. */
export const indexSettings = (vocabulary: SearchVocabulary = defaultVocabulary): Settings => ({
  searchableAttributes,
  displayedAttributes,
  filterableAttributes: ['accessLevel', ...facetAttributes, 'toneWords'],
  sortableAttributes: ['publishedAt'],
  synonyms: synonyms(vocabulary),
  typoTolerance: {
    enabled: true,
    // Vietnamese syllables are short and one letter changes the word (ban/bàn/bạn/bản are
    // folded alike already): forgive one typo only from 4 letters, two from 8.
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    // "227/KH-UBND" must not find "228/KH-UBND", nor 2023 find 2024.
    disableOnAttributes: ['documentNumber'],
    disableOnNumbers: true,
  },
  // Vietnamese is detected per text otherwise, and a short title can be taken for another Latin
  // language with its own rules (German compound splitting, Turkish dotless i).
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['vie'] }],
  // Facet values are only counted and filtered, never searched; this saves indexing work.
  facetSearch: false,
  // Counted for every facet, the most frequent kept (by default only the first 100 alphabetically).
  faceting: { maxValuesPerFacet, sortFacetValuesBy: { '*': 'count' } },
  // Totals and pages of single searches as far as federated ones (which it does not cap) go.
  pagination: { maxTotalHits },
})

/** The attributes a search of this engine filters or sorts by: without them every search is refused. */
export const isServable = (current: Settings): boolean => {
  const desired = indexSettings()
  const has = (held: unknown, wanted: unknown) =>
    Array.isArray(wanted) && wanted.every((name) => Array.isArray(held) && held.includes(name))
  return has(current.filterableAttributes, desired.filterableAttributes) && has(current.sortableAttributes, desired.sortableAttributes)
}

type Canonical = (value: unknown) => unknown

const sortedStrings: Canonical = (value) => (Array.isArray(value) ? value.map(String).sort() : value)

/**
 * Meilisearch stores synonyms normalized (lowercase, and folded on current servers) and merges keys
 * that fold alike, so they are compared folded.
 */
const canonicalSynonyms: Canonical = (value) => {
  if (!value || typeof value !== 'object') return value
  const merged = new Map<string, Set<string>>()
  for (const [from, to] of Object.entries(value as Record<string, string[]>)) {
    const key = foldVietnamese(from.normalize('NFC')).trim()
    const set = merged.get(key) ?? new Set<string>()
    for (const word of to) set.add(foldVietnamese(word.normalize('NFC')).trim())
    merged.set(key, set)
  }
  return [...merged.entries()].map(([key, set]) => [key, [...set].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b)))
}

const canonicalTypoTolerance: Canonical = (value) => {
  if (!value || typeof value !== 'object') return value
  const typo = value as NonNullable<Settings['typoTolerance']>
  return {
    disableOnAttributes: sortedStrings(typo.disableOnAttributes ?? []),
    disableOnNumbers: typo.disableOnNumbers ?? false,
    enabled: typo.enabled ?? true,
    minWordSizeForTypos: { oneTypo: typo.minWordSizeForTypos?.oneTypo, twoTypos: typo.minWordSizeForTypos?.twoTypos },
  }
}

const canonicalFaceting: Canonical = (value) => {
  if (!value || typeof value !== 'object') return value
  const faceting = value as NonNullable<Settings['faceting']>
  const sortBy = faceting.sortFacetValuesBy ?? { '*': 'alpha' }
  return {
    maxValuesPerFacet: faceting.maxValuesPerFacet ?? 100,
    sortFacetValuesBy: Object.fromEntries(Object.entries(sortBy).sort(([a], [b]) => a.localeCompare(b))),
  }
}

/** How each setting compares; anything unlisted compares exactly (searchableAttributes keeps its order). */
const canonicalOf: Partial<Record<keyof Settings, Canonical>> = {
  displayedAttributes: sortedStrings,
  faceting: canonicalFaceting,
  filterableAttributes: sortedStrings,
  sortableAttributes: sortedStrings,
  synonyms: canonicalSynonyms,
  typoTolerance: canonicalTypoTolerance,
}

/** The names of the desired settings whose value on the server differs. */
export const settingsToUpdate = (current: Settings, desired: Settings): (keyof Settings)[] =>
  (Object.keys(desired) as (keyof Settings)[]).filter((key) => {
    const canonical = canonicalOf[key] ?? ((value: unknown) => value)
    return JSON.stringify(canonical(current[key])) !== JSON.stringify(canonical(desired[key]))
  })

/** A settings update sent: what changed, and the task that applies it. */
export type SettingsUpdate = { changed: (keyof Settings)[]; servable: boolean; taskUid?: number }

/**
 * Sends the settings of `indexSettings(vocabulary)` that differ from what the index holds, without waiting
 * for them to be applied. Meilisearch validates the settings when it receives them: what it does
 * not know or accept (a field an older server lacks) is refused at once with 400, not as a task.
 * @returns what changed, the task applying it (none when nothing changed), and whether searches
 * can be answered meanwhile with the settings the index held
 * @throws MeilisearchRequestRefusedError when Meilisearch refuses the settings
 */
export const startSettingsUpdate = async (
  connection: MeilisearchConnection,
  indexUid: string,
  vocabulary: SearchVocabulary,
): Promise<SettingsUpdate> => {
  const index = connection.client.index(indexUid)
  const desired = indexSettings(vocabulary)
  const current = await index.getSettings()
  const changed = settingsToUpdate(current, desired)
  if (changed.length === 0) return { changed, servable: true }
  const update = Object.fromEntries(changed.map((key) => [key, desired[key]])) as Settings
  try {
    const { taskUid } = await index.updateSettings(update)
    return { changed, servable: isServable(current), taskUid }
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.response.status >= 400 && error.response.status < 500) {
      throw new MeilisearchRequestRefusedError(
        `settings of ${indexUid} (${changed.join(', ')})`,
        error.cause?.code,
        error.response.status,
        error.cause?.message ?? error.message,
      )
    }
    throw error
  }
}

/**
 * Brings an index's settings to `indexSettings(vocabulary)` and waits until Meilisearch has applied them.
 * @returns the names of the settings that were updated (empty when nothing changed)
 * @throws MeilisearchRequestRefusedError when Meilisearch refuses the settings
 * @throws MeilisearchTaskError when the settings task fails
 */
export const applySettings = async (connection: MeilisearchConnection, indexUid: string, vocabulary: SearchVocabulary): Promise<string[]> => {
  const update = await startSettingsUpdate(connection, indexUid, vocabulary)
  if (update.taskUid !== undefined) {
    await connection.settle(Promise.resolve(update.taskUid), `settings update of ${indexUid}`)
  }
  return update.changed
}
