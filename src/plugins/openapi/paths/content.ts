import type { CollectionSlug, SanitizedCollectionConfig, SanitizedGlobalConfig, SelectIncludeType } from 'payload'

import { flattenTopLevelFields, formatNames } from 'payload'

import type { LeanListShapes } from '../../leanLists/types.js'
import type { PathItemObject, SchemaObject, TagObject } from '../oas.js'
import type { DocumentContext, Fragment } from './common.js'

import { leanListShapesOf } from '../../leanLists/index.js'
import { collectionsReaching } from '../../leanLists/relations.js'
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

/** From the `$ref` of a component to the `$ref` of its shape in lists. */
type InListRefs = Map<string, string>

/**
 * The components lists give in a shape of their own: each collection of the lean-lists plugin's
 * `populate` (`Media` → `MediaInList`), and each collection whose documents lead to one
 * (`RegulatoryDocument` → `RegulatoryDocumentInList`): Payload passes `populate` down, so a
 * document populated at `depth` 2 has its files in the lean shape too.
 */
const inListRefsOf = (collections: SanitizedCollectionConfig[], shapes: LeanListShapes): InListRefs => {
  const targets = new Set(Object.keys(shapes.populate))
  const reaching = collectionsReaching(collections, targets)
  return new Map(
    collections
      .filter((each) => targets.has(each.slug) || reaching.has(each.slug))
      .map((each) => [ref('schemas', componentName(each)).$ref, ref('schemas', `${componentName(each)}InList`).$ref]),
  )
}

/** The same value with every `$ref` found in `replacements` pointed at its replacement, at any depth. */
const withRefsReplaced = <T>(value: T, replacements: InListRefs): T => {
  if (Array.isArray(value)) return value.map((each) => withRefsReplaced(each, replacements)) as T
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, each]) => [key, key === '$ref' && typeof each === 'string' ? (replacements.get(each) ?? each) : withRefsReplaced(each, replacements)]),
  ) as T
}

type ShapedFields = { en: string; vi: string }

/**
 * The fields of `schema` whose related documents lists give in a shape of their own, named with
 * that shape in English and Vietnamese (`cover`, `files` as `MediaInList`); `undefined` if none.
 */
const shapedFieldsOf = (schema: SchemaObject, shaped: SchemaObject): ShapedFields | undefined => {
  const byShape = new Map<string, string[]>()
  for (const [name, value] of Object.entries(shaped.properties ?? {})) {
    const text = JSON.stringify(value)
    if (text === JSON.stringify(schema.properties?.[name])) continue
    for (const [, shape] of text.matchAll(/"#\/components\/schemas\/(\w+InList)"/g)) byShape.set(shape!, [...new Set([...(byShape.get(shape!) ?? []), name])])
  }
  if (byShape.size === 0) return undefined
  const each = [...byShape].map(([shape, names]) => ({ names: names.map((name) => `\`${name}\``).join(', '), shape: `\`${shape}\`` }))
  return {
    en: each.map(({ names, shape }) => `${names} as ${shape}`).join('; '),
    vi: each.map(({ names, shape }) => `${names} dạng ${shape}`).join('; '),
  }
}

/**
 * A document as a list gives it when the request names no `select`: the collection's schema
 * without the fields lists leave out, and, when it names no `populate` either, with the documents
 * it relates to in their list shape (the lean-lists plugin). `undefined` when that is the
 * document's own schema.
 */
const listItemSchema = (component: string, omitted: string[], shaped: SchemaObject, fields: ShapedFields | undefined): SchemaObject | undefined => {
  if (omitted.length === 0 && !fields) return undefined
  const names = omitted.map((name) => `\`${name}\``).join(', ')
  return {
    ...shaped,
    description:
      `${component} trong danh sách: ` +
      [omitted.length ? `không có ${names} trừ khi \`select\` nêu tên` : '', fields ? `${fields.vi} trừ khi có \`select\` hoặc \`populate\`` : '']
        .filter(Boolean)
        .join('; ') +
      ` · ${component} as a list gives it: ` +
      [omitted.length ? `without ${names} unless \`select\` names it` : '', fields ? `${fields.en} unless \`select\` or \`populate\` is named` : '']
        .filter(Boolean)
        .join('; ') +
      '. Đọc theo id có mọi trường · A read by id gives every field.',
    properties: Object.fromEntries(Object.entries(shaped.properties ?? {}).filter(([name]) => !omitted.includes(name))),
    required: (shaped.required ?? []).filter((name) => !omitted.includes(name)),
  }
}

