/**
 * Searching one index as Meilisearch 1.19 does, within what the adapter relies on:
 *
 * - Matching: every word of the query must be found (`matchingStrategy: all`), or, with `last`
 *   (the default) and `frequency`, the first words; the last word matches as a prefix; a synonym
 *   of a word matches as a phrase; phrases and exclusions as in `text.ts`. Searched: the attributes
 *   of `searchableAttributes`, a nested field through its parent ("Searchable attributes",
 *   https://www.meilisearch.com/docs/reference/api/settings#searchable-attributes). Ranking: more
 *   query words first, then the more important attribute, then `sort`, then the exact (not
 *   prefix) matches, then the order of indexing; `showRankingScoreDetails` reports the `words`
 *   rule alone. Typo tolerance is not modelled.
 * - Filters and facets must name filterable attributes, `sort` sortable ones; otherwise 400
 *   `invalid_search_filter`, `invalid_search_facets`, `invalid_search_sort` ("Error codes"; the
 *   search reference says unfilterable facets are ignored, the error codes page and the server
 *   refuse them).
 * - Pagination ("Exhaustive and estimated total number of search results",
 *   https://www.meilisearch.com/docs/reference/api/search#exhaustive-and-estimated-total-number-of-search-results):
 *   `page`/`hitsPerPage` answer `totalHits` and `totalPages`, `offset`/`limit` answer
 *   `estimatedTotalHits`; neither exceeds `pagination.maxTotalHits`, and no hit past it is returned
 *   ("Pagination", https://www.meilisearch.com/docs/reference/api/settings#pagination).
 * - Facets ("facetDistribution", https://www.meilisearch.com/docs/reference/api/search#facetdistribution):
 *   counted over every match, values equal once normalized counted together, at most
 *   `faceting.maxValuesPerFacet` values, the first in `sortFacetValuesBy` order ("Faceting object":
 *   `alpha` ascending, `count` most frequent first).
 * - `_formatted` ("Attributes to highlight", "Attributes to crop"): only attributes listed in
 *   `attributesToHighlight` are highlighted, cropped ones included; a listed attribute applies to
 *   its nested fields; only displayed attributes are formatted; `_formatted` also holds the
 *   retrieved attributes, numbers as strings, and is absent when nothing is to be formatted.
 *   A crop keeps `cropLength` words around the most query words, from the start when none matches,
 *   with `cropMarker` where text was cut ("Cropping algorithm", "Crop marker").
 */
import type { SearchParams } from './params.js'
import type { Settings } from './settings.js'

import { refuse } from './errors.js'
import { attributesOf, type Filter, matches, parseFilter } from './filter.js'
import { filterablePatterns, matchesPattern } from './settings.js'
import { maxPositionsPerAttribute, normalize, normalizeFacet, parseQuery, type Query, type Word, wordsOf } from './text.js'

export type StoredDocument = Record<string, unknown>

export type FakeIndex = {
  uid: string
  primaryKey: string | null
  settings: Settings
  documents: Map<string, StoredDocument>
  createdAt: string
  updatedAt: string
}

type Field = { name: string; rank: number; words: Word[] }

/** `animaux.chien` is under `animaux`; `animaux` is not under `animaux.chien` (`milli::is_faceted_by`). */
const isUnder = (field: string, attribute: string): boolean => field === attribute || field.startsWith(`${attribute}.`)

/** Every leaf value of a document with its dotted name, array elements under their array's name. */
const leaves = (value: unknown, name: string, visit: (name: string, value: unknown, element: number) => void, element = 0): void => {
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, name, visit, index))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) leaves(inner, name ? `${name}.${key}` : key, visit)
  } else visit(name, value, element)
}

/** The searchable fields of a document and their words, positions capped as the indexer caps them. */
const searchableFields = (document: StoredDocument, settings: Settings): Field[] => {
  const searchable = settings.searchableAttributes as string[]
  const fields = new Map<string, Field>()
  leaves(document, '', (name, value, element) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return
    const rank = searchable.includes('*') ? 0 : searchable.findIndex((attribute) => isUnder(name, attribute))
    if (rank < 0) return
    const field = fields.get(name) ?? { name, rank, words: [] }
    const last = field.words.at(-1)
    const start = last === undefined ? 0 : last.position + (element > 0 ? 8 : 1)
    field.words.push(...wordsOf(String(value), start).filter((word) => word.position < maxPositionsPerAttribute))
    fields.set(name, field)
  })
  return [...fields.values()]
}

/** Alternatives of a query word through `synonyms` (normalized keys), each a sequence of words. */
const synonymsOf = (word: string, settings: Settings): string[][] =>
  Object.entries(settings.synonyms as Record<string, string[]>)
    .filter(([key]) => normalize(key) === word)
    .flatMap(([, values]) => values.map((value) => wordsOf(value).map((each) => each.word)))

