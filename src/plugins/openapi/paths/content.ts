import type { SanitizedCollectionConfig, SanitizedGlobalConfig, SelectIncludeType } from 'payload'

import { flattenTopLevelFields, formatNames } from 'payload'

import type { LeanListShapes } from '../../leanLists/types.js'
import type { PathItemObject, SchemaObject, TagObject } from '../oas.js'
import type { DocumentContext, Fragment } from './common.js'

import { leanListShapesOf } from '../../leanLists/index.js'
import { labelIn, nullable, objectSchema, textOf } from '../generate.js'
import { ref } from '../oas.js'
import { json, parameterRefs } from './common.js'

/** The component name of an entity's documents, the one `payload generate:types` gives it. */
export const componentName = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig): string =>
  entity.typescript?.interface ?? formatNames(entity.slug).singular


/** Payload sets these on every write, so a stored document always has them. */
const timestamps: Record<string, SchemaObject> = {
  createdAt: { type: 'string', format: 'date-time', description: 'Ngày tạo · Created at' },
  updatedAt: { type: 'string', format: 'date-time', description: 'Ngày cập nhật · Updated at' },
}

/** A collection's documents as a reader receives them: id first, then the fields they may read. */
export const collectionSchema = (collection: SanitizedCollectionConfig, context: DocumentContext): SchemaObject => {
  const fields = objectSchema(collection.fields, context.schema)
  const label = textOf(collection.labels.singular)
  const stamped = collection.timestamps === false ? [] : Object.keys(timestamps).filter((name) => name in fields.properties)
  return {
    type: 'object',
    ...(label ? { description: label } : {}),
    properties: {
      id: context.schema.idSchemaFor(collection.slug),
      ...fields.properties,
      ...Object.fromEntries(stamped.map((name) => [name, timestamps[name]])),
      // Payload answers a login with `updatedAt: null`, so that adding a session does not touch it.
      ...(collection.auth && stamped.includes('updatedAt') ? { updatedAt: nullable(timestamps.updatedAt) } : {}),
    },
    required: ['id', ...(fields.required ?? []), ...stamped],
  }
}

/** The same value with every `$ref` found in `replacements` pointed at its replacement, at any depth. */
const withRefsReplaced = <T>(value: T, replacements: Map<string, string>): T => {
  if (Array.isArray(value)) return value.map((each) => withRefsReplaced(each, replacements)) as T
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, each]) => [key, key === '$ref' && typeof each === 'string' ? (replacements.get(each) ?? each) : withRefsReplaced(each, replacements)]),
  ) as T
}

/**
 * A document as a list gives it when the request names no `select`: the collection's schema
 * without the fields lists leave out, its related documents in the shape lists populate them with
 * (the lean-lists plugin). `undefined` when that is the document's own schema.
 */
const listItemSchema = (schema: SchemaObject, component: string, omitted: string[], inList: Map<string, string>): SchemaObject | undefined => {
  const lean = withRefsReplaced(schema, inList)
  if (omitted.length === 0 && JSON.stringify(lean) === JSON.stringify(schema)) return undefined
  const names = omitted.map((name) => `\`${name}\``).join(', ')
  const populated = [...inList.values()].filter((target) => JSON.stringify(lean).includes(`"${target}"`))
  const components = populated.map((target) => `\`${target.split('/').pop()}\``).join(', ')
  return {
    ...lean,
    description:
      `${component} trong danh sách` +
      (omitted.length ? `, không có ${names}` : '') +
      (components ? `, tài liệu liên quan dạng ${components}` : '') +
      ` · ${component} as a list gives it` +
      (omitted.length ? `: without ${names} unless \`select\` names it` : '') +
      (components ? `${omitted.length ? ';' : ':'} related documents as ${components} unless \`select\` or \`populate\` is named` : '') +
      '; a read by id gives every field.',
    properties: Object.fromEntries(Object.entries(lean.properties ?? {}).filter(([name]) => !omitted.includes(name))),
    required: (lean.required ?? []).filter((name) => !omitted.includes(name)),
  }
}

/**
 * A collection's documents as lists populate them (the lean-lists plugin's `populate`): the fields
 * selected, `id`, and `deletedAt`, which Payload adds to a selection on a collection with a trash.
 */
