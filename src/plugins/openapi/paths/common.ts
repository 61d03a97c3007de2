import type { SanitizedConfig } from 'payload'

import { validOperators } from 'payload/shared'

import type { SchemaContext } from '../generate.js'
import type {
  MediaTypeObject,
  ParameterObject,
  PathItemObject,
  ResponseObject,
  SchemaObject,
  SecuritySchemeObject,
  TagObject,
} from '../oas.js'

import type { SanitizedCostLimits } from '../../costLimits/types.js'

import { richTextComponent } from '../generate.js'
import { ref } from '../oas.js'

/** What every part of the document is built from. */
export type DocumentContext = {
  /** The API route, `/api`: every path starts with it. */
  api: string
  config: SanitizedConfig
  /** The shared query parameters (`depth`, `locale`…), which routes refer to by name. */
  parameters: Record<string, ParameterObject>
  schema: SchemaContext
  /** How callers sign in, by scheme name. */
  securitySchemes: Record<string, SecuritySchemeObject>
}

/** A piece of the document: paths and the components and tags they use. */
export type Fragment = {
  parameters?: Record<string, ParameterObject>
  paths?: Record<string, PathItemObject>
  responses?: Record<string, ResponseObject>
  schemas?: Record<string, SchemaObject>
  tags?: TagObject[]
}

export const json = (schema: SchemaObject): Record<string, MediaTypeObject> => ({ 'application/json': { schema } })

export const errorComponent = 'Error'

const errorSchema: SchemaObject = {
  type: 'object',
  description: 'Lỗi · Error, in the language of the request (Vietnamese unless `Accept-Language` or `locale` asks for English)',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { message: { type: 'string' }, name: { type: 'string' }, data: {} },
        required: ['message'],
      },
    },
  },
  required: ['errors'],
}

const errorResponse = (description: string): ResponseObject => ({ description, content: json(ref('schemas', errorComponent)) })