/** Occurrences of consecutive words in a field (positions one apart). */
const sequenceAt = (field: Field, sequence: string[], prefixLast = false): Word[][] => {
  const found: Word[][] = []
  field.words.forEach((first, index) => {
    const run = [first]
    for (let i = 1; i < sequence.length; i++) {
      const next = field.words[index + i]
      if (!next || next.position !== run[i - 1].position + 1) return
      run.push(next)
    }
    const fits = run.every((word, i) => (prefixLast && i === sequence.length - 1 ? word.word.startsWith(sequence[i]) : word.word === sequence[i]))
    if (fits && run.length === sequence.length) found.push(run)
  })
  return found
}

type TermMatch = { exact: boolean; rank: number }

/** How a document matches one query term: the best attribute rank and whether it matched whole. */
const matchTerm = (fields: Field[], term: Query['terms'][number], settings: Settings, prefixSearch: boolean): TermMatch | undefined => {
  let best: TermMatch | undefined
  const consider = (rank: number, exact: boolean) => {
    if (!best || rank < best.rank || (rank === best.rank && exact && !best.exact)) best = { exact, rank }
  }
  for (const field of fields) {
    if (term.kind === 'phrase') {
      if (sequenceAt(field, term.words).length) consider(field.rank, true)
      continue
    }
    for (const word of field.words) {
      if (word.word === term.word) consider(field.rank, true)
      else if (term.prefix && prefixSearch && word.word.startsWith(term.word)) consider(field.rank, false)
    }
    for (const synonym of synonymsOf(term.word, settings)) if (sequenceAt(field, synonym).length) consider(field.rank, true)
  }
  return best
}

const excluded = (fields: Field[], query: Query): boolean =>
  query.negativeWords.some((word) => fields.some((field) => field.words.some((each) => each.word === word))) ||
  query.negativePhrases.some((phrase) => fields.some((field) => sequenceAt(field, phrase).length > 0))

export type Ranked = { document: StoredDocument; score: number; words: number }

/**
 * `_rankingScoreDetails` as far as the fake ranks: the `words` rule, how many of the query's words
 * (from its start) a hit matched ("Ranking score details",
 * https://www.meilisearch.com/docs/reference/api/search#ranking-score-details).
 */
export const scoreDetails = (entry: Ranked, query: Query) =>
  query.terms.length
    ? { words: { matchingWords: entry.words, maxMatchingWords: query.terms.length, order: 0, score: entry.words / query.terms.length } }
    : {}

const sortValue = (document: StoredDocument, attribute: string): unknown => {
  let value: unknown = document
  for (const key of attribute.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  return value
}

/** Compares by `sort` rules: numbers before strings, absent values last, each way as asked. */
const bySort = (rules: { attribute: string; descending: boolean }[]) => (a: StoredDocument, b: StoredDocument): number => {
  for (const { attribute, descending } of rules) {
    const [x, y] = [sortValue(a, attribute), sortValue(b, attribute)]
    if (x === y) continue
    if (x === undefined || x === null) return 1
    if (y === undefined || y === null) return -1
    const order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1
    if (order !== 0) return descending ? -order : order
  }
  return 0
}

/** Refuses attributes a filter, `facets` or `sort` may not use; returns the parsed filter and sort rules. */
export const checkAttributes = (index: FakeIndex, params: SearchParams, filter: Filter | undefined) => {
  const patterns = filterablePatterns(index.settings)
  const filterable = (attribute: string) => patterns.some((pattern) => matchesPattern(pattern, attribute))
  const listed = patterns.length ? `Available filterable attribute patterns are: ${[...patterns].sort().map((pattern) => `\`${pattern}\``).join(', ')}.` : 'This index does not have configured filterable attributes.'
  for (const attribute of filter ? attributesOf(filter) : []) {
    if (!filterable(attribute)) refuse('invalid_search_filter', `Attribute \`${attribute}\` is not filterable. ${listed}`)
  }
  for (const facet of params.facets ?? []) {
    if (facet !== '*' && !filterable(facet)) refuse('invalid_search_facets', `Invalid facet distribution: Attribute \`${facet}\` is not filterable. ${listed}`)
  }
  const sortable = index.settings.sortableAttributes as string[]
  return (params.sort ?? []).map((rule) => {
    const match = /^(.+):(asc|desc)$/.exec(rule)
    if (!match) return refuse('invalid_search_sort', `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${rule}\`.`)
    if (!sortable.includes(match[1])) {
      refuse('invalid_search_sort', `Attribute \`${match[1]}\` is not sortable. ${sortable.length ? `Available sortable attributes are: ${sortable.map((name) => `\`${name}\``).join(', ')}.` : 'This index does not have configured sortable attributes.'}`)
    }
    return { attribute: match[1], descending: match[2] === 'desc' }
  })
}

