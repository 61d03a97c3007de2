import MiniSearch from 'minisearch'

import type { FacetName, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from './types.js'

import { exactTerm, foldedTerm, queryVariants, tokenize } from '../analysis.js'
import { highlight } from '../highlight.js'
import { type ParsedQuery, positiveWords } from '../query.js'
import { browseWeight, facetBoost, partialBelow, partialWeight, planQuery, type QueryPlan, type Reading } from '../understanding.js'
import { defaultVocabulary, type SearchVocabulary } from '../vocabulary.js'
import { type Layout, layoutOf, type Leaf, type RequestScorer, requestScorer } from './termScores.js'
import { facetNames, maxTotalHits, maxValuesPerFacet } from './types.js'

const searchableFields = ['title', 'documentNumber', 'summary', 'text'] as const
const boosts = { documentNumber: 12, summary: 2, text: 1, title: 4 }

/** "227/KH-UBND" → "227khubnd": one term, so a document number matches as a whole. */
const compactNumber = (number: string): string => tokenize(number).map(foldedTerm).join('')

const newIndex = () =>
  new MiniSearch<SearchDocument>({
    fields: [...searchableFields],
    storeFields: [],
    extractField: (document, field) =>
      field === 'documentNumber'
        ? document.documentNumber ? compactNumber(document.documentNumber) : ''
        : String((document as Record<string, unknown>)[field] ?? ''),
    tokenize: (text, field) => (field === 'documentNumber' ? [text] : tokenize(text)),
    // Every word is indexed twice, with its tones and folded, so both "bác" and "bac" find it and
    // a toned query scores exact-tone matches higher (they match both forms).
    processTerm: (term, field) => {
      if (field === 'documentNumber') return term
      const exact = exactTerm(term)
      const folded = foldedTerm(term)
      return exact === folded ? folded : [exact, folded]
    },
    // Entries are removed with the very document they were added with, so nothing is left to
    // vacuum; MiniSearch's background vacuum crashes when a write splits a node it is walking
    // (lucaong/minisearch#306).
    autoVacuum: false,
  })

/**
 * The entries by MiniSearch's internal id, those ids in the order `documents` holds them (the
 * order entries without a score are listed in), and the index's field lengths by internal id: a
 * search reads arrays instead of maps of ids.
 */
type View = { byInternalId: Array<SearchDocument | undefined>; inOrder: Int32Array; layout: Layout }

/**
 * `view` is made by the first search after a write, and dropped by the next write; `facetCounts`
 * numbers the facet values of these entries only, so a reindex starts the numbering afresh.
 */
type Entries = { documents: Map<string, SearchDocument>; facetCounts: FacetCounter; index: MiniSearch<SearchDocument>; view?: View }

const newEntries = (): Entries => ({ documents: new Map(), facetCounts: facetCounter(), index: newIndex() })

/** Removal needs the document as it was indexed: the entries keep it beside the index. */
const put = (entries: Entries, document: SearchDocument) => {
  const { documents, index } = entries
  const previous = documents.get(document.id)
  if (previous) index.remove(previous)
  index.add(document)
  documents.set(document.id, document)
  entries.view = undefined
}

const drop = (entries: Entries, id: string) => {
  const { documents, index } = entries
  const previous = documents.get(id)
  if (!previous) return
  index.remove(previous)
  documents.delete(id)
  entries.view = undefined
}

const viewOf = (entries: Entries): View => {
  if (entries.view) return entries.view
  const layout = layoutOf(entries.index)
  const { ids, size } = layout
  const byInternalId = new Array<SearchDocument | undefined>(size).fill(undefined)
  const inOrder = new Int32Array(entries.documents.size)
  let position = 0
  for (const document of entries.documents.values()) {
    // `put` adds every entry to the index too; one missing from it could not be scored, so it is
    // left out rather than taken for internal id 0.
    const id = ids.get(document.id)
    if (id === undefined) continue
    byInternalId[id] = document
    inOrder[position++] = id
  }
  entries.view = { byInternalId, inOrder: inOrder.subarray(0, position), layout }
  return entries.view
}

/** An entry's values for `facet`: its collection, or a facet's value or values; none for an empty one. */
const facetValues = (document: SearchDocument, facet: FacetName): ReadonlyArray<number | string> => {
  const value = facet === 'collection' ? document.collection : document.facets[facet]
  if (value === undefined || value === null || value === '') return []
  return Array.isArray(value) ? value : [value]
}

/** Whether an entry has one of `values` for `facet`. */
const hasFacetValue = (document: SearchDocument, facet: FacetName, values: string[]): boolean =>
  facetValues(document, facet).some((each) => values.includes(String(each)))

/**
 * Counts facet values over all the matches of a search. Each entry's values are numbered once
 * (one number per facet and value as text: 2024 and "2024" are one value), so a search adds to an
 * array instead of to a map per facet; a number stays with its value while the entries live.
 */
const facetCounter = () => {
  const numbers = new Map<string, number>()
  const named: Array<{ facet: FacetName; text: string }> = []
  const numbered = new WeakMap<SearchDocument, Int32Array>()
  const numberOf = (facet: FacetName, value: unknown): number => {
    const text = String(value)
    const key = `${facet}\u0000${text}`
    let number = numbers.get(key)
    if (number === undefined) {
      number = named.length
      named.push({ facet, text })
      numbers.set(key, number)
    }
    return number
  }
  const numbersOf = (document: SearchDocument): Int32Array => {
    let found = numbered.get(document)
    if (!found) {
      const list: number[] = []
      for (const facet of facetNames) for (const value of facetValues(document, facet)) list.push(numberOf(facet, value))
      found = Int32Array.from(list)
      numbered.set(document, found)
    }
    return found
  }
  return (matches: SearchDocument[]): SearchResult['facets'] => {
    let counts = new Int32Array(named.length + 64)
    for (const document of matches) {
      const values = numbersOf(document)
      for (let i = 0; i < values.length; i++) {
        const number = values[i]
        if (number >= counts.length) {
          const more = new Int32Array(named.length * 2)
          more.set(counts)
          counts = more
        }
        counts[number]++
      }
    }
    const byFacet = new Map<FacetName, Map<string, number>>(facetNames.map((facet) => [facet, new Map()]))
    counts.forEach((count, number) => count && byFacet.get(named[number].facet)!.set(named[number].text, count))
    const facets: SearchResult['facets'] = {}
    for (const facet of facetNames) facets[facet] = topFacetValues(byFacet.get(facet)!)
    return facets
  }
}

type FacetCounter = ReturnType<typeof facetCounter>

/**
 * The first `count` items in the order `precedes` gives (a total order), without sorting the rest:
 * a page needs its own entries only.
 */
const topBy = <T>(items: Iterable<T>, count: number, precedes: (a: T, b: T) => boolean): T[] => {
  const top: T[] = []
  for (const item of items) {
    if (top.length === count && !precedes(item, top[count - 1])) continue
    let low = 0
    let high = top.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (precedes(top[middle], item)) low = middle + 1
      else high = middle
    }
    top.splice(low, 0, item)
    if (top.length > count) top.pop()
  }
  return top
}

