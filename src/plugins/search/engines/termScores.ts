/**
 * MiniSearch's scoring of a request `{ OR: leaves, each an AND of its words }`, computed as
 * MiniSearch 7.2.0 computes it (`executeQuerySpec`, `termResults`, `combineResults` and the
 * `quality` factor of `search`; the version is pinned), to the same floating-point sums and the
 * same order of entries, but with one number per entry instead of three objects, and each term
 * looked up once per search however many readings, variants and relaxed searches repeat it.
 * A query matching most of the index made those objects most of the search's time.
 */
import type MiniSearch from 'minisearch'

/** MiniSearch's defaults (`defaultSearchOptions`): BM25+ parameters and the weights of prefix and fuzzy matches. */
const bm25 = { b: 0.7, d: 0.5, k: 1.2 }
const prefixWeight = 0.375
const fuzzyWeight = 0.45

type Postings = Map<number, Map<number, number>>

/** The MiniSearch internals read here, as 7.2.0 holds them. */
type Internals = {
  _avgFieldLength: number[]
  _documentCount: number
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _nextId: number
  _index: {
    atPrefix: (prefix: string) => Iterable<[string, Postings]>
    fuzzyGet: (term: string, distance: number) => Map<string, [Postings, number]>
    get: (term: string) => Postings | undefined
  }
}

/**
 * Scores by MiniSearch's internal id: `score[id]` (0 for none: BM25+ scores are positive), and the
 * ids scored, in the order MiniSearch's maps would hold them.
 */
export type Scores = { ids: number[]; score: Float64Array }

/** One word of a leaf as MiniSearch would search it. */
export type TermSpec = { fuzzy: false | number; prefix: boolean; term: string }

/** The words that must all match, and the fields they are looked for in (every field boosted when absent). */
export type Leaf = { fields?: string[]; terms: TermSpec[] }

/**
 * Each entry's field lengths (counts of words) by internal id (`lengths[id * fieldCount + fieldId]`)
 * and which ids are in the index: read from typed arrays, a posting costs no map lookups (a query
 * matching most of the index reads hundreds of thousands of postings). With each document id's
 * internal id, and the size arrays by internal id need. Valid for one state of the index: the
 * caller makes it again after a write (nothing in the index tells states apart: `removeAll` gives
 * the same internal ids and count again).
 */
export type Layout = { fieldCount: number; ids: ReadonlyMap<string, number>; lengths: Uint32Array; live: Uint8Array; size: number }

export const layoutOf = <T>(miniSearch: MiniSearch<T>): Layout => {
  const index = miniSearch as unknown as Internals
  const fieldCount = Object.keys(index._fieldIds).length
  // Internal ids are below the next one to be given: every array by internal id has room for all.
  const size = index._nextId
  const lengths = new Uint32Array(size * fieldCount)
  const live = new Uint8Array(size)
  for (const [id, fieldLengths] of index._fieldLength) {
    for (let field = 0; field < fieldLengths.length; field++) lengths[id * fieldCount + field] = fieldLengths[field]
  }
  for (const id of index._documentIds.keys()) live[id] = 1
  return { fieldCount, ids: index._idToShortId, lengths, live, size }
}

/** Adds one index term's postings to `scores` (`termResults` and `calcBM25Score`: the same operations in the same order). */
const addPostings = (index: Internals, layout: Layout, postings: Postings | undefined, termWeight: number, fieldBoosts: Array<[string, number]>, scores: Scores) => {
  if (!postings) return
  const { b, d, k } = bm25
  const totalCount = index._documentCount
  const { fieldCount, lengths, live } = layout
  for (const [field, fieldBoost] of fieldBoosts) {
    const fieldId = index._fieldIds[field]
    const frequencies = postings.get(fieldId)
    if (!frequencies) continue
    let matching = frequencies.size
    const average = index._avgFieldLength[fieldId]
    let invDocFreq = Math.log(1 + (totalCount - matching + 0.5) / (matching + 0.5))
    for (const [id, termFreq] of frequencies) {
      // The engine removes an entry with the very document it added, so no posting is stale; one
      // would not count, as in MiniSearch (which also deletes it from the index while searching).
      if (live[id] !== 1) {
        matching -= 1
        invDocFreq = Math.log(1 + (totalCount - matching + 0.5) / (matching + 0.5))
        continue
      }
      const fieldLength = lengths[id * fieldCount + fieldId]
      const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average)))
      const weighted = termWeight * 1 * fieldBoost * 1 * rawScore
      const score = scores.score[id]
      if (score === 0) {
        scores.score[id] = weighted
        scores.ids.push(id)
      } else scores.score[id] = score + weighted
    }
  }
}