/**
 * Every document matching a search, best first, with a ranking score between 0 and 1.
 * @param extraFilter a tenant token's filter for this index, added to the search's own
 */
export const rank = (index: FakeIndex, params: SearchParams, extraFilter?: unknown): { query: Query; ranked: Ranked[] } => {
  const filters = [params.filter, extraFilter].filter((filter) => filter !== undefined && filter !== null)
  const filter = filters.length ? parseFilter(filters.flatMap((each) => (Array.isArray(each) ? each : [each]))) : undefined
  const sortRules = checkAttributes(index, params, filter)
  const query = parseQuery(params.q ?? '')
  const prefixSearch = index.settings.prefixSearch !== 'disabled'
  const documents = [...index.documents.values()].filter((document) => !filter || matches(filter, document))
  const order = new Map(documents.map((document, position) => [document, position]))
  const scored: { document: StoredDocument; exact: number; rank: number; words: number }[] = []
  for (const document of documents) {
    const fields = searchableFields(document, index.settings)
    if (excluded(fields, query)) continue
    if (query.terms.length === 0) {
      scored.push({ document, exact: 0, rank: 0, words: 0 })
      continue
    }
    const found = query.terms.map((term) => matchTerm(fields, term, index.settings, prefixSearch))
    let words = found.findIndex((match) => !match)
    if (words === -1) words = found.length
    if (params.matchingStrategy === 'all' ? words < found.length : words === 0) continue
    const kept = found.slice(0, words) as TermMatch[]
    scored.push({ document, exact: kept.filter((match) => match.exact).length, rank: Math.min(...kept.map((match) => match.rank)), words })
  }
  const sorter = bySort(sortRules)
  scored.sort((a, b) => b.words - a.words || a.rank - b.rank || sorter(a.document, b.document) || b.exact - a.exact || order.get(a.document)! - order.get(b.document)!)
  const terms = Math.max(query.terms.length, 1)
  return {
    query,
    ranked: scored.map((entry, position) => ({
      document: entry.document,
      words: entry.words,
      // Fewer query words found and a later place both lower the score, which stays within ]0, 1].
      score: (Math.max(entry.words, query.terms.length ? 0 : 1) / terms) * (1 - position / (scored.length + 1)),
    })),
  }
}

/** Facet values of the matches, as `facetDistribution` and `facetStats` report them. */
export const facetsOf = (index: FakeIndex, documents: StoredDocument[], facets: string[], maxValues?: number) => {
  const patterns = filterablePatterns(index.settings)
  const faceting = index.settings.faceting as { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, 'alpha' | 'count'> }
  const names = facets.includes('*')
    ? [...new Set(documents.flatMap((document) => {
        const found: string[] = []
        leaves(document, '', (name) => patterns.some((pattern) => matchesPattern(pattern, name)) && found.push(name))
        return found
      }))]
    : facets
  const distribution: Record<string, Record<string, number>> = {}
  const stats: Record<string, { max: number; min: number }> = {}
  for (const facet of names) {
    const counts = new Map<string, { count: number; label: string; number?: number }>()
    for (const document of documents) {
      const seen = new Set<string>()
      const values: unknown[] = []
      leaves(sortValue(document, facet), '', (_name, value) => values.push(value))
      for (const value of values) {
        if (value === null || value === undefined || typeof value === 'object') continue
        const key = typeof value === 'number' ? `#${value}` : normalizeFacet(String(value))
        if (seen.has(key)) continue
        seen.add(key)
        const entry = counts.get(key) ?? { count: 0, label: String(value), number: typeof value === 'number' ? value : undefined }
        entry.count++
        counts.set(key, entry)
        if (typeof value === 'number') {
          stats[facet] = { max: Math.max(stats[facet]?.max ?? value, value), min: Math.min(stats[facet]?.min ?? value, value) }
        }
      }
    }
    const order = faceting.sortFacetValuesBy[facet] ?? faceting.sortFacetValuesBy['*'] ?? 'alpha'
    const entries = [...counts.entries()].sort(([keyA, a], [keyB, b]) => {
      if (order === 'count' && a.count !== b.count) return b.count - a.count
      // Numbers come before strings; among equal counts the count order pops the greater value first.
      if ((a.number === undefined) !== (b.number === undefined)) return a.number === undefined ? 1 : -1
      const ascending = a.number !== undefined ? a.number - b.number! : keyA < keyB ? -1 : keyA > keyB ? 1 : 0
      return order === 'count' ? -ascending : ascending
    })
    distribution[facet] = Object.fromEntries(entries.slice(0, maxValues ?? faceting.maxValuesPerFacet).map(([, entry]) => [entry.label, entry.count]))
  }
  return { distribution, stats }
}
