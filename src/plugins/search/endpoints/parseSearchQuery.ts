import type { PayloadRequest } from 'payload'

import type { SearchQuery } from '../engines/types.js'
import type { SanitizedSearchPluginOptions } from '../types.js'

import { levelsFor } from '../../../access/accessLevels.js'
import { tokenize } from '../analysis.js'
import { facetNames } from '../engines/types.js'

export class SearchQueryError extends Error {
  constructor(
    readonly key: 'searchFacetInvalid' | 'searchPageInvalid' | 'searchQueryTooLong' | 'searchQueryTooManyWords',
    readonly variables: Record<string, number | string> = {},
  ) {
    super(key)
  }
}

/**
 * Each word (a syllable or a number, as the index cuts text) is a term the engine looks up, with
 * its spelling variants and abbreviations: 40 words cost about twelve plain list requests, 20
 * about three.
 */
export const searchQueryLimits = { maxQueryLength: 200, maxQueryWords: 20 } as const

const positiveInt = (raw: null | string, fallback: number): number => {
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new SearchQueryError('searchPageInvalid', { value: raw })
  return value
}

/**
 * Reads `/api/search` parameters. Levels come from the logged-in user on the server, never from
 * the request; every facet value must be one of the known values, or the query is refused.
 */
export const parseSearchQuery = (
  url: URL,
  req: PayloadRequest,
  options: SanitizedSearchPluginOptions,
): SearchQuery => {
  const q = (url.searchParams.get('q') ?? '').normalize('NFC').trim()
  const { maxQueryLength, maxQueryWords } = searchQueryLimits
  if (q.length > maxQueryLength) throw new SearchQueryError('searchQueryTooLong', { limit: maxQueryLength })
  if (tokenize(q).length > maxQueryWords) throw new SearchQueryError('searchQueryTooManyWords', { limit: maxQueryWords })

  const allowed: Partial<Record<string, RegExp | string[]>> = {
    ...options.facetValues,
    collection: Object.keys(options.collections),
  }
  const filters: SearchQuery['filters'] = {}
  for (const facet of facetNames) {
    const param = facet === 'collection' ? 'collections' : facet
    const raw = url.searchParams.getAll(param).flatMap((value) => value.split(','))
    const values = raw.map((value) => value.trim()).filter(Boolean)
    if (!values.length) continue
    const known = allowed[facet]
    const isValid = (value: string) => (known instanceof RegExp ? known.test(value) : Boolean(known?.includes(value)))
    const invalid = values.find((value) => !isValid(value))
    if (invalid !== undefined) throw new SearchQueryError('searchFacetInvalid', { facet: param, value: invalid.slice(0, 60) })
    filters[facet] = [...new Set(values)]
  }

  const limit = Math.min(positiveInt(url.searchParams.get('limit'), 10), options.maxLimit)
  const page = positiveInt(url.searchParams.get('page'), 1)
  return { filters, levels: levelsFor(req.user), limit, page, q }
}