const inListSchema = (schema: SchemaObject, component: string, select: SelectIncludeType): SchemaObject => {
  const keeps = (name: string) => name === 'id' || name === 'deletedAt' || name in select
  const narrowed = (value: SchemaObject, chosen: SelectIncludeType | true): SchemaObject =>
    chosen === true
      ? value
      : {
          ...value,
          properties: Object.fromEntries(
            Object.entries(value.properties ?? {}).filter(([name]) => name in chosen).map(([name, each]) => [name, narrowed(each, chosen[name] as SelectIncludeType | true)]),
          ),
          ...(value.required ? { required: value.required.filter((name) => name in chosen) } : {}),
        }
  return {
    ...schema,
    description: `${component} trong danh sách · ${component} as a list populates it, with the fields a card shows; a read by id gives every field.`,
    properties: Object.fromEntries(
      Object.entries(schema.properties ?? {}).filter(([name]) => keeps(name)).map(([name, value]) => [name, name in select ? narrowed(value, select[name] as SelectIncludeType | true) : value]),
    ),
    required: (schema.required ?? []).filter(keeps),
  }
}

const pageOf = (item: string): SchemaObject => ({
  type: 'object',
  properties: {
    docs: { type: 'array', items: ref('schemas', item) },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer', description: 'Số thứ tự của tài liệu đầu trang · Position of the first document of the page, from 1' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
  required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'pagingCounter', 'hasPrevPage', 'hasNextPage'],
})

const readParameters = (hasDrafts: boolean, hasTrash = false) => ['depth', 'locale', ...(hasDrafts ? ['draft'] : []), ...(hasTrash ? ['trash'] : []), 'select', 'populate']

const draftsNote = (hasDrafts: boolean) =>
  hasDrafts ? ' Người đọc công khai chỉ thấy bản đã xuất bản · Public readers only ever see published versions.' : ''

const trashNote = (hasTrash: boolean) =>
  hasTrash ? ' Tài liệu trong thùng rác không có trong câu trả lời (xem `trash`) · Documents in the trash are left out (see `trash`).' : ''

/**
 * What a lean list leaves out and how to get it back. The exclusion example names the collection's
 * first many-file or many-relation field, one it really has, and is left out when it has none.
 */
const leanListNote = (collection: SanitizedCollectionConfig, omitted: string[]): string => {
  const names = omitted.map((name) => `\`${name}\``).join(', ')
  const other = flattenTopLevelFields(collection.fields).find(
    (field) => (field.type === 'upload' || field.type === 'relationship') && field.hasMany && !omitted.includes(field.name),
  )
  const leaveOut = other ? `, leave out others instead (\`select[${other.name}]=false\`)` : ''
  return (
    ` Không có ${names} trừ khi \`select\` nêu tên · Without a \`select\`, documents come without ${names} ` +
    `(rich text, most of a page's weight): name it with the fields you show (\`select[title]=true&select[${omitted[0]}]=true\`)` +
    `${leaveOut}, or read the document by id.`
  )
}

/** The reference to each collection lists populate in a shape of their own, to that shape's (`MediaInList`). */
const inListRefs = (context: DocumentContext, shapes: LeanListShapes): Map<string, string> =>
  new Map(
    context.config.collections
      .filter((each) => each.slug in shapes.populate)
      .map((each) => [ref('schemas', componentName(each)).$ref, ref('schemas', `${componentName(each)}InList`).$ref]),
  )

/** How a lean list populates related documents, and how to get them whole. */
const populateNote = (context: DocumentContext, shapes: LeanListShapes): string => {
  const components = [...inListRefs(context, shapes).values()].map((target) => `\`${target.split('/').pop()}\``).join(', ')
  return (
    ` Với \`depth\` từ 1, tệp liên quan chỉ có các trường một thẻ hiển thị (${components}) · At \`depth\` 1 or more, related files come ` +
    `with the fields a card shows (${components}) unless the request names a \`select\` or a \`populate\`, which give Payload's shape.`
  )
}

