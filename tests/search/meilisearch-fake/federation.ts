/**
 * Searching through `POST /indexes/:uid/search` and `POST /multi-search` with `federation`.
 */
import type { Caller } from './auth.js'
import type { SearchParams } from './params.js'

import { tokenFilter } from './auth.js'
import { apiError, Refusal, refuse } from './errors.js'
import { makeHit } from './format.js'
import { checkAttributes, type FakeIndex, facetsOf, rank, scoreDetails, type StoredDocument } from './search.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const unknownField = (body: Record<string, unknown>, known: string[]): void => {
  const key = Object.keys(body).find((candidate) => !known.includes(candidate))
  if (key !== undefined) refuse('bad_request', `Unknown field \`${key}\`: expected one of ${known.map((name) => `\`${name}\``).join(', ')}`)
}

const indexOr404 = (indexes: Map<string, FakeIndex>, uid: string): FakeIndex => indexes.get(uid) ?? refuse('index_not_found', `Index \`${uid}\` not found.`)

/** `page`/`hitsPerPage` or `offset`/`limit`, held to `maxTotalHits` (`prepare_search`). */
const pageOf = (params: SearchParams, maxTotalHits: number) => {
  const finite = params.page !== undefined || params.hitsPerPage !== undefined
  const perPage = params.hitsPerPage ?? 20
  const page = params.page ?? 1
  const [rawOffset, rawLimit] = finite ? (page === 0 ? [0, 0] : [(page - 1) * perPage, perPage]) : [params.offset, params.limit]
  const offset = Math.min(rawOffset, maxTotalHits)
  return { finite, limit: Math.min(rawLimit, maxTotalHits - offset), offset, page, perPage }
}

/** `POST /indexes/:uid/search` ("Search in an index with POST", https://www.meilisearch.com/docs/reference/api/search). */
export const searchIndex = (index: FakeIndex, params: SearchParams, caller: Caller) => {
  const started = performance.now()
  const { query, ranked } = rank(index, params, tokenFilter(caller, index.uid))
  const maxTotalHits = (index.settings.pagination as { maxTotalHits: number }).maxTotalHits
  const { finite, limit, offset, page, perPage } = pageOf(params, maxTotalHits)
  const total = Math.min(ranked.length, maxTotalHits)
  const hits = ranked.slice(offset, offset + limit).map((entry) => ({
    ...makeHit(entry.document, query, index.settings, params),
    ...(params.showRankingScoreDetails ? { _rankingScoreDetails: scoreDetails(entry, query) } : {}),
  }))
  const facets = params.facets ? facetsOf(index, ranked.map(({ document }) => document), params.facets) : undefined
  return {
    hits,
    query: params.q ?? '',
    processingTimeMs: Math.round(performance.now() - started),
    ...(finite
      ? { hitsPerPage: perPage, page, totalHits: total, totalPages: perPage === 0 ? 0 : Math.ceil(total / perPage) }
      : { estimatedTotalHits: total, limit: params.limit, offset: params.offset }),
    ...(facets ? { facetDistribution: facets.distribution, facetStats: facets.stats } : {}),
  }
}

/**
 * `POST /multi-search` with `federation`: one merged list ("Federated multi-search requests",
 * https://www.meilisearch.com/docs/reference/api/multi_search#federation). Its queries may not
 * page or ask for facets of their own; each query's hits are weighted by its `weight`; a document
 * found by several queries is kept once, where it scored best; `estimatedTotalHits` counts every
 * match, `maxTotalHits` notwithstanding (`federated/perform.rs`); `facetsByIndex` and `mergeFacets`
 * count the facets of every match.
 */