/**
 * A match, with what places it among equal values: the list it was first found in (`list`: the
 * full search, then each partial one, then the browsed entries; a reading within each), and in
 * that list its raw score (higher first) and its place in MiniSearch's order. Lists are not sorted:
 * comparing these gives the order a stable sort by score of each list, then the lists one after
 * the other, would give.
 */
type Found = { document: SearchDocument; id: number; left: readonly string[]; list: number; order: number; raw: number; value: number }

/** What a match leaves out until its list says (shared: a search makes thousands of matches). */
const noneLeft: readonly string[] = []

/** Whether `a` ranks before `b`: a higher value, or an equal one found earlier. */
const before = (a: Found, b: Found): boolean =>
  a.value > b.value || (a.value === b.value && (a.list !== b.list ? a.list < b.list : a.raw !== b.raw ? a.raw > b.raw : a.order < b.order))

/** Every match (unordered) and the first ones in rank order, with the words a relaxed search left out. */
type Ranked = { all: SearchDocument[]; ignored?: string[]; top: SearchDocument[] }

/**
 * At most `maxValuesPerFacet` values, the most frequent first; among equal counts the greater
 * value first, as Meilisearch's count order pops them (`count_iterate_over_facet_distribution`).
 */
const topFacetValues = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries(
    [...counts.entries()]
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, maxValuesPerFacet),
  )

