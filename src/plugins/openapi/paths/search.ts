import type { ParameterObject, SchemaObject } from '../oas.js'
import type { SanitizedSearchPluginOptions } from '../../search/types.js'
import type { DocumentContext, Fragment } from './common.js'

import { accessLevels } from '../../../access/accessLevels.js'
import { searchQueryLimits as queryLimits } from '../../search/endpoints/parseSearchQuery.js'
import { facetNames, maxTotalHits, maxValuesPerFacet } from '../../search/engines/types.js'
import { maxQueryTerms } from '../../search/query.js'
import { ref } from '../oas.js'
import { json } from './common.js'

/** Limits the search endpoint applies; tests/openapi asks the live endpoint whether they hold. */
export const searchQueryLimits = { ...queryLimits, defaultLimit: 10 } as const

/** The search plugin's live settings, which it publishes on `config.custom.search`. */
const searchSettings = (custom: Record<string, unknown> | undefined): SanitizedSearchPluginOptions | undefined => {
  const settings = custom?.search as Partial<SanitizedSearchPluginOptions> | undefined
  return settings?.collections && settings.facetValues ? (settings as SanitizedSearchPluginOptions) : undefined
}

const facetLabels: Record<(typeof facetNames)[number], string> = {
  collection: 'Loại nội dung · Content type (collection)',
  type: 'Loại học liệu hoặc tài liệu · Material or library item type',
  ageGroups: 'Độ tuổi · Age group',
  domains: 'Lĩnh vực phát triển · Developmental domain',
  category: 'Chuyên mục tin · Announcement category',
  documentType: 'Loại văn bản · Document type',
  issuer: 'Mã cơ quan ban hành · Issuer code, e.g. UBND',
  year: 'Năm · Year',
}

/** A facet value: one of a list, or of a pattern (issuers and years are open-ended). */
const facetValueSchema = (allowed: RegExp | string[] | undefined): SchemaObject =>
  allowed instanceof RegExp
    ? { type: 'string', pattern: allowed.source }
    : allowed
      ? { type: 'string', enum: [...new Set(allowed)] }
      : { type: 'string' }

const facetParameter = (name: string, description: string, values: SchemaObject): ParameterObject => ({
  name,
  in: 'query',
  style: 'form',
  explode: true,
  description: `${description}. Nhiều giá trị: lặp lại hoặc ngăn bằng dấu phẩy · Several values: repeat the parameter or separate with commas (OR within a filter, AND across filters). An unknown value answers 400.`,
  schema: { type: 'array', items: values },
})