export const federatedSearch = (indexes: Map<string, FakeIndex>, queries: { caller: Caller; params: SearchParams & { federationOptions?: unknown; indexUid?: string }; raw: Record<string, unknown> }[], federation: Record<string, unknown>) => {
  const started = performance.now()
  unknownField(federation, ['limit', 'offset', 'facetsByIndex', 'mergeFacets'])
  for (const key of ['limit', 'offset']) {
    if (federation[key] !== undefined && !(Number.isSafeInteger(federation[key]) && (federation[key] as number) >= 0)) refuse(`invalid_search_${key}`, `Invalid value at \`.federation.${key}\``)
  }
  const facetsByIndex = federation.facetsByIndex ?? {}
  if (!isObject(facetsByIndex) || !Object.values(facetsByIndex).every((facets) => facets === null || (Array.isArray(facets) && facets.every((facet) => typeof facet === 'string')))) {
    refuse('invalid_multi_search_facets_by_index', 'Invalid value at `.federation.facetsByIndex`')
  }
  const mergeFacets = federation.mergeFacets
  if (mergeFacets !== undefined && mergeFacets !== null) {
    if (!isObject(mergeFacets)) refuse('invalid_multi_search_merge_facets', 'Invalid value at `.federation.mergeFacets`')
    unknownField(mergeFacets as Record<string, unknown>, ['maxValuesPerFacet'])
    const max = (mergeFacets as Record<string, unknown>).maxValuesPerFacet
    if (max !== undefined && max !== null && !(Number.isSafeInteger(max) && (max as number) >= 0)) refuse('invalid_multi_search_max_values_per_facet', 'Invalid value at `.federation.mergeFacets.maxValuesPerFacet`')
  }
  const entries: { document: StoredDocument; indexUid: string; query: number; rank: number; score: number; words: number }[] = []
  const candidates = new Map<string, Map<string, StoredDocument>>()
  const parsedQueries: ReturnType<typeof rank>['query'][] = []
  queries.forEach(({ caller, params, raw }, position) => {
    const where = `Inside \`.queries[${position}]\`: `
    const pagination = ['offset', 'limit', 'page', 'hitsPerPage'].find((key) => raw[key] !== undefined && raw[key] !== null)
    if (pagination) refuse('invalid_multi_search_query_pagination', `${where}Using pagination options is not allowed in federated queries.\n - Hint: remove \`${pagination}\` from query #${position} or remove \`federation\` from the request`)
    if (params.facets?.length) refuse('invalid_multi_search_query_facets', `${where}Using facet options is not allowed in federated queries.\n - Hint: remove \`facets\` from query #${position} or remove \`federation\` from the request`)
    const options = params.federationOptions ?? {}
    if (!isObject(options)) refuse('invalid_multi_search_federation_options', `${where}Invalid value at \`.federationOptions\``)
    unknownField(options as Record<string, unknown>, ['weight', 'remote', 'queryPosition'])
    const weight = (options as { weight?: unknown }).weight ?? 1
    if (typeof weight !== 'number' || weight < 0) refuse('invalid_multi_search_weight', `${where}Invalid value at \`.federationOptions.weight\`: the weight must be a positive number`)
    const index = indexes.get(params.indexUid!)
    if (!index) throw new Refusal(apiError('index_not_found', `${where}Index \`${params.indexUid}\` not found.`), 400)
    try {
      const { query, ranked } = rank(index, params, tokenFilter(caller, index.uid))
      parsedQueries[position] = query
      const seen = candidates.get(index.uid) ?? new Map<string, StoredDocument>()
      ranked.forEach(({ document, score, words }, rankPosition) => {
        seen.set(String(document[index.primaryKey ?? 'id']), document)
        entries.push({ document, indexUid: index.uid, query: position, rank: rankPosition, score: score * (weight as number), words })
      })
      candidates.set(index.uid, seen)
    } catch (error) {
      if (error instanceof Refusal) throw new Refusal({ ...error.error, message: `${where}${error.error.message}` }, error.status)
      throw error
    }
  })
  // Descending weighted score; a tie goes to the earlier query ("Merge algorithm for federated searches").
  entries.sort((a, b) => b.score - a.score || a.query - b.query || a.rank - b.rank)
  const kept = new Set<string>()
  const merged = entries.filter((entry) => {
    const key = `${entry.indexUid}/${String(entry.document[indexes.get(entry.indexUid)!.primaryKey ?? 'id'])}`
    if (kept.has(key)) return false
    kept.add(key)
    return true
  })
  const offset = (federation.offset as number | undefined) ?? 0
  const limit = (federation.limit as number | undefined) ?? 20
  const hits = merged.slice(offset, offset + limit).map((entry) => ({
    ...makeHit(entry.document, parsedQueries[entry.query], indexes.get(entry.indexUid)!.settings, queries[entry.query].params),
    ...(queries[entry.query].params.showRankingScoreDetails ? { _rankingScoreDetails: scoreDetails(entry, parsedQueries[entry.query]) } : {}),
    _federation: { indexUid: entry.indexUid, queriesPosition: entry.query, weightedRankingScore: entry.score },
  }))
  const byIndex: Record<string, ReturnType<typeof facetsOf>> = {}
  for (const [uid, facets] of Object.entries(facetsByIndex as Record<string, string[] | null>)) {
    const index = indexOr404(indexes, uid)
    if (!facets?.length) continue
    try {
      checkAttributes(index, { facets } as SearchParams, undefined)
    } catch (error) {
      if (error instanceof Refusal) refuse('invalid_multi_search_facets', `Inside \`.federation.facetsByIndex.${uid}\`: ${error.error.message}`)
      throw error
    }
    byIndex[uid] = facetsOf(index, [...(candidates.get(uid)?.values() ?? [])], facets)
  }
  const estimatedTotalHits = [...candidates.values()].reduce((sum, documents) => sum + documents.size, 0)
  const base = { estimatedTotalHits, hits, limit, offset, processingTimeMs: Math.round(performance.now() - started) }
  if (mergeFacets === undefined || mergeFacets === null) {
    return Object.keys(byIndex).length ? { ...base, facetsByIndex: Object.fromEntries(Object.entries(byIndex).map(([uid, facets]) => [uid, { distribution: facets.distribution, stats: facets.stats }])) } : base
  }
  const facetDistribution: Record<string, Record<string, number>> = {}
  const facetStats: Record<string, { max: number; min: number }> = {}
  for (const facets of Object.values(byIndex)) {
    for (const [facet, values] of Object.entries(facets.distribution)) {
      const target = (facetDistribution[facet] ??= {})
      for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count
    }
    for (const [facet, stats] of Object.entries(facets.stats)) {
      facetStats[facet] = { max: Math.max(facetStats[facet]?.max ?? stats.max, stats.max), min: Math.min(facetStats[facet]?.min ?? stats.min, stats.min) }
    }
  }
  const max = (mergeFacets as { maxValuesPerFacet?: number }).maxValuesPerFacet
  for (const [facet, values] of Object.entries(facetDistribution)) {
    const index = indexes.get(Object.keys(byIndex)[0])!
    const order = (index.settings.faceting as { sortFacetValuesBy: Record<string, string> }).sortFacetValuesBy
    const byCount = (order[facet] ?? order['*']) === 'count'
    const sorted = Object.entries(values).sort(([a, countA], [b, countB]) => (byCount ? countB - countA : 0) || (a < b ? -1 : a > b ? 1 : 0))
    facetDistribution[facet] = Object.fromEntries(max === undefined ? sorted : sorted.slice(0, max))
  }
  return { ...base, facetDistribution, facetStats }
}