const letterOrDigit = '[\\p{L}\\p{N}]'
/** What may stand between the words of a phrase: soft separators only, as in Meilisearch. */
const softGap = '(?:[^\\p{L}\\p{N}!;?¡§¶¿.,]|[.,](?!\\s))+'

/** Matches the folded words side by side, as whole words, in folded text. */
const phrasePattern = (words: string[]): RegExp =>
  new RegExp(`(?<!${letterOrDigit})${words.map(foldedTerm).join(softGap)}(?!${letterOrDigit})`, 'u')

/** Searchable fields folded once per entry, and only for the entries a phrase or exclusion reaches. */
const foldedFieldsCache = new WeakMap<SearchDocument, string[]>()
const foldedFields = (document: SearchDocument): string[] => {
  let fields = foldedFieldsCache.get(document)
  if (!fields) {
    fields = searchableFields.flatMap((field) => {
      const value = document[field]
      return value ? [foldedTerm(value)] : []
    })
    foldedFieldsCache.set(document, fields)
  }
  return fields
}

/** Folded words of an entry's title and summary, where a word the query only ranks by counts. */
const titleWordsCache = new WeakMap<SearchDocument, { text: string; words: Set<string> }>()
const titleWords = (document: SearchDocument): { text: string; words: Set<string> } => {
  let cached = titleWordsCache.get(document)
  if (!cached) {
    const words = [tokenize(document.title), tokenize(document.summary ?? '')].map((each) => each.map(foldedTerm).join(' '))
    cached = { text: ` ${words.join(' | ')} `, words: new Set(words.join(' ').split(' ')) }
    titleWordsCache.set(document, cached)
  }
  return cached
}

/** What the words typed side by side in a title or summary add to a score, all pairs together. */
const adjacencyWeight = 0.5

/** What each stopword or facet word found in a title or summary adds to a score (the best match scores 1). */
const softWordWeight = 0.05

/** Phrases that must appear and words or phrases that must not, as one test per entry. */
const syntaxFilter = (query: ParsedQuery): ((document: SearchDocument) => boolean) | undefined => {
  const required = query.terms.flatMap((term) => (term.kind === 'phrase' ? [phrasePattern(term.words)] : []))
  const excluded = [...query.excludedWords.map((word) => [word]), ...query.excludedPhrases].map(phrasePattern)
  if (required.length === 0 && excluded.length === 0) return undefined
  return (document) => {
    const fields = foldedFields(document)
    return (
      required.every((pattern) => fields.some((field) => pattern.test(field))) &&
      !excluded.some((pattern) => fields.some((field) => pattern.test(field)))
    )
  }
}