/** One word's matches (`executeQuerySpec`): the word itself, then the words it starts, then those one typo away. */
const termScores = (index: Internals, layout: Layout, spec: TermSpec, fieldBoosts: Array<[string, number]>, size: number): Scores => {
  const scores: Scores = { ids: [], score: new Float64Array(size) }
  addPostings(index, layout, index._index.get(spec.term), 1, fieldBoosts, scores)
  const fuzzy = spec.fuzzy ? index._index.fuzzyGet(spec.term, spec.fuzzy) : undefined
  if (spec.prefix) {
    for (const [term, postings] of index._index.atPrefix(spec.term)) {
      const distance = term.length - spec.term.length
      if (!distance) continue
      fuzzy?.delete(term)
      addPostings(index, layout, postings, (prefixWeight * term.length) / (term.length + 0.3 * distance), fieldBoosts, scores)
    }
  }
  if (fuzzy) {
    for (const [term, [postings, distance]] of fuzzy) {
      if (!distance) continue
      addPostings(index, layout, postings, (fuzzyWeight * term.length) / (term.length + distance), fieldBoosts, scores)
    }
  }
  return scores
}

/** MiniSearch's AND of two score maps: the entries in both, in `b`'s order, scores added. */
const both = (a: Scores, b: Scores): Scores => {
  const combined: Scores = { ids: [], score: new Float64Array(a.score.length) }
  for (const id of b.ids) {
    const left = a.score[id]
    if (left !== 0) {
      combined.score[id] = left + b.score[id]
      combined.ids.push(id)
    }
  }
  return combined
}

/**
 * Scores a request for one search's worth of requests: `score` may be called for several requests
 * (readings, partial and relaxed searches of one query), and each distinct word is looked up once.
 */
export const requestScorer = <T>(miniSearch: MiniSearch<T>, layout: Layout, boosts: Record<string, number>, fields: string[]) => {
  const index = miniSearch as unknown as Internals
  const cache = new Map<string, Scores>()
  const boostsOf = (only?: string[]): Array<[string, number]> => (only ?? fields).map((field) => [field, boosts[field] || 1])
  const { size } = layout

  /**
   * Every entry matching at least one leaf, by internal id, with MiniSearch's score: the sum over
   * the leaves it matches, times the number of different words of those leaves; `ids` in
   * MiniSearch's order (its search sorts them by score, equal scores in this order).
   */
  const score = (leaves: Leaf[]): Scores => {
    const scores = new Float64Array(size)
    const order: number[] = []
    // Which leaves each entry matched (at most 31 leaves: 8 variants, folded and toned, and a number).
    const matchedLeaves = new Int32Array(size)
    const leafWords: string[][] = []
    leaves.forEach((leaf, position) => {
      leafWords.push([...new Set(leaf.terms.map((each) => each.term))])
      let matched: Scores | undefined
      for (const spec of leaf.terms) {
        const key = `${leaf.fields?.join() ?? ''}\u0000${spec.term}\u0000${spec.fuzzy}\u0000${spec.prefix}`
        let found = cache.get(key)
        if (!found) {
          found = termScores(index, layout, spec, boostsOf(leaf.fields), size)
          cache.set(key, found)
        }
        matched = matched ? both(matched, found) : found
      }
      if (!matched) return
      const bit = 1 << position
      for (const id of matched.ids) {
        const previous = scores[id]
        if (previous === 0) {
          scores[id] = matched.score[id]
          order.push(id)
        } else scores[id] = previous + matched.score[id]
        matchedLeaves[id] |= bit
      }
    })
    const qualities = new Map<number, number>()
    const qualityOf = (mask: number): number => {
      let quality = qualities.get(mask)
      if (quality === undefined) {
        const words = new Set<string>()
        leafWords.forEach((each, position) => mask & (1 << position) && each.forEach((word) => words.add(word)))
        quality = words.size || 1
        qualities.set(mask, quality)
      }
      return quality
    }
    for (const id of order) scores[id] = scores[id] * qualityOf(matchedLeaves[id])
    return { ids: order, score: scores }
  }

  const holders = new Map<string, Uint8Array>()
  /**
   * The entries whose `only` fields hold `term` itself (no prefix, no typo), marked 1 by internal
   * id: whether an entry has a word in a field, read from the index instead of from each entry.
   */
  const holding = (term: string, only: string[]): Uint8Array => {
    const key = `${only.join()}\u0000${term}`
    let marked = holders.get(key)
    if (!marked) {
      const marks = new Uint8Array(size)
      const postings = index._index.get(term)
      for (const field of only) postings?.get(index._fieldIds[field])?.forEach((_, id) => (marks[id] = 1))
      holders.set(key, marks)
      marked = marks
    }
    return marked
  }

  return { holding, score }
}

export type RequestScorer = ReturnType<typeof requestScorer>