/** A schema with only the properties `select` includes, at every level of objects, items and branches. */
const narrowed = (schema: SchemaObject, select: SelectIncludeType | true): SchemaObject => {
  if (select === true) return schema
  return {
    ...schema,
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties)
              .filter(([name]) => name in select)
              .map(([name, value]) => [name, narrowed(value, select[name]!)]),
          ),
        }
      : {}),
    ...(schema.required ? { required: schema.required.filter((name) => name in select) } : {}),
    ...(schema.items ? { items: narrowed(schema.items, select) } : {}),
    ...(schema.oneOf ? { oneOf: schema.oneOf.map((each) => narrowed(each, select)) } : {}),
    ...(schema.anyOf ? { anyOf: schema.anyOf.map((each) => narrowed(each, select)) } : {}),
  }
}

/**
 * A collection's documents as lists populate them: with the fields the lean-lists plugin's
 * `populate` names for it (and `id`, and `deletedAt`, which Payload adds to a selection on a
 * collection with a trash), or whole; either way with the documents they relate to in their list
 * shape.
 */
const inListSchema = (schema: SchemaObject, component: string, select: SelectIncludeType | undefined, inList: InListRefs): SchemaObject => {
  const shaped = withRefsReplaced(select ? narrowed(schema, { ...select, id: true, deletedAt: true }) : schema, inList)
  const fields = select ? undefined : shapedFieldsOf(schema, shaped)
  const vi = select ? 'chỉ gồm các trường này' : `mọi trường, ${fields?.vi ?? ''}`
  const en = select ? 'with these fields only' : `with every field, ${fields?.en ?? ''}`
  return {
    ...shaped,
    description:
      `${component} kèm theo trong danh sách: ${vi}, trừ khi có \`select\` hoặc \`populate\`. Đọc theo id có mọi trường · ` +
      `${component} as a list populates it: ${en}, unless the request names a \`select\` or a \`populate\`. A read by id gives every field.`,
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

/** How a lean list populates related documents, and how to get them whole. */
const populateNote = (fields: ShapedFields): string =>
  ` Với \`depth\` từ 1 (mặc định 2): ${fields.vi}, trừ khi có \`select\` hoặc \`populate\` · ` +
  `At \`depth\` 1 or more (2 by default): ${fields.en}, unless the request names a \`select\` or a \`populate\`, which give Payload's own shape.`

/** `GET /api/{slug}`, `GET /api/{slug}/{id}`, and the file route of upload collections. */
const collectionPaths = (collection: SanitizedCollectionConfig, context: DocumentContext, inList: InListRefs): Fragment => {
  const { api } = context
  const { slug } = collection
  const component = componentName(collection)
  const hasDrafts = Boolean(collection.versions && collection.versions.drafts)
  const hasTrash = Boolean(collection.trash)
  const available = context.parameters
  const shapes = leanListShapesOf(context.config)
  const omitted = shapes.omitted[slug] ?? []
  const schema = collectionSchema(collection, context)
  const shaped = shapes.populating.includes(slug) ? withRefsReplaced(schema, inList) : schema
  const fields = shapedFieldsOf(schema, shaped)
  const leanNote = (omitted.length ? leanListNote(collection, omitted) : '') + (fields ? populateNote(fields) : '')
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
  const listItem = listItemSchema(component, omitted, shaped, fields)
  const listed = listItem ? `${component}ListItem` : component
  const inListShape = inList.has(ref('schemas', component).$ref)
    ? inListSchema(schema, component, shapes.populate[slug as CollectionSlug], inList)
    : undefined
  return {
    paths,
    schemas: {
      [component]: schema,
      ...(listItem ? { [listed]: listItem } : {}),
      ...(inListShape ? { [`${component}InList`]: inListShape } : {}),
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
export const contentPaths = (context: DocumentContext, slugs: { collections: string[]; globals: string[] }): Fragment[] => {
  const collections = context.config.collections.filter((each) => slugs.collections.includes(each.slug))
  // Among the described collections only: each shape named must be a component of the document.
  const inList = inListRefsOf(collections, leanListShapesOf(context.config))
  return [
    ...collections.map((each) => collectionPaths(each, context, inList)),
    ...context.config.globals.filter((each) => slugs.globals.includes(each.slug)).map((each) => globalPaths(each, context)),
  ]
}
