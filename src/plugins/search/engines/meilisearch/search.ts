import type { FederatedMultiSearchParams, Hit, SearchParams, SearchResponse } from 'meilisearch'

import type { FacetName, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../types.js'
import type { SearchVocabulary } from '../../vocabulary.js'
import type { MeilisearchConnection } from './client.js'

import { positiveWords } from '../../query.js'
import { browseWeight, facetBoost, ignoredWords, partialBelow, partialWeight, planQuery, type QueryPlan, textOf } from '../../understanding.js'
import { facetNames, maxTotalHits, maxValuesPerFacet } from '../types.js'
import { MeilisearchRefusedError } from './errors.js'
import { facetAttribute, facetAttributes, quote, searchFilter, toneFilter } from './filters.js'
import { exactToneWeight, queryToneWords } from './tones.js'

type StoredDocument = Omit<SearchDocument, 'facets' | 'text'>

/** The body text's attributes: `text`, then the parts of a long text in `textMore` ("1", "2"…). */
const textAttributes = ['text', 'textMore']

/**
 * Highlight tags Meilisearch puts around matches. They are private-use characters, not `<mark>`,
 * because Meilisearch does not escape the text around them: the text is HTML-escaped first and the
 * tags become `<mark>` after, so a title can never inject markup into a results page.
 */
const preTag = '\uE000'
const postTag = '\uE001'

/** Words of text kept around the first match of the body text. */
const cropLength = 30

const attributesToRetrieve: (keyof StoredDocument)[] = [
  'id',
  'docId',
  'collection',
  'accessLevel',
  'title',
  'documentNumber',
  'summary',
  'publishedAt',
  'thumbnail',
  'url',
]

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** Meilisearch's formatted value as safe HTML with `<mark>` around matches. */
const toHighlight = (formatted: unknown): string | undefined =>
  typeof formatted === 'string'
    ? escapeHtml(formatted).replaceAll(preTag, '<mark>').replaceAll(postTag, '</mark>')
    : undefined

const highlighted = new RegExp(`${preTag}([^${postTag}]*)${postTag}`, 'g')

/** How many different words a crop has marked. */
const markedWords = (crop: string): number => new Set([...crop.matchAll(highlighted)].map(([, word]) => word.toLowerCase())).size

/**
 * The crop of the body text that shows the query best: Meilisearch crops every part (`text`, then
 * each of `textMore`), each around its own best match or from its start when it has none, so the
 * part whose crop marks the most different words is where the words typed stand together, the
 * earliest on a tie. A crop without a match is just the start of the body; the summary says that
 * better.
 */
const textHighlight = (formatted: Record<string, unknown>): string | undefined => {
  const more = formatted.textMore && typeof formatted.textMore === 'object' ? (formatted.textMore as Record<string, unknown>) : {}
  const parts = [formatted.text, ...Object.keys(more).sort((a, b) => Number(a) - Number(b)).map((key) => more[key])]
  let best: { crop: string; words: number } | undefined
  for (const part of parts) {
    if (typeof part !== 'string') continue
    const words = markedWords(part)
    if (words > (best?.words ?? 0)) best = { crop: part, words }
  }
  return best && toHighlight(best.crop)
}

const toHit = (hit: Hit<StoredDocument>): SearchHit => {
  const formatted = (hit._formatted ?? {}) as Record<string, unknown>
  return {
    accessLevel: hit.accessLevel,
    collection: hit.collection,
    docId: hit.docId,
    documentNumber: hit.documentNumber,
    highlights: {
      summary: toHighlight(formatted.summary),
      text: textHighlight(formatted),
      title: toHighlight(formatted.title) ?? escapeHtml(hit.title),
    },
    id: hit.id,
    publishedAt: hit.publishedAt,
    summary: hit.summary,
    thumbnail: hit.thumbnail,
    title: hit.title,
    url: hit.url,
  }
}

const toFacets = (distribution: SearchResponse['facetDistribution']): SearchResult['facets'] =>
  Object.fromEntries(
    facetNames.map((facet): [FacetName, Record<string, number>] => [facet, { ...distribution?.[facetAttribute(facet)] }]),
  )

const positiveInteger = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 1) throw new MeilisearchRefusedError(`${name} must be a positive integer`)
  return value
}

