import type { Field, FieldAffectingData, Payload, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { SchemaContext } from './generate.js'
import type { OpenAPIDocument, SchemaObject } from './oas.js'
import type { DocumentContext, Fragment } from './paths/common.js'
import type { ResolvedOpenAPIOptions } from './types.js'

import { allFields } from './generate.js'
import { authPaths } from './paths/auth.js'
import { common, securitySchemes } from './paths/common.js'
import { componentName, contentPaths } from './paths/content.js'
import { graphQLPaths } from './paths/graphql.js'
import { importExportPaths } from './paths/importExport.js'
import { searchPaths } from './paths/search.js'
import { standardsPaths } from './paths/standards.js'

/** What the document needs to know beyond the config: the database's ids and who reads which field. */
export type DocumentEnvironment = {
  /** `payload.db.defaultIDType`: `number` on SQLite, `text` on MongoDB. */
  idType: 'number' | 'text'
  /** Fields an anonymous reader may not read. */
  isRestricted: (field: Field | FieldAffectingData) => boolean
}

const idSchemaOfType = (type: 'number' | 'text'): SchemaObject => (type === 'number' ? { type: 'integer' } : { type: 'string' })

const merge = (fragments: Fragment[]) => ({
  parameters: Object.assign({}, ...fragments.map((each) => each.parameters)),
  paths: Object.assign({}, ...fragments.map((each) => each.paths)),
  responses: Object.assign({}, ...fragments.map((each) => each.responses)),
  schemas: Object.assign({}, ...fragments.map((each) => each.schemas)),
  tags: fragments.flatMap((each) => each.tags ?? []),
})

/**
 * The OpenAPI 3.1 description of the public read API, worked out from the sanitized config alone:
 * adding a field to a collection adds it here at the next start.
 */
export const buildDocument = (
  config: SanitizedConfig,
  options: ResolvedOpenAPIOptions,
  environment: DocumentEnvironment,
): OpenAPIDocument => {
  const described = new Map<string, SanitizedCollectionConfig>(
    config.collections
      .filter((collection) => options.collections.includes(collection.slug) || (collection.slug === config.admin.user && collection.auth))
      .map((collection) => [collection.slug, collection]),
  )
  const schema: SchemaContext = {
    blocks: config.blocks ?? [],
    componentFor: (slug) => {
      const collection = described.get(slug)
      return collection ? componentName(collection) : undefined
    },
    idSchemaFor: (slug) => {
      const custom = config.collections
        .find((collection) => collection.slug === slug)
        ?.fields.find((field) => 'name' in field && field.name === 'id')
      if (custom) return { type: custom.type === 'number' ? 'number' : 'string' }
      return idSchemaOfType(environment.idType)
    },
    isRestricted: environment.isRestricted,
    locales: config.localization ? config.localization.localeCodes : [],
  }
  const shared = common(config)
  const schemes = securitySchemes(config)
  const context: DocumentContext = { api: config.routes.api, config, parameters: shared.parameters, schema, securitySchemes: schemes }
  const parts = merge([shared, ...contentPaths(context, options), searchPaths(context), standardsPaths(context), importExportPaths(context), authPaths(context), graphQLPaths(context)])

  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, description: options.description },
    servers: options.servers,
    // Every route answers anonymous callers too, as the public; signing in only widens what they read.
    security: [{}, ...Object.keys(schemes).map((name) => ({ [name]: [] }))],
    tags: parts.tags,
    paths: parts.paths,
    components: { schemas: parts.schemas, parameters: parts.parameters, responses: parts.responses, securitySchemes: schemes },
  }
}

/** A stand-in document for access rules that compare the reader with it (`isSelf`). */
const probeDocument = { id: '__openapi-probe__' }

/**
 * The fields whose read rule an anonymous reader fails, found by asking each rule. A rule that
 * throws counts as failed: a field is described only when it is known to be public.
 */
export const restrictedFields = async (payload: Payload, options: ResolvedOpenAPIOptions): Promise<Set<Field | FieldAffectingData>> => {
  const { config } = payload
  const entities = [
    ...config.collections.filter((collection) => options.collections.includes(collection.slug) || collection.slug === config.admin.user),
    ...config.globals.filter((global) => options.globals.includes(global.slug)),
  ]
  const req = await createLocalReq({}, payload)
  const restricted = new Set<Field | FieldAffectingData>()
  for (const field of entities.flatMap((entity) => allFields(entity.fields, config.blocks ?? []))) {
    const read = 'access' in field ? field.access?.read : undefined
    if (!read) continue
    try {
      const allowed = await read({ data: probeDocument, doc: probeDocument, id: probeDocument.id, req, siblingData: probeDocument })
      if (allowed !== true) restricted.add(field)
    } catch {
      restricted.add(field)
    }
  }
  return restricted
}
