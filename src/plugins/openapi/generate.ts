import type { Block, Field, FieldAffectingData, Option, Tab } from 'payload'

import type { SchemaObject } from './oas.js'

import { ref } from './oas.js'

/** What mapping fields needs to know about the rest of the document. */
export type SchemaContext = {
  /** Blocks defined once in `config.blocks`, for fields that name them by slug. */
  blocks: Block[]
  /** The component holding a collection's documents, when the document describes them. */
  componentFor: (collection: string) => string | undefined
  /**
   * The schema of a document id in a collection (a number on SQLite, a string on MongoDB), or of
   * the database's default id when no collection is named.
   */
  idSchemaFor: (collection?: string) => SchemaObject
  /** Fields an anonymous reader may not read: left out of the document. */
  isRestricted: (field: Field | FieldAffectingData) => boolean
  /** Locale codes, when content is localized. */
  locales: string[]
}

/** The component every rich text field points to. */
export const richTextComponent = 'RichText'

type Labelled = false | Record<string, string> | string | undefined | ((...args: never[]) => string)

/** A static label or description as one line, Vietnamese first: `Tiêu đề · Title`. */
export const textOf = (label: Labelled): string | undefined => {
  if (typeof label === 'string') return label || undefined
  if (!label || typeof label === 'function') return undefined
  const texts = [label.vi, label.en, ...Object.values(label)].filter((text): text is string => Boolean(text))
  return [...new Set(texts)].join(' · ') || undefined
}

/** A static label in one language, or in whichever it has. */
export const labelIn = (label: Labelled, language: 'en' | 'vi'): string | undefined => {
  if (typeof label === 'string') return label || undefined
  if (!label || typeof label === 'function') return undefined
  return label[language] ?? Object.values(label)[0]
}

const joinText = (...parts: Array<string | undefined>): string | undefined => parts.filter(Boolean).join(' ') || undefined

/** Allows `null` too: Payload answers `null` for an empty optional field. */
export const nullable = (schema: SchemaObject): SchemaObject => {
  const { description, ...rest } = schema
  const withDescription = (result: SchemaObject): SchemaObject => (description ? { ...result, description } : result)
  if (rest.oneOf) return withDescription({ ...rest, oneOf: [...rest.oneOf, { type: 'null' }] })
  if (rest.$ref || rest.type === undefined) {
    return Object.keys(rest).length ? withDescription({ oneOf: [rest, { type: 'null' }] }) : schema
  }
  const types = Array.isArray(rest.type) ? rest.type : [rest.type]
  return withDescription({
    ...rest,
    type: types.includes('null') ? types : [...types, 'null'],
    ...(rest.enum ? { enum: rest.enum.includes(null) ? rest.enum : [...rest.enum, null] } : {}),
  })
}

const optionValues = (options: Option[]): string[] => options.map((option) => (typeof option === 'string' ? option : option.value))

const arrayOf = (items: SchemaObject, field: { maxRows?: number; minRows?: number }): SchemaObject => ({
  type: 'array',
  items,
  ...(field.minRows ? { minItems: field.minRows } : {}),
  ...(field.maxRows ? { maxItems: field.maxRows } : {}),
})

/** A related document: its id, or the document itself once populated (`depth` > 0). */
const relationTo = (collection: string, context: SchemaContext): SchemaObject => {
  const component = context.componentFor(collection)
  const id = context.idSchemaFor(collection)
  return component ? { oneOf: [id, ref('schemas', component)] } : id
}

const relationSchema = (target: string | string[], context: SchemaContext): SchemaObject =>
  Array.isArray(target)
    ? {
        type: 'object',
        properties: {
          relationTo: { type: 'string', enum: target },
          value: target.length === 1 ? relationTo(target[0], context) : { anyOf: target.map((each) => relationTo(each, context)) },
        },
        required: ['relationTo', 'value'],
      }
    : relationTo(target, context)

const blockSchema = (block: Block, context: SchemaContext): SchemaObject => {
  const object = objectSchema(block.fields, context)
  return {
    ...object,
    ...(textOf(block.labels?.singular) ? { title: textOf(block.labels?.singular) } : {}),
    properties: {
      id: { type: ['string', 'null'] },
      blockName: { type: ['string', 'null'] },
      ...object.properties,
      blockType: { const: block.slug },
    },
    required: [...(object.required ?? []), 'blockType'],
  }
}