/** Search held in this process's memory, rebuilt from the database at start. */
export const createEmbeddedEngine = ({ vocabulary: initial = defaultVocabulary }: { vocabulary?: SearchVocabulary } = {}): SearchEngine => {
  let vocabulary = initial
  let entries = newEntries()

  /** The reader's levels and the facet filters as one test, read once per search rather than once per entry. */
  const filtersOf = (query: SearchQuery): ((document: SearchDocument) => boolean) => {
    const wanted = Object.entries(query.filters).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length))
    return (document) => query.levels.includes(document.accessLevel) && wanted.every(([facet, values]) => hasFacetValue(document, facet as FacetName, values))
  }

  /**
   * The leaves of one reading's request: each variant's words folded and, where tones differ, as
   * typed; all of a leaf's words must match, and an entry scores the sum over the leaves it matches.
   * Vietnamese syllables are short: a typo is forgiven only in longer words; and only the last word
   * may be the start of a longer one (search as you type). A rewritten variant matches whole words.
   */
  const leavesOf = (plan: QueryPlan, words: string[]): Leaf[] =>
    queryVariants(plan.parsed, words, vocabulary).flatMap((variant): Leaf[] => {
      const leaf = (text: string, literal: boolean, fields?: string[]): Leaf => {
        const terms = tokenize(text).map((term) => term.toLowerCase()).filter(Boolean)
        return {
          ...(fields ? { fields } : {}),
          terms: terms.map((term, position) => ({
            fuzzy: !literal && term.length >= 5 ? 1 : false,
            prefix: !literal && plan.prefixLast && position === terms.length - 1 && term.length >= 2,
            term,
          })),
        }
      }
      if (variant.documentNumber) return [leaf(compactNumber(variant.documentNumber), false, ['documentNumber'])]
      const folded = variant.terms.map(foldedTerm).join(' ')
      const exact = variant.terms.map(exactTerm).join(' ')
      const literal = Boolean(variant.literal)
      return exact === folded ? [leaf(folded, literal)] : [leaf(folded, literal), leaf(exact, literal)]
    })

  /**
   * The entries matching every word of one reading, in MiniSearch's order (`list` and `order` keep
   * their place among equal values), their scores scaled so the best has the reading's weight.
   */
  const scoresOf = (plan: QueryPlan, reading: Reading, list: number, kept: (id: number) => boolean, scorer: RequestScorer, { byInternalId }: View): Found[] => {
    const { ids, score } = scorer.score(leavesOf(plan, reading.words))
    const results: Found[] = []
    let best = 0
    for (let order = 0; order < ids.length; order++) {
      const id = ids[order]
      if (!kept(id)) continue
      const raw = score[id]
      if (raw > best) best = raw
      results.push({ document: byInternalId[id]!, id, left: noneLeft, list, order, raw, value: raw })
    }
    for (const result of results) result.value = (result.raw / best) * reading.weight
    return results
  }

  /**
   * The entries matching the words the plan requires (or, relaxed, fewer), the first `wanted` of
   * them best first, and the words left out. Only a page is shown, so only the entries up to its
   * end are put in order; the others are counted (and faceted) as they are.
   */
  const rank = (query: SearchQuery, plan: QueryPlan, wanted: number): Ranked => {
    const { documents } = entries
    const { parsed } = plan
    const syntax = syntaxFilter(parsed)
    const filters = filtersOf(query)
    const keeps = (document: SearchDocument) => filters(document) && (!syntax || syntax(document))
    // A query of exclusions alone lists everything else, newest first, as an empty query does.
    if (positiveWords(parsed).length === 0) {
      const all = [...documents.values()].filter(keeps).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      return { all, top: all.slice(0, wanted) }
    }
    const view = viewOf(entries)
    // Whether each entry passes the reader's filters, worked out once per search: 0 not yet, 1 kept, 2 not.
    const keptState = new Uint8Array(view.layout.size)
    const kept = (id: number): boolean => {
      if (keptState[id] === 0) {
        const document = view.byInternalId[id]
        keptState[id] = document && keeps(document) ? 1 : 2
      }
      return keptState[id] === 1
    }
    const soft = plan.soft.map(foldedTerm)
    const request = requestScorer(entries.index, view.layout, boosts, [...searchableFields])
    const titleFields = ['title', 'summary']
    /**
     * Whether `word` can be one of the words `titleWords` splits a title and summary into: each of
     * those is in the index, folded (`processTerm`), under its entry's title or summary.
     */
    const oneWord = (word: string) => word !== '' && !/[ |]/.test(word)
    /**
     * Scores entries found by `words`; the words are folded once, not once per entry. An entry
     * gets a bonus for a soft word or a pair of words only if its title or summary has the word,
     * or both of the pair, among its words: the index's own lists of the entries with a word in a
     * title or summary say which, so the title and summary of most matches need not be read.
     */
    const scorer = (words: string[]) => {
      const folded = words.map(foldedTerm)
      const pairs = folded.slice(1).map((word, i) => ` ${folded[i]} ${word} `)
      const needs = [...soft.map((word) => [word]), ...folded.slice(1).map((word, i) => [folded[i], word])]
      const told = needs.length > 0 && needs.every((each) => each.every(oneWord))
      const firsts = told ? needs.map((each) => request.holding(each[0], titleFields)) : []
      const seconds = told ? needs.map((each) => (each.length > 1 ? request.holding(each[1], titleFields) : undefined)) : []
      // Called for every match: counts in loops, nothing allocated.
      return (document: SearchDocument, id: number, base: number) => {
        let boosted = base
        for (const boost of plan.boosts) if (hasFacetValue(document, boost.facet, boost.values)) boosted = boosted * facetBoost
        if (soft.length === 0 && pairs.length === 0) return boosted
        let softFound = 0
        let pairsFound = 0
        let possible = !told
        for (let need = 0; need < firsts.length && !possible; need++) possible = firsts[need][id] === 1 && (seconds[need] === undefined || seconds[need]![id] === 1)
        if (possible) {
          const { text, words: titled } = titleWords(document)
          for (const word of soft) if (titled.has(word)) softFound++
          for (const pair of pairs) if (text.includes(pair)) pairsFound++
        }
        return boosted + softWordWeight * softFound + (pairs.length ? adjacencyWeight * (pairsFound / pairs.length) : 0)
      }
    }
    const readings = plan.readings.length
    /** Entries with every word of the readings but those at `omitted`, scaled by `weight`; `list` is their place among the lists merged. */
    const gather = (count: number, omitted: number | undefined, weight: number, list: number): Found[] => {
      const pick = (words: string[]) => words.slice(0, count).filter((_, i) => i !== omitted)
      const [first, ...others] = plan.readings.map((reading, r) => scoresOf(plan, { ...reading, words: pick(reading.words) }, list * readings + r, kept, request, view))
      // One reading (most queries): its list is the best of each entry already. Otherwise each
      // entry keeps its first place and its best value.
      let best = first
      if (others.length) {
        const byId = new Map<number, Found>()
        for (const each of [first, ...others]) {
          for (const found of each) {
            const known = byId.get(found.id)
            if (!known) byId.set(found.id, found)
            else known.value = Math.max(known.value, found.value)
          }
        }
        best = [...byId.values()]
      }
      const left = omitted === undefined ? plan.readings[0].words.slice(count) : [plan.readings[0].words[omitted]]
      const score = scorer(pick(plan.readings[0].words))
      for (const found of best) {
        found.left = left
        found.value = score(found.document, found.id, found.value * weight)
      }
      return best
    }
    /** Each entry once, with its best value, in the place first found. */
    const merge = (lists: Found[][]): Found[] => {
      const filled = lists.filter((list) => list.length)
      // A gather lists each entry once.
      if (filled.length <= 1) return filled[0] ?? []
      const slots = new Int32Array(view.layout.size)
      const merged: Found[] = []
      for (const list of filled) {
        for (const found of list) {
          const slot = slots[found.id]
          if (slot === 0) {
            merged.push(found)
            slots[found.id] = merged.length
          } else if (found.value > merged[slot - 1].value) merged[slot - 1] = { ...merged[slot - 1], left: found.left, value: found.value }
        }
      }
      return merged
    }
    const all = plan.readings[0].words.length
    // Small words alone say little: their matches count like the facet values the query names.
    const full = gather(all, undefined, plan.browse ? browseWeight : 1, 0)
    // With three words or more and few entries holding them all, an entry missing one still ranks,
    // below those with all unless its title holds the words together: a long query often has one
    // word too many.
    const partial = plan.relaxable && all >= 3 && full.length < partialBelow ? plan.readings[0].words.map((_, i) => gather(all, i, partialWeight, i + 1)) : []
    const inFull = new Uint8Array(view.layout.size)
    for (const found of full) inFull[found.id] = 1
    const browsed: Found[] = []
    if (plan.browse) {
      const score = scorer([])
      const list = (partial.length + 1) * readings
      view.inOrder.forEach((id, order) => {
        if (!kept(id)) return
        const document = view.byInternalId[id]!
        const value = score(document, id, browseWeight)
        if (value > browseWeight) browsed.push({ document, id, left: noneLeft, list, order, raw: 0, value })
      })
    }
    const merged = merge([full, ...partial.map((list) => list.filter((each) => !inFull[each.id])), browsed])
    if (merged.length > 0 || !plan.relaxable) {
      const top = topBy(merged, wanted, before)
      return {
        all: merged.map((each) => each.document),
        top: top.map((each) => each.document),
        ...(full.length === 0 && top.length ? { ignored: [...top[0].left] } : {}),
      }
    }
    // Nothing has all but one word: as Meilisearch's `last` strategy, drop words from the end,
    // the entries matching more of them first.
    const seen = new Uint8Array(view.layout.size)
    const relaxed: Found[] = []
    for (let count = all - 1; count >= 1; count--) {
      for (const found of gather(count, undefined, 1, 0).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))) {
        if (seen[found.id]) continue
        seen[found.id] = 1
        relaxed.push(found)
      }
    }
    const found = relaxed.map((each) => each.document)
    return { all: found, top: found.slice(0, wanted), ...(relaxed.length ? { ignored: [...relaxed[0].left] } : {}) }
  }

  const toHit = (document: SearchDocument, terms: Set<string>): SearchHit => ({
    accessLevel: document.accessLevel,
    collection: document.collection,
    docId: document.docId,
    documentNumber: document.documentNumber,
    highlights: {
      summary: document.summary ? highlight(document.summary, terms) : undefined,
      text: document.text ? highlight(document.text, terms, 200) : undefined,
      title: highlight(document.title, terms),
    },
    id: document.id,
    publishedAt: document.publishedAt,
    summary: document.summary,
    thumbnail: document.thumbnail,
    title: document.title,
    url: document.url,
  })

  return {
    name: 'embedded',
    setup: async () => ({ missing: [], settled: Promise.resolve() }),
    useVocabulary: async (next) => {
      vocabulary = next
      return { missing: [], settled: Promise.resolve() }
    },
    upsert: async (batch) => batch.forEach((document) => put(entries, document)),
    remove: async (ids) => ids.forEach((id) => drop(entries, id)),
    search: async (query): Promise<SearchResult> => {
      if (query.levels.length === 0) throw new Error('search without access levels refused')
      const started = performance.now()
      const plan = planQuery(query.q, vocabulary)
      const start = (query.page - 1) * query.limit
      // The first entry names the words a relaxed search left out, even past the last page.
      const end = Math.max(1, Math.min(start + query.limit, maxTotalHits))
      const { all, ignored, top } = rank(query, plan, end)
      const terms = new Set(plan.highlightWords.map(foldedTerm))
      const total = Math.min(all.length, maxTotalHits)
      const hits = top.slice(start, Math.min(end, total)).map((document) => toHit(document, terms))
      const facets = entries.facetCounts(all)
      return {
        engineMs: performance.now() - started,
        facets,
        hits,
        ...(ignored ? { ignored } : {}),
        total,
      }
    },
    replaceAll: async (batches, onProgress) => {
      const next = newEntries()
      for await (const batch of batches) {
        batch.forEach((document) => put(next, document))
        onProgress?.(next.documents.size)
      }
      // Searches keep using the previous entries until this single swap.
      entries = next
      return { indexed: next.documents.size }
    },
    listIds: async () => [...entries.documents.keys()],
  }
}