/** Answers every read route may give, and the `depth`, `locale`… parameters Payload reads. */
export const common = (config: SanitizedConfig): Fragment & { parameters: Record<string, ParameterObject> } => {
  // The caps the cost-limits plugin publishes, when it is installed.
  const caps = config.custom?.costLimits as SanitizedCostLimits | undefined
  const whereCaps = caps
    ? ` At most ${caps.where.maxConditions} conditions (${caps.where.maxConditionsAcrossRelations} of them through a relationship, like \`cover.alt\`), ` +
      `${caps.where.maxNesting} levels of \`and\`/\`or\` and ${caps.where.maxValues} values (list entries and words of \`like\`); more answers 400.`
    : ''
  const parameters: Record<string, ParameterObject> = {
    where: {
      name: 'where',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        'Bộ lọc · Filter, as Payload reads it: `where[category][equals]=news`, `where[title][like]=nước`, ' +
        '`where[or][0][ageGroups][in]=nha-tre`. It narrows what the caller may read, never widens it.' + whereCaps,
      schema: ref('schemas', 'Where'),
    },
    limit: {
      name: 'limit',
      in: 'query',
      description: caps
        ? `Số tài liệu mỗi trang, từ 1 đến ${caps.maxLimit} · Documents per page, 1 to ${caps.maxLimit}; ` +
          `\`depth × limit\` at most ${caps.maxDepthTimesLimit} (${Math.floor(caps.maxDepthTimesLimit / config.maxDepth)} per page at depth ${config.maxDepth}). ` +
          'Ask for the next page with `page`; more answers 400.'
        : 'Số tài liệu mỗi trang · Documents per page; `0` returns every match on one page.',
      schema: caps ? { type: 'integer', minimum: 1, maximum: caps.maxLimit, default: 10 } : { type: 'integer', minimum: 0, default: 10 },
    },
    page: { name: 'page', in: 'query', description: 'Trang · Page, from 1', schema: { type: 'integer', minimum: 1, default: 1 } },
    sort: {
      name: 'sort',
      in: 'query',
      description: 'Sắp xếp · Sort by a field; `-` in front sorts descending, commas separate several fields.',
      schema: { type: 'string', examples: ['-updatedAt', 'title'] },
    },
    depth: {
      name: 'depth',
      in: 'query',
      description: `Mức lồng quan hệ · How many levels of related documents to include instead of their ids (at most ${config.maxDepth}).`,
      schema: { type: 'integer', minimum: 0, maximum: config.maxDepth, default: config.defaultDepth },
    },
    draft: {
      name: 'draft',
      in: 'query',
      description: 'Bản nháp mới nhất · The latest draft instead of the published version; only for staff who may read drafts.',
      schema: { type: 'boolean', default: false },
    },
    trash: {
      name: 'trash',
      in: 'query',
      description:
        'Thùng rác · With `true`, documents in the trash are included (`where[deletedAt][exists]=true` for those alone). ' +
        'Readers never see the trash: only those who may edit a document find it there, to restore it, and administrators see all of it.',
      schema: { type: 'boolean', default: false },
    },
    select: {
      name: 'select',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        'Chỉ lấy các trường này · Only the fields named `true` (`select[<field>]=true`), or all but those named `false` (`select[<field>]=false`); ' +
        'the others are absent from the answer. Without it, lists of collections with rich text leave that out (see each list for an example).',
      schema: { type: 'object', additionalProperties: { type: 'boolean' } },
    },
    populate: {
      name: 'populate',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description: 'Các trường của tài liệu liên quan · Fields of related documents, by collection, e.g. `populate[media][url]=true`.',
      schema: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'boolean' } } },
    },
  }
  if (config.localization) {
    parameters.locale = {
      name: 'locale',
      in: 'query',
      description: 'Ngôn ngữ của các trường theo ngôn ngữ · Language of localized fields; missing translations fall back to the default.',
      schema: { type: 'string', enum: config.localization.localeCodes, default: config.localization.defaultLocale },
    }
  }

  return {
    parameters,
    responses: {
      BadRequest: errorResponse('Tham số không hợp lệ · Invalid parameters'),
      Forbidden: errorResponse('Không có quyền · Not allowed for this caller'),
      NotFound: errorResponse('Không tìm thấy, hoặc người gọi không được đọc · Not found, or not readable by this caller'),
      Unauthorized: errorResponse('Chưa đăng nhập hoặc sai thông tin · Not signed in, or wrong credentials'),
    },
    schemas: {
      [errorComponent]: errorSchema,
      [richTextComponent]: {
        type: 'object',
        description:
          'Nội dung định dạng (trạng thái trình soạn thảo Lexical, JSON) · Rich text as the Lexical editor state (JSON): ' +
          'walk `root.children`, or render it with `@payloadcms/richtext-lexical`.',
        properties: { root: { type: 'object', properties: { type: { const: 'root' }, children: { type: 'array', items: { type: 'object' } } } } },
        required: ['root'],
      },
      Where: {
        type: 'object',
        description: 'Điều kiện lọc · A Payload query: field paths (dots for nested fields) mapped to one operator and its value.',
        properties: {
          and: { type: 'array', items: ref('schemas', 'Where') },
          or: { type: 'array', items: ref('schemas', 'Where') },
        },
        additionalProperties: { type: 'object', propertyNames: { enum: [...validOperators] } },
      },
    },
  }
}

/** How a caller proves who they are, in the order Payload looks (`auth.jwtOrder`). */
export const securitySchemes = (config: SanitizedConfig): Record<string, SecuritySchemeObject> => {
  const schemes: Record<string, SecuritySchemeObject> = {}
  for (const method of config.auth.jwtOrder) {
    if (method === 'JWT') {
      schemes.jwt = {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Tiêu đề · Header `Authorization: JWT <token>`, with the token from login.',
      }
    } else if (method === 'Bearer') {
      schemes.bearer = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '`Authorization: Bearer <token>`' }
    } else if (method === 'cookie') {
      schemes.cookie = {
        type: 'apiKey',
        in: 'cookie',
        name: `${config.cookiePrefix}-token`,
        description: 'Cookie HttpOnly set by login; accepted from this site and the origins it trusts (CSRF allow-list).',
      }
    }
  }
  return schemes
}

/** The parameters of a read route, by name, as references to the shared ones. */
export const parameterRefs = (names: string[], available: Record<string, ParameterObject>) =>
  names.filter((name) => available[name]).map((name) => ref('parameters', name))
