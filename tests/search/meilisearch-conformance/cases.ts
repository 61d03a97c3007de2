/**
 * The shared table: what Meilisearch accepts, refuses and answers, one documented rule per case,
 * each with the documentation section it comes from. The same cases run against the fake and,
 * in the GitHub workflow, against Meilisearch 1.19, so the fake cannot drift from the server and
 * the table cannot drift from either. Where the documentation is silent or says otherwise than the
 * server, `source` names the server code the rule was read in and `docsSay` what the page says.
 */
import type { Answer, Call, Target } from './target.js'

import { quote } from '../../../src/plugins/search/engines/meilisearch/filters.js'
import { indexSettings } from '../../../src/plugins/search/engines/meilisearch/settings.js'
import { signToken } from './target.js'

const docs = (path: string) => `https://www.meilisearch.com/docs/${path}`

export type Given = {
  settings?: Record<string, unknown>
  documents?: Record<string, unknown>[]
}

export type Context = Target & {
  /** This case's own index (created with `given`, or not at all). */
  index: string
  /** Another fresh index uid, not created. */
  other: () => string
  /** Creates an index of this run with settings and documents, and waits for it. */
  prepare: (uid: string, given: Given) => Promise<void>
  /** Creates an API key with the master key. */
  createKey: (fields: { actions: string[]; indexes: string[]; expiresAt?: string | null }) => Promise<{ key: string; uid: string }>
}

export type Case = {
  rule: string
  docs: string
  source?: string
  docsSay?: string
  given?: Given
  request: (context: Context) => Call | Promise<Call>
  expect: {
    status: number
    code?: string
    /** For a 202: how the task ends. */
    task?: { status: 'failed' | 'succeeded'; code?: string }
    /** Further checks of the answer. */
    then?: (answer: Answer, context: Context) => Promise<void> | void
  }
}

const words = (count: number, word = 'chữ') => Array.from({ length: count }, () => word).join(' ')

const levels = [
  { accessLevel: 'public', id: 'p1', title: 'Bé học đếm' },
  { accessLevel: 'staff', id: 's1', title: 'Bé học vẽ' },
]

const search = (index: string, body: Record<string, unknown>, as?: Call['as']): Call => ({ as, body, method: 'POST', path: `/indexes/${index}/search`, })