/** The value of one field that holds data, before `null` is allowed. */
const valueSchema = (field: FieldAffectingData, context: SchemaContext): SchemaObject => {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
    case 'email': {
      const text: SchemaObject = {
        type: 'string',
        ...(field.type === 'email' ? { format: 'email' } : {}),
        ...('minLength' in field && field.minLength ? { minLength: field.minLength } : {}),
        ...('maxLength' in field && field.maxLength ? { maxLength: field.maxLength } : {}),
      }
      return 'hasMany' in field && field.hasMany ? arrayOf(text, field) : text
    }
    case 'number': {
      const number: SchemaObject = {
        type: 'number',
        ...(typeof field.min === 'number' ? { minimum: field.min } : {}),
        ...(typeof field.max === 'number' ? { maximum: field.max } : {}),
      }
      return field.hasMany ? arrayOf(number, field) : number
    }
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select': {
      const choice: SchemaObject = { type: 'string', enum: optionValues(field.options) }
      return field.hasMany ? { type: 'array', items: choice } : choice
    }
    case 'radio':
      return { type: 'string', enum: optionValues(field.options) }
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[longitude, latitude]' }
    case 'json':
      return {}
    case 'richText':
      return ref('schemas', richTextComponent)
    case 'relationship':
    case 'upload': {
      const one = relationSchema(field.relationTo, context)
      return field.hasMany ? arrayOf(one, field) : one
    }
    case 'join': {
      const targets = Array.isArray(field.collection) ? field.collection : [field.collection]
      return {
        type: 'object',
        properties: {
          docs: { type: 'array', items: relationSchema(targets.length === 1 ? targets[0] : targets, context) },
          hasNextPage: { type: 'boolean' },
          totalDocs: { type: 'integer' },
        },
      }
    }
    case 'array':
      return arrayOf(objectSchema(field.fields, context), field)
    case 'blocks': {
      const blocks = (field.blockReferences ?? field.blocks).flatMap((block) =>
        typeof block === 'string' ? context.blocks.filter((each) => each.slug === block) : [block],
      )
      return arrayOf({ oneOf: blocks.map((block) => blockSchema(block, context)) }, field)
    }
    case 'group':
    case 'tab':
      return objectSchema(field.fields, context)
    default:
      return {}
  }
}

const isRequired = (field: FieldAffectingData): boolean => 'required' in field && field.required === true

/**
 * Tabs as the fields they stand for: a named tab holds its fields under its name, an unnamed one
 * lays them out beside its siblings.
 */
const tabAsField = (tab: Tab): Field[] =>
  'name' in tab && tab.name ? [{ ...tab, type: 'tab' } as unknown as Field] : tab.fields

/**
 * The fields that hold data, in order: rows, collapsibles, unnamed groups and unnamed tabs only lay
 * fields out, so their fields stand beside their siblings; UI fields hold nothing.
 */
const dataFields = (fields: Field[]): FieldAffectingData[] =>
  fields.flatMap((field): FieldAffectingData[] => {
    if (field.type === 'row' || field.type === 'collapsible') return dataFields(field.fields)
    if (field.type === 'tabs') return dataFields(field.tabs.flatMap(tabAsField))
    if (field.type === 'ui') return []
    if (field.type === 'group' && !('name' in field && field.name)) return dataFields(field.fields)
    return [field as FieldAffectingData]
  })

/** Every field, at any depth (inside groups, arrays, blocks and tabs too). */
export const allFields = (fields: Field[], blocks: Block[] = []): Field[] =>
  fields.flatMap((field) => {
    const inner: Field[] =
      field.type === 'tabs'
        ? field.tabs.flatMap((tab) => tab.fields)
        : field.type === 'blocks'
          ? (field.blockReferences ?? field.blocks).flatMap((block) =>
              typeof block === 'string' ? (blocks.find((each) => each.slug === block)?.fields ?? []) : block.fields,
            )
          : 'fields' in field
            ? field.fields
            : []
    return [field, ...allFields(inner, blocks)]
  })

/** One field as a property: its value, `null` when optional, described by its label. */
const fieldSchema = (field: FieldAffectingData, context: SchemaContext): SchemaObject => {
  const value = valueSchema(field, context)
  const localized = 'localized' in field && field.localized && context.locales.length > 0
  const description = joinText(
    textOf('label' in field ? (field.label as Labelled) : undefined),
    localized ? `(theo ngôn ngữ · localized: ${context.locales.join(', ')})` : undefined,
    value.description,
  )
  const schema = isRequired(field) ? value : nullable(value)
  return {
    ...schema,
    ...(description ? { description } : {}),
    ...(localized ? { 'x-localized': true } : {}),
  }
}

/**
 * Fields as an object schema. Hidden fields and fields an anonymous reader may not read are left
 * out: the document describes what the public API can answer, never what staff alone can see.
 */
export const objectSchema = (fields: Field[], context: SchemaContext): SchemaObject & { properties: Record<string, SchemaObject> } => {
  const properties: Record<string, SchemaObject> = {}
  const required: string[] = []
  for (const field of dataFields(fields)) {
    const { name } = field
    if (!name || ('hidden' in field && field.hidden) || context.isRestricted(field)) continue
    properties[name] = fieldSchema(field, context)
    if (isRequired(field)) required.push(name)
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}