/** `GET /api/{slug}`, `GET /api/{slug}/{id}`, and the file route of upload collections. */
const collectionPaths = (collection: SanitizedCollectionConfig, context: DocumentContext): Fragment => {
  const { api } = context
  const { slug } = collection
  const component = componentName(collection)
  const hasDrafts = Boolean(collection.versions && collection.versions.drafts)
  const hasTrash = Boolean(collection.trash)
  const available = context.parameters
  const shapes = leanListShapesOf(context.config)
  const omitted = shapes.omitted[slug] ?? []
  const populates = shapes.populating.includes(slug)
  const leanNote = (omitted.length ? leanListNote(collection, omitted) : '') + (populates ? populateNote(context, shapes) : '')
  const label = textOf(collection.labels.plural) ?? slug
  const vi = labelIn(collection.labels.plural, 'vi') ?? slug
  const en = labelIn(collection.labels.plural, 'en') ?? slug
  const paths: Record<string, PathItemObject> = {
    [`${api}/${slug}`]: {
      get: {
        operationId: `list${formatNames(slug).plural}`,
        tags: [slug],
        summary: `${vi}: danh sách · ${en}: list`,
        description:
          'Các tài liệu người gọi được đọc, theo trang · The documents the caller may read, a page at a time.' + leanNote + draftsNote(hasDrafts) + trashNote(hasTrash),
        parameters: parameterRefs(['where', 'limit', 'page', 'sort', ...readParameters(hasDrafts, hasTrash)], available),
        responses: {
          200: { description: 'Một trang tài liệu · A page of documents', content: json(ref('schemas', `${component}Page`)) },
          400: ref('responses', 'BadRequest'),
          403: ref('responses', 'Forbidden'),
        },
      },
    },
    [`${api}/${slug}/{id}`]: {
      parameters: [{ name: 'id', in: 'path', required: true, schema: context.schema.idSchemaFor(slug) }],
      get: {
        operationId: `get${component}`,
        tags: [slug],
        summary: `${vi}: một tài liệu · ${en}: one document`,
        description: 'Một tài liệu theo id · One document by id.' + draftsNote(hasDrafts) + trashNote(hasTrash),
        parameters: parameterRefs(readParameters(hasDrafts, hasTrash), available),
        responses: {
          200: { description: 'Tài liệu · The document', content: json(ref('schemas', component)) },
          403: ref('responses', 'Forbidden'),
          404: ref('responses', 'NotFound'),
        },
      },
    },
  }
  if (collection.upload) {
    paths[`${api}/${slug}/file/{filename}`] = {
      parameters: [
        {
          name: 'filename',
          in: 'path',
          required: true,
          description: 'Tên tệp, của bản gốc hoặc một cỡ ảnh · File name of the original or of one image size (see `url` and `sizes`)',
          schema: { type: 'string' },
        },
      ],
      get: {
        operationId: `get${component}File`,
        tags: [slug],
        summary: `${vi}: tải tệp · ${en}: download the file`,
        description: 'Nội dung tệp, với cùng quyền đọc như tài liệu của nó · The file itself, readable by whoever may read its document.',
        responses: {
          200: { description: 'Tệp · The file', content: { '*/*': {} } },
          403: ref('responses', 'Forbidden'),
          404: ref('responses', 'NotFound'),
        },
      },
    }
  }
  const schema = collectionSchema(collection, context)
  const listItem = listItemSchema(schema, component, omitted, populates ? inListRefs(context, shapes) : new Map())
  const listed = listItem ? `${component}ListItem` : component
  const selectInLists = shapes.populate[slug as keyof typeof shapes.populate] as SelectIncludeType | undefined
  return {
    paths,
    schemas: {
      [component]: schema,
      ...(listItem ? { [listed]: listItem } : {}),
      ...(selectInLists ? { [`${component}InList`]: inListSchema(schema, component, selectInLists) } : {}),
      [`${component}Page`]: pageOf(listed),
    },
    tags: [{ name: slug, description: label }],
  }
}

const globalPaths = (global: SanitizedGlobalConfig, context: DocumentContext): Fragment => {
  const component = componentName(global)
  const hasDrafts = Boolean(global.versions && global.versions.drafts)
  const { properties } = objectSchema(global.fields, context.schema)
  const label = textOf(global.label) ?? global.slug
  const tag: TagObject = { name: global.slug, description: label }
  return {
    paths: {
      [`${context.api}/globals/${global.slug}`]: {
        get: {
          operationId: `get${component}`,
          tags: [tag.name],
          summary: `${label}`,
          description: 'Dữ liệu chung của trang · Site-wide data, one document.' + draftsNote(hasDrafts),
          parameters: parameterRefs(readParameters(hasDrafts), context.parameters),
          responses: {
            200: { description: label, content: json(ref('schemas', component)) },
            403: ref('responses', 'Forbidden'),
          },
        },
      },
    },
    schemas: {
      // Nothing is required: a global answers before anyone has filled it in, with its fields absent.
      [component]: {
        type: 'object',
        description: label,
        properties: { id: context.schema.idSchemaFor(), globalType: { const: global.slug }, ...properties },
      },
    },
    tags: [tag],
  }
}

/** The read routes of the described collections and globals. */
export const contentPaths = (context: DocumentContext, slugs: { collections: string[]; globals: string[] }): Fragment[] => [
  ...context.config.collections.filter((each) => slugs.collections.includes(each.slug)).map((each) => collectionPaths(each, context)),
  ...context.config.globals.filter((each) => slugs.globals.includes(each.slug)).map((each) => globalPaths(each, context)),
]