export const cases: Case[] = [
  // Index uids
  {
    rule: 'an index uid with a space is refused at once',
    docs: docs('learn/getting_started/indexes#index-uid'),
    request: () => ({ body: { primaryKey: 'id', uid: 'truong so' }, method: 'POST', path: '/indexes' }),
    expect: { code: 'invalid_index_uid', status: 400 },
  },
  {
    rule: 'an index uid given as a number is refused at once',
    docs: docs('reference/errors/error_codes#invalid_index_uid'),
    source: 'meilisearch-types/src/index_uid.rs: `IndexUid` is read from a JSON string only',
    docsSay: 'the index guide says a uid "must be an integer or string"',
    request: () => ({ body: { uid: 1 }, method: 'POST', path: '/indexes' }),
    expect: { code: 'invalid_index_uid', status: 400 },
  },
  {
    rule: 'creating an index without a uid is refused at once',
    docs: docs('reference/errors/error_codes#missing_index_uid'),
    request: () => ({ body: {}, method: 'POST', path: '/indexes' }),
    expect: { code: 'missing_index_uid', status: 400 },
  },
  {
    rule: 'an index uid of 401 bytes is refused at once',
    docs: docs('reference/errors/error_codes#invalid_index_uid'),
    source: 'meilisearch-types/src/index_uid.rs: at most 400 bytes (its message says 512)',
    request: (context) => ({ body: { uid: `${context.index}_${'x'.repeat(400 - context.index.length)}` }, method: 'POST', path: '/indexes' }),
    expect: { code: 'invalid_index_uid', status: 400 },
  },
  {
    rule: 'an index uid of 400 bytes is accepted',
    docs: docs('learn/getting_started/indexes#index-uid'),
    source: 'meilisearch-types/src/index_uid.rs',
    request: (context) => ({ body: { uid: `${context.index}_${'x'.repeat(399 - context.index.length)}` }, method: 'POST', path: '/indexes' }),
    expect: { status: 202, task: { status: 'succeeded' } },
  },
  {
    rule: 'creating an index that exists is accepted, and its task fails with index_already_exists',
    docs: docs('reference/errors/error_codes#index_already_exists'),
    given: {},
    request: (context) => ({ body: { primaryKey: 'id', uid: context.index }, method: 'POST', path: '/indexes' }),
    expect: { status: 202, task: { code: 'index_already_exists', status: 'failed' } },
  },

  // Settings
  {
    rule: 'the settings this engine sends are accepted, and once applied the engine finds nothing to change',
    docs: docs('reference/api/settings#update-settings'),
    given: {},
    request: (context) => ({ body: indexSettings(), method: 'PATCH', path: `/indexes/${context.index}/settings` }),
    expect: {
      status: 202,
      task: { status: 'succeeded' },
      then: async (_answer, context) => {
        const { settingsToUpdate } = await import('../../../src/plugins/search/engines/meilisearch/settings.js')
        const { body } = await context.call({ method: 'GET', path: `/indexes/${context.index}/settings` })
        expect(settingsToUpdate(body, indexSettings())).toEqual([])
      },
    },
  },
  {
    rule: 'an unknown setting is refused at once with bad_request, before any task',
    docs: docs('reference/errors/error_codes#bad_request'),
    given: {},
    request: (context) => ({ body: { searchableAttribute: ['title'] }, method: 'PATCH', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'bad_request', status: 400 },
  },
  {
    rule: 'minWordSizeForTypos with oneTypo above twoTypos is refused at once',
    docs: docs('reference/errors/error_codes#invalid_settings_typo_tolerance'),
    given: {},
    request: (context) => ({ body: { typoTolerance: { minWordSizeForTypos: { oneTypo: 9, twoTypos: 4 } } }, method: 'PATCH', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'invalid_settings_typo_tolerance', status: 400 },
  },
  {
    rule: 'a maxTotalHits of 0 is refused at once',
    docs: docs('reference/errors/error_codes#invalid_settings_pagination'),
    source: 'meilisearch-types/src/settings.rs: `max_total_hits: Setting<NonZeroUsize>`',
    given: {},
    request: (context) => ({ body: { pagination: { maxTotalHits: 0 } }, method: 'PATCH', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'invalid_settings_pagination', status: 400 },
  },
  {
    rule: 'a negative maxValuesPerFacet is refused at once with the faceting code',
    docs: docs('reference/api/settings#faceting-object'),
    source: 'meilisearch-types/src/settings.rs: `FacetingSettings` errors are `InvalidSettingsFaceting`',
    docsSay: 'the error codes page names `invalid_settings_faceting_max_values_per_facet`, a code the server does not have',
    given: {},
    request: (context) => ({ body: { faceting: { maxValuesPerFacet: -1 } }, method: 'PATCH', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'invalid_settings_faceting', status: 400 },
  },
  {
    rule: 'a localized attribute rule with an unknown locale is refused at once',
    docs: docs('reference/errors/error_codes#invalid_settings_localized_attributes'),
    given: {},
    request: (context) => ({ body: { localizedAttributes: [{ attributePatterns: ['*'], locales: ['xx'] }] }, method: 'PATCH', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'invalid_settings_localized_attributes', status: 400 },
  },

  // Documents
  {
    rule: 'a document id with a slash is accepted, and the task fails with invalid_document_id',
    docs: docs('reference/errors/error_codes#invalid_document_id'),
    given: {},
    request: (context) => ({ body: [{ id: 'a/b', title: 'x' }], method: 'POST', path: `/indexes/${context.index}/documents` }),
    expect: { status: 202, task: { code: 'invalid_document_id', status: 'failed' } },
  },
  {
    rule: 'a body that is not JSON is refused at once with malformed_payload',
    docs: docs('reference/errors/error_codes#malformed_payload'),
    given: {},
    request: (context) => ({ method: 'POST', path: `/indexes/${context.index}/documents`, raw: '[{"id": 1' }),
    expect: { code: 'malformed_payload', status: 400 },
  },
  {
    rule: 'a body of 100,000,001 bytes is refused with payload_too_large',
    docs: docs('reference/errors/error_codes#payload_too_large'),
    source: 'meilisearch/src/option.rs: the default limit is "100 MB", 100,000,000 bytes',
    docsSay: 'the configuration reference gives the default as 104857600 (~100MB)',
    given: {},
    request: (context) => ({ method: 'POST', path: `/indexes/${context.index}/documents`, raw: Buffer.alloc(100_000_001, 0x20) }),
    expect: { code: 'payload_too_large', status: 413 },
  },
  {
    rule: 'a body of 100,000,000 bytes is within the limit (and, not being JSON, malformed)',
    docs: docs('reference/errors/error_codes#payload_too_large'),
    source: 'meilisearch/src/option.rs',
    given: {},
    request: (context) => ({ method: 'POST', path: `/indexes/${context.index}/documents`, raw: Buffer.alloc(100_000_000, 0x20).fill('x', 0, 1) }),
    expect: { code: 'malformed_payload', status: 400 },
  },

  // Filters
  {
    rule: 'a filter on an attribute that is not filterable is refused',
    docs: docs('reference/errors/error_codes#invalid_search_filter'),
    given: { documents: levels },
    request: (context) => search(context.index, { filter: 'accessLevel = public' }),
    expect: { code: 'invalid_search_filter', status: 400 },
  },
  {
    rule: 'a filter with a missing value is refused',
    docs: docs('reference/errors/error_codes#invalid_search_filter'),
    given: { documents: levels, settings: { filterableAttributes: ['accessLevel'] } },
    request: (context) => search(context.index, { filter: 'accessLevel = ' }),
    expect: { code: 'invalid_search_filter', status: 400 },
  },
  {
    rule: 'a quoted value holding a backslash and a quote, escaped as \\\\ and \\", matches itself',
    docs: docs('changelog/v1.4'),
    source: 'filter-parser/src/value.rs: the escaped quote is unescaped, then every escape',
    given: {
      documents: [{ id: '1', issuer: 'a\\b"c' }, { id: '2', issuer: 'a\\\\b"c' }, { id: '3', issuer: 'ab"c' }],
      settings: { filterableAttributes: ['issuer'] },
    },
    request: (context) => search(context.index, { filter: `issuer = ${quote('a\\b"c')}` }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },
  {
    rule: 'string equality ignores case',
    docs: docs('learn/filtering_and_sorting/filter_expression_reference#equality-'),
    given: { documents: [{ id: '1', type: 'worksheet' }, { id: '2', type: 'game' }], settings: { filterableAttributes: ['type'] } },
    request: (context) => search(context.index, { filter: 'type = "WORKSHEET"' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },
  {
    rule: 'a quoted number in IN matches a number',
    docs: docs('learn/filtering_and_sorting/filter_expression_reference#in'),
    source: 'milli/src/search/facet/filter.rs: an equality also looks the value up as a number',
    given: { documents: [{ facets: { year: 2024 }, id: '1' }, { facets: { year: 2023 }, id: '2' }], settings: { filterableAttributes: ['facets.year'] } },
    request: (context) => search(context.index, { filter: 'facets.year IN ["2024"]' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },
  {
    rule: 'AND binds tighter than OR',
    docs: docs('learn/filtering_and_sorting/filter_expression_reference#creating-filter-expressions-with-string-operators-and-parentheses'),
    given: {
      documents: [{ a: 'x', b: 'n', c: 'n', id: '1' }, { a: 'n', b: 'y', c: 'n', id: '2' }, { a: 'n', b: 'y', c: 'z', id: '3' }],
      settings: { filterableAttributes: ['a', 'b', 'c'] },
    },
    request: (context) => search(context.index, { filter: 'a = x OR b = y AND c = z' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id).sort()).toEqual(['1', '3']) },
  },

  // Search parameters
  {
    rule: 'an unknown search parameter is refused',
    docs: docs('reference/errors/error_codes#bad_request'),
    given: { documents: levels },
    request: (context) => search(context.index, { hitsPerPages: 5 }),
    expect: { code: 'bad_request', status: 400 },
  },
  {
    rule: 'hitsPerPage that is not an integer is refused',
    docs: docs('reference/errors/error_codes#invalid_search_hits_per_page'),
    given: { documents: levels },
    request: (context) => search(context.index, { hitsPerPage: 'ten' }),
    expect: { code: 'invalid_search_hits_per_page', status: 400 },
  },
  {
    rule: 'sorting by an attribute that is not sortable is refused',
    docs: docs('reference/errors/error_codes#invalid_search_sort'),
    given: { documents: levels },
    request: (context) => search(context.index, { sort: ['publishedAt:desc'] }),
    expect: { code: 'invalid_search_sort', status: 400 },
  },
  {
    rule: 'facets on an attribute that is not filterable are refused',
    docs: docs('reference/errors/error_codes#invalid_search_facets'),
    source: 'milli/src/search/facet/facet_distribution.rs: `InvalidFacetsDistribution`',
    docsSay: 'the search reference says such a facet "will be ignored"',
    given: { documents: levels },
    request: (context) => search(context.index, { facets: ['accessLevel'] }),
    expect: { code: 'invalid_search_facets', status: 400 },
  },
  {
    rule: 'an unknown locale is refused',
    docs: docs('reference/errors/error_codes#invalid_search_locales'),
    given: { documents: levels },
    request: (context) => search(context.index, { locales: ['xx'], q: 'bé' }),
    expect: { code: 'invalid_search_locales', status: 400 },
  },

  // Highlighting and cropping
  {
    rule: 'a cropped attribute is not highlighted unless attributesToHighlight names it',
    docs: docs('reference/api/search#attributes-to-highlight'),
    given: { documents: [{ id: '1', text: `${words(20, 'mở')} bé học đếm ${words(20, 'kết')}` }] },
    request: (context) => search(context.index, { attributesToCrop: ['text'], cropLength: 5, highlightPostTag: ']', highlightPreTag: '[', q: 'đếm' }),
    expect: {
      status: 200,
      then: ({ body }) => {
        const text = body.hits[0]._formatted.text as string
        expect(text).toContain('đếm')
        expect(text).not.toContain('[')
        expect(text.startsWith('…')).toBe(true)
      },
    },
  },
  {
    rule: 'an attribute both cropped and highlighted has its match marked in the crop',
    docs: docs('reference/api/search#attributes-to-highlight'),
    given: { documents: [{ id: '1', text: `${words(20, 'mở')} bé học đếm ${words(20, 'kết')}` }] },
    request: (context) => search(context.index, { attributesToCrop: ['text'], attributesToHighlight: ['text'], cropLength: 5, highlightPostTag: ']', highlightPreTag: '[', q: 'đếm' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits[0]._formatted.text).toContain('[đếm]') },
  },
  {
    rule: 'naming an object in attributesToHighlight and attributesToCrop formats each of its fields',
    docs: docs('reference/api/search#attributes-to-highlight'),
    given: { documents: [{ id: '1', textMore: { '1': `${words(30, 'mở')}`, '2': `${words(30, 'giữa')} bé học đếm ${words(30, 'cuối')}` } }] },
    request: (context) => search(context.index, { attributesToCrop: ['textMore'], attributesToHighlight: ['textMore'], attributesToRetrieve: ['id'], cropLength: 6, highlightPostTag: ']', highlightPreTag: '[', q: 'đếm' }),
    expect: {
      status: 200,
      then: ({ body }) => {
        const more = body.hits[0]._formatted.textMore as Record<string, string>
        expect(more['2']).toContain('[đếm]')
        expect(more['1']).not.toContain('[')
        expect(more['1'].split(' ').length).toBeLessThanOrEqual(7)
        expect(body.hits[0].textMore).toBeUndefined()
      },
    },
  },
  {
    rule: 'an attribute that is not displayed is neither highlighted nor cropped',
    docs: docs('reference/api/settings#displayed-attributes'),
    source: 'meilisearch/src/search/mod.rs: `compute_formatted_options` keeps displayed attributes only',
    given: { documents: [{ id: '1', textMore: { '1': 'bé học đếm' }, title: 'Bé' }], settings: { displayedAttributes: ['id', 'title'] } },
    request: (context) => search(context.index, { attributesToCrop: ['textMore'], attributesToHighlight: ['textMore', 'title'], q: 'đếm' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits[0]._formatted.textMore).toBeUndefined() },
  },
  {
    rule: 'no _formatted is returned when nothing is to be highlighted or cropped',
    docs: docs('reference/api/search#attributes-to-highlight'),
    given: { documents: levels },
    request: (context) => search(context.index, { q: 'bé' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits[0]).not.toHaveProperty('_formatted') },
  },
  {
    rule: 'numbers in _formatted are strings',
    docs: docs('reference/api/search#attributes-to-highlight'),
    source: 'meilisearch/src/search/mod.rs: `format_value` turns numbers into strings',
    given: { documents: [{ id: '1', title: 'Bé', year: 2024 }] },
    request: (context) => search(context.index, { attributesToHighlight: ['title'], q: 'bé' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits[0]._formatted.year).toBe('2024') },
  },

  // Searchable attributes and word positions
  {
    rule: 'a nested field is searched through its object in searchableAttributes',
    docs: docs('reference/api/settings#searchable-attributes'),
    given: { documents: [{ id: '1', textMore: { '3': 'quê hương' }, title: 'x' }], settings: { searchableAttributes: ['title', 'textMore'] } },
    request: (context) => search(context.index, { q: 'hương' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },
  {
    rule: 'words past the 65,535th position of one attribute are not indexed, while the same words in a nested field are',
    docs: docs('learn/resources/known_limitations#maximum-number-of-words-per-attribute'),
    given: {
      documents: [
        { id: 'one', text: `${words(65_535, 'bé')} tíchtắc` },
        { id: 'parts', text: words(30_000, 'bé'), textMore: { '1': words(30_000, 'bé'), '2': `${words(5_535, 'bé')} tíchtắc` } },
      ],
    },
    request: (context) => search(context.index, { q: 'tichtac' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['parts']) },
  },

  // Query syntax
  {
    rule: 'a quoted phrase matches its words side by side only',
    docs: docs('reference/api/search#phrase-search'),
    given: { documents: [{ id: '1', title: 'học liệu mầm non' }, { id: '2', title: 'liệu học mầm non' }] },
    request: (context) => search(context.index, { q: '"học liệu"' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },
  {
    rule: 'a word after a minus leaves out the documents holding it',
    docs: docs('reference/api/search#negative-search'),
    given: { documents: [{ id: '1', title: 'bé học đếm' }, { id: '2', title: 'bé học vẽ' }] },
    request: (context) => search(context.index, { q: 'bé -vẽ' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },
  {
    rule: 'words after the tenth are ignored',
    docs: docs('learn/resources/known_limitations#maximum-number-of-query-words'),
    given: { documents: [{ id: '1', title: 'một hai ba bốn năm sáu bảy tám chín mười' }] },
    request: (context) => search(context.index, { matchingStrategy: 'all', q: 'một hai ba bốn năm sáu bảy tám chín mười mười một' }),
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1']) },
  },

  {
    rule: 'with matchingStrategy last, fewer words from the start match and the words rule says how many',
    docs: docs('reference/api/search#ranking-score-details'),
    given: { documents: [{ id: '1', title: 'bé học vẽ' }, { id: '2', title: 'bé ngủ' }] },
    request: (context) => search(context.index, { matchingStrategy: 'last', q: 'bé học hát', showRankingScoreDetails: true }),
    expect: {
      status: 200,
      then: ({ body }) => {
        expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['1', '2'])
        expect(body.hits.map((hit: { _rankingScoreDetails: { words: { matchingWords: number; maxMatchingWords: number } } }) => hit._rankingScoreDetails.words))
          .toMatchObject([{ matchingWords: 2, maxMatchingWords: 3 }, { matchingWords: 1, maxMatchingWords: 3 }])
      },
    },
  },

  // Pagination and maxTotalHits
  {
    rule: 'totalHits and pages stop at maxTotalHits',
    docs: docs('reference/api/search#exhaustive-and-estimated-total-number-of-search-results'),
    given: { documents: ['1', '2', '3', '4', '5'].map((id) => ({ id, title: 'bé' })), settings: { pagination: { maxTotalHits: 3 } } },
    request: (context) => search(context.index, { hitsPerPage: 2, page: 2, q: 'bé' }),
    expect: {
      status: 200,
      then: ({ body }) => {
        expect(body).toMatchObject({ totalHits: 3, totalPages: 2 })
        expect(body.hits).toHaveLength(1)
      },
    },
  },
  {
    rule: 'an offset at maxTotalHits returns no hits',
    docs: docs('reference/api/search#offset'),
    given: { documents: ['1', '2', '3', '4', '5'].map((id) => ({ id, title: 'bé' })), settings: { pagination: { maxTotalHits: 3 } } },
    request: (context) => search(context.index, { limit: 2, offset: 3, q: 'bé' }),
    expect: { status: 200, then: ({ body }) => expect(body).toMatchObject({ estimatedTotalHits: 3, hits: [] }) },
  },
  {
    rule: 'a federated search counts every match, past maxTotalHits',
    docs: docs('reference/api/multi_search#federated-multi-search-requests'),
    source: 'meilisearch/src/search/federated/perform.rs: `estimated_total_hits = candidates.len()`, offset and limit unbounded',
    given: { documents: ['1', '2', '3', '4', '5'].map((id) => ({ id, title: 'bé' })), settings: { pagination: { maxTotalHits: 3 } } },
    request: (context) => ({ body: { federation: { limit: 2, offset: 4 }, queries: [{ indexUid: context.index, q: 'bé' }] }, method: 'POST', path: '/multi-search' }),
    expect: { status: 200, then: ({ body }) => expect(body).toMatchObject({ estimatedTotalHits: 5, hits: [expect.anything()] }) },
  },
  {
    rule: 'a federated query may not page itself',
    docs: docs('reference/errors/error_codes#invalid_multi_search_query_pagination'),
    given: { documents: levels },
    request: (context) => ({ body: { federation: {}, queries: [{ indexUid: context.index, limit: 5, q: 'bé' }] }, method: 'POST', path: '/multi-search' }),
    expect: { code: 'invalid_multi_search_query_pagination', status: 400 },
  },
  {
    rule: 'a federated query may not ask for facets of its own',
    docs: docs('reference/errors/error_codes#invalid_multi_search_query_facets'),
    given: { documents: levels, settings: { filterableAttributes: ['accessLevel'] } },
    request: (context) => ({ body: { federation: {}, queries: [{ facets: ['accessLevel'], indexUid: context.index, q: 'bé' }] }, method: 'POST', path: '/multi-search' }),
    expect: { code: 'invalid_multi_search_query_facets', status: 400 },
  },

  // Facets
  {
    rule: 'maxValuesPerFacet keeps the first values in alphabetical order by default',
    docs: docs('reference/api/settings#faceting-object'),
    given: {
      documents: [{ id: '1', issuer: 'c' }, { id: '2', issuer: 'c' }, { id: '3', issuer: 'c' }, { id: '4', issuer: 'a' }, { id: '5', issuer: 'b' }],
      settings: { faceting: { maxValuesPerFacet: 2 }, filterableAttributes: ['issuer'] },
    },
    request: (context) => search(context.index, { facets: ['issuer'] }),
    expect: { status: 200, then: ({ body }) => expect(body.facetDistribution).toEqual({ issuer: { a: 1, b: 1 } }) },
  },
  {
    rule: 'sortFacetValuesBy count keeps the most frequent values',
    docs: docs('reference/api/settings#faceting-object'),
    given: {
      documents: [{ id: '1', issuer: 'c' }, { id: '2', issuer: 'c' }, { id: '3', issuer: 'c' }, { id: '4', issuer: 'a' }, { id: '5', issuer: 'b' }, { id: '6', issuer: 'b' }],
      settings: { faceting: { maxValuesPerFacet: 2, sortFacetValuesBy: { '*': 'count' } }, filterableAttributes: ['issuer'] },
    },
    request: (context) => search(context.index, { facets: ['issuer'] }),
    expect: { status: 200, then: ({ body }) => expect(body.facetDistribution).toEqual({ issuer: { b: 2, c: 3 } }) },
  },

  // Swaps
  {
    rule: 'a swap without `rename` exchanges two existing indexes',
    docs: docs('reference/api/indexes#swap-indexes'),
    given: { documents: [{ id: 'live', title: 'x' }] },
    request: async (context) => {
      const other = context.other()
      await context.prepare(other, { documents: [{ id: 'fresh', title: 'y' }] })
      return { body: [{ indexes: [context.index, other] }], method: 'POST', path: '/swap-indexes' }
    },
    expect: {
      status: 202,
      task: { status: 'succeeded' },
      then: async (_answer, context) => {
        const { body } = await context.call({ method: 'GET', path: `/indexes/${context.index}/documents` })
        expect(body.results.map((document: { id: string }) => document.id)).toEqual(['fresh'])
      },
    },
  },
  {
    rule: 'a swap with an index that does not exist fails as a task with index_not_found',
    docs: docs('reference/api/indexes#swap-indexes'),
    given: {},
    request: (context) => ({ body: [{ indexes: [context.index, context.other()] }], method: 'POST', path: '/swap-indexes' }),
    expect: { status: 202, task: { code: 'index_not_found', status: 'failed' } },
  },
  {
    rule: 'an index named twice in one swap request is refused at once',
    docs: docs('reference/errors/error_codes#invalid_swap_duplicate_index_found'),
    given: {},
    request: (context) => {
      const other = context.other()
      return { body: [{ indexes: [context.index, other] }, { indexes: [other, context.index] }], method: 'POST', path: '/swap-indexes' }
    },
    expect: { code: 'invalid_swap_duplicate_index_found', status: 400 },
  },
  {
    rule: 'a swap with `rename: true` gives the index a new name (since 1.18)',
    docs: docs('reference/api/indexes#swap-indexes'),
    source: 'meilisearch/src/routes/swap_indexes.rs: `rename`; the reference page does not list the field yet',
    given: { documents: [{ id: 'live', title: 'x' }] },
    request: (context) => ({ body: [{ indexes: [context.index, `${context.index}_renamed`], rename: true }], method: 'POST', path: '/swap-indexes' }),
    expect: {
      status: 202,
      task: { status: 'succeeded' },
      then: async (_answer, context) => {
        expect((await context.call({ method: 'GET', path: `/indexes/${context.index}_renamed` })).status).toBe(200)
        expect((await context.call({ method: 'GET', path: `/indexes/${context.index}` })).status).toBe(404)
      },
    },
  },

  // Keys
  {
    rule: 'a request without a key is refused with 401',
    docs: docs('reference/errors/error_codes#missing_authorization_header'),
    given: {},
    request: (context) => ({ as: 'none', method: 'GET', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'missing_authorization_header', status: 401 },
  },
  {
    rule: 'a search key may not read settings',
    docs: docs('reference/api/keys#actions'),
    given: {},
    request: async (context) => ({ as: { bearer: (await context.createKey({ actions: ['search'], indexes: ['*'] })).key }, method: 'GET', path: `/indexes/${context.index}/settings` }),
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'a key for one index may not search another',
    docs: docs('reference/api/keys#indexes'),
    given: { documents: levels },
    request: async (context) => search(context.index, { q: 'bé' }, { bearer: (await context.createKey({ actions: ['search'], indexes: [context.other()] })).key }),
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'a key with a `prefix*` index pattern reaches every index starting so',
    docs: docs('reference/api/keys#indexes'),
    given: { documents: levels },
    request: async (context) => search(context.index, { q: 'bé' }, { bearer: (await context.createKey({ actions: ['search'], indexes: [`${context.index.slice(0, -1)}*`] })).key }),
    expect: { status: 200 },
  },
  {
    rule: 'a key is checked before the body: a refused action answers 403 whatever the body',
    docs: docs('reference/errors/error_codes#invalid_api_key'),
    source: 'meilisearch/src/extractors/sequential_extractor.rs: the key extractor runs before the body',
    given: {},
    request: async (context) => ({ as: { bearer: (await context.createKey({ actions: ['search'], indexes: ['*'] })).key }, method: 'PATCH', path: `/indexes/${context.index}/settings`, raw: '{"displayedAttributes": 1}' }),
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'an allowed action with a bad body answers 400, so an action can be tried without changing anything',
    docs: docs('reference/errors/error_codes#invalid_settings_displayed_attributes'),
    given: {},
    request: async (context) => ({ as: { bearer: (await context.createKey({ actions: ['settings.update'], indexes: ['*'] })).key }, method: 'PATCH', path: `/indexes/${context.index}/settings`, raw: '{"displayedAttributes": 1}' }),
    expect: { code: 'invalid_settings_displayed_attributes', status: 400 },
  },
  {
    rule: 'a key with keys.get may read keys, not only the master key',
    docs: docs('reference/api/keys'),
    source: 'meilisearch/src/extractors/authentication/mod.rs: a key with a `keys.*` action passes',
    docsSay: 'the API overview says the /keys route "can only be accessed using the master key"',
    request: async (context) => ({ as: { bearer: (await context.createKey({ actions: ['keys.get'], indexes: ['*'] })).key }, method: 'GET', path: '/keys?limit=1' }),
    expect: { status: 200 },
  },
  {
    rule: 'the master key is no API key: looking it up finds nothing',
    docs: docs('learn/security/differences_master_api_keys'),
    request: (context) => ({ method: 'GET', path: `/keys/${context.masterKey}` }),
    expect: { code: 'api_key_not_found', status: 404 },
  },
  {
    rule: 'a key that has expired is refused',
    docs: docs('reference/api/keys#expiresat'),
    given: { documents: levels },
    request: async (context) => {
      const key = await context.createKey({ actions: ['search'], expiresAt: new Date(Date.now() + 1000).toISOString(), indexes: ['*'] })
      // Expiry is a matter of time passing; a key must expire in the future when it is created.
      await new Promise((resolve) => setTimeout(resolve, 1100))
      return search(context.index, { q: 'bé' }, { bearer: key.key })
    },
    expect: { code: 'invalid_api_key', status: 403 },
  },

  // Tenant tokens
  {
    rule: "a tenant token's filter applies to every search, whatever filter the search adds",
    docs: docs('learn/security/tenant_token_reference#search-rules'),
    given: { documents: levels, settings: { filterableAttributes: ['accessLevel'] } },
    request: async (context) => {
      const key = await context.createKey({ actions: ['search'], indexes: ['*'] })
      const token = signToken(key.key, { apiKeyUid: key.uid, exp: Math.floor(Date.now() / 1000) + 600, searchRules: { [context.index]: { filter: 'accessLevel = "public"' } } })
      return search(context.index, { filter: 'accessLevel = "staff" OR accessLevel = "public"', q: '' }, { bearer: token })
    },
    expect: { status: 200, then: ({ body }) => expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['p1']) },
  },
  {
    rule: 'a tenant token may not search an index its rules do not name',
    docs: docs('learn/security/tenant_token_reference#search-rules'),
    given: { documents: levels },
    request: async (context) => {
      const key = await context.createKey({ actions: ['search'], indexes: ['*'] })
      return search(context.index, { q: 'bé' }, { bearer: signToken(key.key, { apiKeyUid: key.uid, searchRules: { [context.other()]: {} } }) })
    },
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'an expired tenant token is refused',
    docs: docs('learn/security/tenant_token_reference#expiry-date'),
    given: { documents: levels },
    request: async (context) => {
      const key = await context.createKey({ actions: ['search'], indexes: ['*'] })
      return search(context.index, { q: 'bé' }, { bearer: signToken(key.key, { apiKeyUid: key.uid, exp: Math.floor(Date.now() / 1000) - 10, searchRules: ['*'] }) })
    },
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'a tenant token signed with another secret is refused',
    docs: docs('learn/security/tenant_token_reference#api-key-uid'),
    given: { documents: levels },
    request: async (context) => {
      const key = await context.createKey({ actions: ['search'], indexes: ['*'] })
      return search(context.index, { q: 'bé' }, { bearer: signToken(`${key.key}x`, { apiKeyUid: key.uid, searchRules: ['*'] }) })
    },
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'a tenant token stops working once its key is deleted',
    docs: docs('learn/security/tenant_token_reference#api-key-uid'),
    given: { documents: levels },
    request: async (context) => {
      const key = await context.createKey({ actions: ['search'], indexes: ['*'] })
      const token = signToken(key.key, { apiKeyUid: key.uid, searchRules: ['*'] })
      expect((await context.call(search(context.index, { q: 'bé' }, { bearer: token }))).status).toBe(200)
      await context.call({ method: 'DELETE', path: `/keys/${key.uid}` })
      return search(context.index, { q: 'bé' }, { bearer: token })
    },
    expect: { code: 'invalid_api_key', status: 403 },
  },
  {
    rule: 'a tenant token only searches: it may not read settings',
    docs: docs('learn/security/tenant_token_reference#api-key-uid'),
    given: {},
    request: async (context) => {
      const key = await context.createKey({ actions: ['*'], indexes: ['*'] })
      return { as: { bearer: signToken(key.key, { apiKeyUid: key.uid, searchRules: ['*'] }) }, method: 'GET', path: `/indexes/${context.index}/settings` }
    },
    expect: { code: 'invalid_api_key', status: 403 },
  },
]
