import type { FederatedMultiSearchParams, Hit, SearchParams, SearchResponse } from 'meilisearch'

import type { FacetName, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../types.js'
import type { MeilisearchConnection } from './client.js'

import { facetNames } from '../types.js'
import { MeilisearchRefusedError } from './errors.js'
import { facetAttribute, facetAttributes, searchFilter, toneFilter } from './filters.js'
import { exactToneWeight, queryToneWords } from './tones.js'

type StoredDocument = Omit<SearchDocument, 'facets' | 'text'>

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

const toHit = (hit: Hit<StoredDocument>): SearchHit => {
  const formatted = (hit._formatted ?? {}) as Record<string, unknown>
  const text = toHighlight(formatted.text)
  return {
    accessLevel: hit.accessLevel,
    collection: hit.collection,
    docId: hit.docId,
    documentNumber: hit.documentNumber,
    highlights: {
      summary: toHighlight(formatted.summary),
      // A crop without a match is just the start of the body; the summary says that better.
      text: text?.includes('<mark>') ? text : undefined,
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
  const q = (query.q ?? '').normalize('NFC').trim()
  const common = {
    attributesToCrop: ['text'],
    attributesToHighlight: ['title', 'summary'],
    attributesToRetrieve,
    cropLength,
    filter,
    highlightPostTag: postTag,
    highlightPreTag: preTag,
    locales: ['vie'],
    // Every word of the query must match (in any form), as in the embedded engine.
    matchingStrategy: 'all',
    ...(q ? {} : { sort: ['publishedAt:desc'] }),
  } satisfies SearchParams

  const toneWords = q ? queryToneWords(q) : []
  if (toneWords.length === 0) {
    return { kind: 'single' as const, q, params: { ...common, facets: facetAttributes, hitsPerPage: limit, page } satisfies SearchParams }
  }
  const federated: FederatedMultiSearchParams = {
    federation: { facetsByIndex: { [indexUid]: facetAttributes }, limit, mergeFacets: {}, offset: (page - 1) * limit },
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
    total: response.estimatedTotalHits ?? response.totalHits ?? response.hits.length,
  }
}