/** Whether entries missing one word may rank, as in the embedded engine: three words or more, none quoted. */
const hasPartial = (plan: QueryPlan) => plan.relaxable && plan.readings[0].words.length >= 3

/** Boosts a query is also run with: each facet the query names, and all of them together. */
const boostSets = (plan: QueryPlan): { filter?: string; weight: number }[] => {
  const clause = (boost: QueryPlan['boosts'][number]) => `${facetAttribute(boost.facet)} IN [${boost.values.map(quote).join(', ')}]`
  const sets = [{ weight: 1 }, ...plan.boosts.map((boost) => ({ filter: clause(boost), weight: facetBoost }))]
  if (plan.boosts.length > 1) sets.push({ filter: plan.boosts.map(clause).join(' AND '), weight: facetBoost ** plan.boosts.length })
  return sets
}

/**
 * The search requests for a query, built before anything is sent (and refused as a whole).
 * `strategy` is `all` first; `last` when nothing had every word, which drops words from the end.
 * `withPartial` adds the queries missing one word each.
 */
const searchRequest = (indexUid: string, query: SearchQuery, plan: QueryPlan, strategy: 'all' | 'last', withPartial = false) => {
  const filter = searchFilter(query)
  const page = positiveInteger(query.page, 'page')
  const limit = positiveInteger(query.limit, 'limit')
  const words = positiveWords(plan.parsed)
  const common = {
    // Meilisearch highlights only the attributes listed here, cropped ones included.
    attributesToCrop: textAttributes,
    attributesToHighlight: ['title', 'summary', ...textAttributes],
    attributesToRetrieve,
    cropLength,
    highlightPostTag: postTag,
    highlightPreTag: preTag,
    locales: ['vie'],
    // Every word that must match does (in any form), as in the embedded engine; relaxed, the
    // first words do, and entries with more of them rank first.
    matchingStrategy: strategy,
    ...(strategy === 'last' ? { showRankingScoreDetails: true } : {}),
    // Without words to rank by (an empty query, or exclusions alone), the newest come first.
    ...(words.length ? {} : { sort: ['publishedAt:desc'] }),
  } satisfies SearchParams

  const reading = plan.readings[0]
  const boosts = boostSets(plan)
  const textWeight = plan.browse ? browseWeight : 1
  const partial = withPartial && hasPartial(plan)
  if (plan.readings.length === 1 && boosts.length === 1 && !partial && queryToneWords(reading.words).length === 0) {
    return { kind: 'single' as const, left: [[]], q: reading.text, params: { ...common, filter, facets: facetAttributes, hitsPerPage: limit, page } satisfies SearchParams }
  }
  // Every reading, with and without each boost, with and without exact tones: Meilisearch keeps
  // each entry once, from the query where its weighted score is highest. Federated search counts
  // every match and pages past `maxTotalHits`; it is held to the same bounds as a single search,
  // so a query finds as many whether or not it carries marks.
  const offset = Math.min((page - 1) * limit, maxTotalHits)
  const left: string[][] = []
  const queries = plan.readings.flatMap((each) => {
    const toneWords = queryToneWords(each.words)
    return boosts.flatMap((boost) => {
      const base = boost.filter ? `${filter} AND (${boost.filter})` : filter
      const weight = each.weight * boost.weight * textWeight
      const plain = { ...common, ...(weight === 1 ? {} : { federationOptions: { weight } }), filter: base, indexUid, q: each.text }
      if (toneWords.length === 0) return [plain]
      const exact = { ...plain, federationOptions: { weight: exactToneWeight * weight }, filter: `${base} AND ${toneFilter(toneWords)}` }
      return [exact, plain]
    })
  })
  left.push(...queries.map(() => []))
  // With three words or more, an entry missing one of them still ranks, below those with all.
  if (partial) {
    reading.words.forEach((word, omitted) => {
      const words = reading.words.filter((_, i) => i !== omitted)
      queries.push({ ...common, federationOptions: { weight: partialWeight * textWeight }, filter, indexUid, q: textOf(plan, words) })
      left.push([word])
    })
  }
  // A query naming only facets and small words lists the entries with those facet values too.
  if (plan.browse) {
    for (const boost of boosts.filter((each) => each.filter)) {
      queries.push({ ...common, federationOptions: { weight: browseWeight * boost.weight }, filter: `${filter} AND (${boost.filter})`, indexUid, q: '' })
      left.push([])
    }
  }
  const federated: FederatedMultiSearchParams = {
    federation: {
      facetsByIndex: { [indexUid]: facetAttributes },
      limit: Math.min(limit, maxTotalHits - offset),
      mergeFacets: { maxValuesPerFacet },
      offset,
    },
    queries,
  }
  return { kind: 'federated' as const, left, params: federated }
}

