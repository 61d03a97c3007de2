import type { CollectionConfig, CollectionSlug, Config, Endpoint, FieldAccess, PayloadRequest } from 'payload'

import { flattenTopLevelFields } from 'payload'

import type { LeanListShapes, LeanListsOptions, ListPopulate } from './types.js'

import { collectionsReaching } from './relations.js'

/** The rich-text fields a collection's documents carry at their top level, by name. */
const richTextFieldsOf = (collection: CollectionConfig): string[] =>
  flattenTopLevelFields(collection.fields)
    .filter((field) => field.type === 'richText')
    .map((field) => field.name)

/** The top-level fields a collection guards with one of the reader-only rules, by rule. */
const fieldsGuardedByRule = (collection: CollectionConfig, rules: FieldAccess[]): Map<FieldAccess, string[]> => {
  const guarded = new Map<FieldAccess, string[]>()
  for (const field of flattenTopLevelFields(collection.fields)) {
    const rule = 'access' in field ? field.access?.read : undefined
    if (rule && field.name && rules.includes(rule)) guarded.set(rule, [...(guarded.get(rule) ?? []), field.name])
  }
  return guarded
}

/** The guarded fields this reader may not read: each rule asked once, with no document. */
const refusedTo = async (req: PayloadRequest, guarded: Map<FieldAccess, string[]>): Promise<string[]> => {
  const refused: string[] = []
  for (const [rule, names] of guarded) if (!(await rule({ req }))) refused.push(...names)
  return refused
}

/** The shapes `GET /api/<slug>` gives when the request names no `select` (nor `populate`). */
export const leanListShapesOf = (config: { custom?: Record<string, unknown> }): LeanListShapes =>
  (config.custom?.leanLists as LeanListShapes | undefined) ?? { omitted: {}, populate: {}, populating: [] }

/** Whether a query parameter names fields: `?select=` or a bare `?select` names none. */
const namesFields = (parameter: unknown): boolean => typeof parameter === 'object' && parameter !== null

type LeanList = { guarded: Map<FieldAccess, string[]>; omit: string[]; populate?: ListPopulate }

/**
 * `GET /api/<slug>` with the fields in `omit`, and the guarded fields this reader may not read,
 * left out unless the request names a `select` of its own, and related documents populated with
 * the fields of `populate` unless it names a `select` or a `populate`; answered by Payload's own
 * list handler. Custom endpoints are matched before Payload's, and only the REST route passes
 * here: the Local API, GraphQL and reads by id keep their shape.
 */
const leanListEndpoint = (slug: CollectionSlug, { guarded, omit, populate }: LeanList): Endpoint => ({
  method: 'get',
  path: '/',
  // Found by this tag rather than by identity: Payload may hand the handler a copy of the endpoint.
  custom: { leanList: true },
  handler: async (req) => {
    const endpoints = req.payload.collections[slug]?.config.endpoints || []
    const payloadList = endpoints.find((each) => !each.custom?.leanList && each.method === 'get' && each.path === '/')
    if (!payloadList) throw new Error('leanLists: Payload’s list endpoint is missing')
    // A `select` or `populate` object is the client's choice, Payload's rules apply to it unchanged.
    const namesSelect = namesFields(req.query.select)
    if (!namesSelect) {
      const left = [...omit, ...(await refusedTo(req, guarded))]
      if (left.length > 0) req.query.select = Object.fromEntries(left.map((name) => [name, false]))
    }
    // A copy per request: Payload sanitizes the parameter in place.
    if (populate && !namesSelect && !namesFields(req.query.populate)) req.query.populate = structuredClone(populate)
    return payloadList.handler(req)
  },
})

/**
 * REST lists of the given collections leave out their rich-text fields unless a client asks for
 * them with `select`. On a list of 20 learning materials the rich text was 48 of the answer's
 * 64 KB and a sixth of the server's CPU per request (bench/results.md, P2), while lists show
 * titles, summaries and covers; a document read by id keeps every field. Nor do they read the
 * staff's working fields (review notes and history) for readers who may not see them: on 10,000
 * materials that was 0.4 of the anonymous list's 4.4 ms (bench/results.md, P2). Related documents
 * come with the fields `populate` names for their collection: what a card shows of a file, not the
 * text read from it nor sizes no list uses.
 */
export const leanLists =
  (options: LeanListsOptions) =>
  (config: Config): Config => {
    const { populate } = options
    const shapes: LeanListShapes = { omitted: {}, populate: populate ?? {}, populating: [] }
    const wanted = new Set<string>(options.collections)
    const reaching = collectionsReaching(config.collections ?? [], new Set(Object.keys(populate ?? {})))
    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      if (!wanted.has(collection.slug) || collection.endpoints === false) return collection
      const omit = richTextFieldsOf(collection)
      const guarded = fieldsGuardedByRule(collection, options.readerOnlyRules ?? [])
      const populates = reaching.has(collection.slug)
      if (omit.length === 0 && guarded.size === 0 && !populates) return collection
      // The shape every reader gets; guarded fields are not in it for anyone who may not read them.
      if (omit.length > 0) shapes.omitted[collection.slug] = omit
      if (populates) shapes.populating.push(collection.slug)
      const endpoint = leanListEndpoint(collection.slug as CollectionSlug, { guarded, omit, ...(populates ? { populate } : {}) })
      return { ...collection, endpoints: [...(collection.endpoints ?? []), endpoint] }
    })
    return { ...config, collections, custom: { ...config.custom, leanLists: shapes } }
  }
