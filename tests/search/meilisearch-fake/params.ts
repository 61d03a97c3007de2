/**
 * The search parameters Meilisearch 1.19 accepts, checked as its `SearchQuery` is deserialized:
 * an unknown parameter is refused with 400 `bad_request`, a value of the wrong type with the
 * parameter's own code ("Search parameters", https://www.meilisearch.com/docs/reference/api/search#search-parameters;
 * "Error codes", https://www.meilisearch.com/docs/reference/errors/error_codes: `invalid_search_*`).
 * `vector`, `hybrid`, `media` and `retrieveVectors` are not modelled: AI search is not used here.
 */
import { refuse } from './errors.js'
import { locales } from './settings.js'

export type SearchParams = {
  attributesToCrop?: string[]
  attributesToHighlight?: string[]
  attributesToRetrieve?: string[]
  attributesToSearchOn?: string[]
  cropLength: number
  cropMarker: string
  distinct?: string
  facets?: string[]
  filter?: unknown
  highlightPostTag: string
  highlightPreTag: string
  hitsPerPage?: number
  limit: number
  locales?: string[]
  matchingStrategy: 'all' | 'frequency' | 'last'
  offset: number
  page?: number
  q?: string
  rankingScoreThreshold?: number
  showMatchesPosition: boolean
  showRankingScore: boolean
  showRankingScoreDetails: boolean
  sort?: string[]
}

type Reader = (value: unknown) => boolean

const isString: Reader = (value) => typeof value === 'string'
const isStrings: Reader = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string')
const isCount: Reader = (value) => Number.isSafeInteger(value) && (value as number) >= 0
const isBoolean: Reader = (value) => typeof value === 'boolean'

/** Each parameter: its check and the code of its error. Null means the default for every one. */
const parameters: Record<string, { check: Reader; code: string }> = {
  attributesToCrop: { check: isStrings, code: 'invalid_search_attributes_to_crop' },
  attributesToHighlight: { check: isStrings, code: 'invalid_search_attributes_to_highlight' },
  attributesToRetrieve: { check: isStrings, code: 'invalid_search_attributes_to_retrieve' },
  attributesToSearchOn: { check: isStrings, code: 'invalid_search_attributes_to_search_on' },
  cropLength: { check: isCount, code: 'invalid_search_crop_length' },
  cropMarker: { check: isString, code: 'invalid_search_crop_marker' },
  distinct: { check: isString, code: 'invalid_search_distinct' },
  facets: { check: isStrings, code: 'invalid_search_facets' },
  filter: { check: (value) => typeof value === 'string' || Array.isArray(value), code: 'invalid_search_filter' },
  highlightPostTag: { check: isString, code: 'invalid_search_highlight_post_tag' },
  highlightPreTag: { check: isString, code: 'invalid_search_highlight_pre_tag' },
  hitsPerPage: { check: isCount, code: 'invalid_search_hits_per_page' },
  limit: { check: isCount, code: 'invalid_search_limit' },
  locales: { check: (value) => isStrings(value) && (value as string[]).every((locale) => locales.has(locale)), code: 'invalid_search_locales' },
  matchingStrategy: { check: (value) => value === 'last' || value === 'all' || value === 'frequency', code: 'invalid_search_matching_strategy' },
  offset: { check: isCount, code: 'invalid_search_offset' },
  page: { check: isCount, code: 'invalid_search_page' },
  q: { check: isString, code: 'invalid_search_q' },
  rankingScoreThreshold: {
    check: (value) => typeof value === 'number' && value >= 0 && value <= 1,
    code: 'invalid_search_ranking_score_threshold',
  },
  showMatchesPosition: { check: isBoolean, code: 'invalid_search_show_matches_position' },
  showRankingScore: { check: isBoolean, code: 'invalid_search_show_ranking_score' },
  showRankingScoreDetails: { check: isBoolean, code: 'invalid_search_show_ranking_score_details' },
  sort: { check: isStrings, code: 'invalid_search_sort' },
}

/** Only in a query of `POST /multi-search`. */
const perQuery = ['indexUid', 'federationOptions']

/** Defaults: 20 hits from 0, crops of 10 words marked `…`, `<em>` tags, `last` ("Search parameters" table). */
const defaults = {
  cropLength: 10,
  cropMarker: '…',
  highlightPostTag: '</em>',
  highlightPreTag: '<em>',
  limit: 20,
  matchingStrategy: 'last' as const,
  offset: 0,
  showMatchesPosition: false,
  showRankingScore: false,
  showRankingScoreDetails: false,
}

/**
 * Checks a search body.
 * @param inMultiSearch whether it is a query of `/multi-search` (which may name its index)
 * @throws Refusal 400 with the parameter's code
 */
export const readSearchParams = (body: unknown, inMultiSearch = false): SearchParams & { federationOptions?: unknown; indexUid?: string } => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('bad_request', 'Invalid value type: expected an object')
  const known = [...Object.keys(parameters), ...(inMultiSearch ? perQuery : [])]
  for (const [key, value] of Object.entries(body)) {
    if (!known.includes(key)) {
      if (['vector', 'hybrid', 'media', 'retrieveVectors'].includes(key)) return refuse('bad_request', `\`${key}\` is not modelled by this fake`)
      return refuse('bad_request', `Unknown field \`${key}\`: expected one of ${known.map((name) => `\`${name}\``).join(', ')}`)
    }
    if (value === null || key === 'indexUid' || key === 'federationOptions') continue
    if (!parameters[key].check(value)) return refuse(parameters[key].code, `Invalid value at \`.${key}\``)
  }
  const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null))
  return { ...defaults, ...given } as SearchParams & { federationOptions?: unknown; indexUid?: string }
}
