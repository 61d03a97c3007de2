import type { FederatedMultiSearchParams, Hit, SearchParams, SearchResponse } from 'meilisearch'

import type { FacetName, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../types.js'
import type { MeilisearchConnection } from './client.js'

import { parseQuery, positiveWords } from '../../query.js'
import { facetNames, maxTotalHits, maxValuesPerFacet } from '../types.js'
import { MeilisearchRefusedError } from './errors.js'
import { facetAttribute, facetAttributes, searchFilter, toneFilter } from './filters.js'
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

/** The search requests for a query, built before anything is sent (and refused as a whole). */
const searchRequest = (indexUid: string, query: SearchQuery) => {
  const filter = searchFilter(query)
  const page = positiveInteger(query.page, 'page')
  const limit = positiveInteger(query.limit, 'limit')
  const parsed = parseQuery(query.q ?? '')
  const q = parsed.text
  const words = positiveWords(parsed)
  const common = {
    // Meilisearch highlights only the attributes listed here, cropped ones included.
    attributesToCrop: textAttributes,
    attributesToHighlight: ['title', 'summary', ...textAttributes],
    attributesToRetrieve,
    cropLength,
    filter,
    highlightPostTag: postTag,
    highlightPreTag: preTag,
    locales: ['vie'],
    // Every word of the query must match (in any form), as in the embedded engine.
    matchingStrategy: 'all',
    // Without words to rank by (an empty query, or exclusions alone), the newest come first.
    ...(words.length ? {} : { sort: ['publishedAt:desc'] }),
  } satisfies SearchParams

  const toneWords = queryToneWords(words)
  if (toneWords.length === 0) {
    return { kind: 'single' as const, q, params: { ...common, facets: facetAttributes, hitsPerPage: limit, page } satisfies SearchParams }
  }
  // Federated search counts every match and pages past `maxTotalHits`; it is held to the same
  // bounds as a single search, so a query finds as many whether or not it carries marks.
  const offset = Math.min((page - 1) * limit, maxTotalHits)
  const federated: FederatedMultiSearchParams = {
    federation: {
      facetsByIndex: { [indexUid]: facetAttributes },
      limit: Math.min(limit, maxTotalHits - offset),
      mergeFacets: { maxValuesPerFacet },
      offset,
    },
    queries: [
      { ...common, federationOptions: { weight: exactToneWeight }, filter: `${filter} AND ${toneFilter(toneWords)}`, indexUid, q },
      { ...common, indexUid, q },
    ],
  }
  return { kind: 'federated' as const, params: federated }
}

/**
 * Runs a search within the reader's levels. The access filter is part of every query sent; empty
 * levels are refused before any request.
 * @throws MeilisearchRefusedError for empty or unknown levels, unknown facets, bad pagination
 */
export const search = async (
  connection: MeilisearchConnection,
  indexUid: string,
  query: SearchQuery,
): Promise<SearchResult> => {
  const request = searchRequest(indexUid, query)
  if (request.kind === 'single') {
    const response = await connection.client.index<StoredDocument>(indexUid).search(request.q, request.params)
    return {
      engineMs: response.processingTimeMs,
      facets: toFacets(response.facetDistribution),
      hits: response.hits.map(toHit),
      total: response.totalHits,
    }
  }
  const response = await connection.client.multiSearch<FederatedMultiSearchParams, StoredDocument>(request.params)
  return {
    engineMs: response.processingTimeMs,
    facets: toFacets(response.facetDistribution),
    hits: response.hits.map(toHit),
    total: Math.min(response.estimatedTotalHits ?? response.totalHits ?? response.hits.length, maxTotalHits),
  }
}