type Answer = SearchResult & { left?: string[]; top?: Hit<StoredDocument> }

const send = async (connection: MeilisearchConnection, indexUid: string, request: ReturnType<typeof searchRequest>): Promise<Answer> => {
  if (request.kind === 'single') {
    const response = await connection.client.index<StoredDocument>(indexUid).search(request.q, request.params)
    return {
      engineMs: response.processingTimeMs,
      facets: toFacets(response.facetDistribution),
      hits: response.hits.map(toHit),
      left: [],
      top: response.hits[0],
      total: response.totalHits ?? 0,
    }
  }
  const response = await connection.client.multiSearch<FederatedMultiSearchParams, StoredDocument>(request.params)
  return {
    engineMs: response.processingTimeMs,
    facets: toFacets(response.facetDistribution),
    hits: response.hits.map(toHit),
    left: wordsLeftOut(request.left, response.hits),
    top: response.hits[0],
    total: Math.min(response.estimatedTotalHits ?? response.totalHits ?? response.hits.length, maxTotalHits),
  }
}

/**
 * The word the hits were found without, when every hit of the page comes from a query missing one
 * (the merged answer does not say whether an entry further on has them all).
 */
const wordsLeftOut = (left: string[][], hits: Hit<StoredDocument>[]): string[] => {
  const positions = hits.map((hit) => (hit as { _federation?: { queriesPosition?: number } })._federation?.queriesPosition ?? 0)
  return positions.length && positions.every((position) => left[position]?.length) ? left[positions[0]] : []
}

/** How many of the words sent the first hit of a relaxed search matched (`words` ranking rule). */
const matchedWords = (hit: Hit<StoredDocument> | undefined): number | undefined => {
  const details = (hit as { _rankingScoreDetails?: { words?: { matchingWords?: number } } } | undefined)?._rankingScoreDetails
  return details?.words?.matchingWords
}

/**
 * Runs a search within the reader's levels. The access filter is part of every query sent; empty
 * levels are refused before any request. A query that no entry fully matches is sent again with
 * Meilisearch's `last` strategy, and the answer names the words left out.
 * @throws MeilisearchRefusedError for empty or unknown levels, unknown facets, bad pagination
 */
export const search = async (
  connection: MeilisearchConnection,
  indexUid: string,
  query: SearchQuery,
  vocabulary: SearchVocabulary,
): Promise<SearchResult> => {
  const plan = planQuery(query.q ?? '', vocabulary)
  let strict = await send(connection, indexUid, searchRequest(indexUid, query, plan, 'all'))
  // Few entries have every word: those missing one may answer better (a long query often has one
  // word too many), so the query is sent again with them.
  if (strict.total < partialBelow && hasPartial(plan)) {
    const first = strict
    strict = await send(connection, indexUid, searchRequest(indexUid, query, plan, 'all', true))
    strict.engineMs += first.engineMs
  }
  if (strict.total > 0 || !plan.relaxable) return { ...withoutTop(strict), ...(strict.left?.length ? { ignored: strict.left } : {}) }
  const relaxed = await send(connection, indexUid, searchRequest(indexUid, query, plan, 'last'))
  const kept = matchedWords(relaxed.top)
  return {
    ...withoutTop(relaxed),
    engineMs: strict.engineMs + relaxed.engineMs,
    ...(kept !== undefined && relaxed.total > 0 ? { ignored: ignoredWords(plan, kept) } : {}),
  }
}

const withoutTop = ({ left: _left, top: _top, ...result }: Answer): SearchResult => result