/** `GET /api/search` and `GET /api/search/token`, when the search plugin is installed. */
export const searchPaths = (context: DocumentContext): Fragment => {
  const search = searchSettings(context.config.custom)
  if (!search) return {}
  const { api } = context
  const collections = Object.keys(search.collections)
  const allowed: Partial<Record<(typeof facetNames)[number], RegExp | string[]>> = { ...search.facetValues, collection: collections }
  const facets = facetNames.map((facet) =>
    facetParameter(facet === 'collection' ? 'collections' : facet, facetLabels[facet], facetValueSchema(allowed[facet])),
  )
  const optionalText: SchemaObject = { type: 'string' }

  const hit: SchemaObject = {
    type: 'object',
    properties: {
      id: { type: 'string', description: '`{collection}-{docId}`' },
      collection: { type: 'string', enum: collections },
      docId: { type: 'string' },
      accessLevel: { type: 'string', enum: [...accessLevels] },
      title: { type: 'string' },
      summary: optionalText,
      documentNumber: { type: 'string', description: 'Số, ký hiệu văn bản · Document number, e.g. 227/KH-UBND' },
      publishedAt: { type: 'string', format: 'date-time' },
      thumbnail: { type: 'string', description: 'URL ảnh nhỏ · Thumbnail URL' },
      url: { type: 'string', description: 'Đường dẫn trên trang web · Path on the website, e.g. /hoc-lieu/be-tap-dem' },
      highlights: {
        type: 'object',
        description: 'Đoạn trích, từ khớp trong <mark>, đã thoát HTML · Fragments with matches in <mark>, HTML-escaped',
        properties: { title: optionalText, summary: optionalText, text: optionalText },
      },
    },
    required: ['id', 'collection', 'docId', 'accessLevel', 'title', 'url', 'highlights'],
  }
  const answer: SchemaObject = {
    type: 'object',
    properties: {
      q: { type: 'string' },
      hits: { type: 'array', items: ref('schemas', 'SearchHit') },
      total: {
        type: 'integer',
        maximum: maxTotalHits,
        description: `Số kết quả, tối đa ${maxTotalHits.toLocaleString('en')}; các trang sau đó trống · Matching documents, counted up to ${maxTotalHits.toLocaleString('en')}; pages past that are empty`,
      },
      page: { type: 'integer' },
      limit: { type: 'integer' },
      totalPages: { type: 'integer' },
      facets: {
        type: 'object',
        description: `Số kết quả theo từng giá trị, tối đa ${maxValuesPerFacet.toLocaleString('en')} giá trị nhiều nhất mỗi bộ lọc · Matching documents per value, for every facet: the ${maxValuesPerFacet.toLocaleString('en')} most frequent values at most`,
        properties: Object.fromEntries(facetNames.map((facet) => [facet, { type: 'object', additionalProperties: { type: 'integer' } }])),
      },
      timing: { type: 'object', properties: { engineMs: { type: 'number' }, totalMs: { type: 'number' } } },
    },
    required: ['q', 'hits', 'total', 'page', 'limit', 'totalPages', 'facets'],
  }

  return {
    paths: {
      [`${api}/search`]: {
        get: {
          operationId: 'search',
          tags: ['search'],
          summary: 'Tìm kiếm · Search',
          description:
            'Tìm trong nội dung đã xuất bản, có dấu hoặc không dấu, trong phạm vi mức truy cập của người gọi (xác định ở máy chủ) · ' +
            "Searches published content, with or without Vietnamese diacritics, within the caller's access levels (decided on the server).",
          parameters: [
            {
              name: 'q',
              in: 'query',
              description:
                `Từ khóa, tối đa ${searchQueryLimits.maxQueryWords} từ · Query of at most ${searchQueryLimits.maxQueryWords} words (syllables and numbers); ` +
                `empty lists everything the filters allow, newest first. "a phrase" matches its words side by side, ` +
                `-word (after a space) leaves out what holds it, and only the first ${maxQueryTerms} words or phrases count`,
              schema: { type: 'string', maxLength: searchQueryLimits.maxQueryLength },
            },
            ...facets,
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            {
              name: 'limit',
              in: 'query',
              description: `Kết quả mỗi trang · Hits per page, at most ${search.maxLimit}; larger values are lowered`,
              schema: { type: 'integer', minimum: 1, default: searchQueryLimits.defaultLimit },
            },
          ],
          responses: {
            200: { description: 'Kết quả · Results', content: json(ref('schemas', 'SearchResults')) },
            400: ref('responses', 'BadRequest'),
            503: {
              description: 'Tìm kiếm tạm thời không dùng được · Search is unavailable for now',
              content: json(ref('schemas', 'Error')),
            },
          },
        },
      },
      [`${api}/search/token`]: {
        get: {
          operationId: 'searchToken',
          tags: ['search'],
          summary: 'Khóa tìm kiếm trực tiếp · Direct search token',
          description:
            'Khóa ngắn hạn để trình duyệt hỏi thẳng Meilisearch trong phạm vi mức truy cập của người gọi · ' +
            "A short-lived key for the browser to query Meilisearch directly, within the caller's access levels. 404 with the embedded engine.",
          responses: {
            200: {
              description: 'Khóa · The token',
              content: json({
                type: 'object',
                properties: {
                  token: { type: 'string' },
                  host: { type: 'string', format: 'uri' },
                  indexUid: { type: 'string' },
                  expiresAt: { type: 'string', format: 'date-time' },
                },
                required: ['token', 'host', 'indexUid', 'expiresAt'],
              }),
            },
            404: ref('responses', 'NotFound'),
          },
        },
      },
    },
    schemas: { SearchHit: hit, SearchResults: answer },
    tags: [{ name: 'search', description: 'Tìm kiếm · Search' }],
  }
}
