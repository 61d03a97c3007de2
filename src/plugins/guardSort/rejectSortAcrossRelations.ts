import type { CollectionBeforeOperationHook, FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { buildVersionCollectionFields } from 'payload'

import { refuseSortAcrossRelations, type SortArg } from './refusedSortPath.js'

type ReadArgs = {
  field?: string
  joins?: false | Record<string, false | { sort?: SortArg }>
  overrideAccess?: boolean
  sort?: SortArg
}

const versionFieldsCache = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()

/**
 * The fields of a collection's versions (`version.…`, `parent`). The hook's operation says `read`
 * for lists, documents and versions alike, so every sort is checked against both sets: a path
 * that is valid in one set only resolves there.
 */
const versionFieldsOf = (config: SanitizedConfig, collection: SanitizedCollectionConfig): FlattenedField[] => {
  if (!collection.versions) return []
  let fields = versionFieldsCache.get(collection)
  if (!fields) {
    fields = buildVersionCollectionFields(config, collection, true)
    versionFieldsCache.set(collection, fields)
  }
  return fields
}

/** The sorts a request asks of joined collections, each with the fields of the collection it sorts. */
const joinSorts = (config: SanitizedConfig, collection: SanitizedCollectionConfig, joins: ReadArgs['joins']) =>
  Object.entries(joins || {}).flatMap(([path, join]) => {
    const field = collection.flattenedFields.find((candidate) => candidate.name === path)
    if (!join || !join.sort || field?.type !== 'join') return []
    const targets = Array.isArray(field.collection) ? field.collection : [field.collection]
    const fields = targets.map((slug) => config.collections.find((each) => each.slug === slug)?.flattenedFields ?? [])
    return [{ fields, sort: join.sort }]
  })

/**
 * Every collection operation that reads (lists, documents, versions, counts, distinct values)
 * passes here from REST, GraphQL and the Local API; only system calls that override access skip it.
 */
export const rejectSortAcrossRelations: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const read = args as ReadArgs
  if (read.overrideAccess === true || !['count', 'countVersions', 'read', 'readDistinct'].includes(operation)) return args
  const fieldSets = [collection.flattenedFields, versionFieldsOf(req.payload.config, collection)]
  refuseSortAcrossRelations(req, read.sort, fieldSets)
  // A distinct list of a field across a relationship reads the related values themselves.
  if (operation === 'readDistinct') refuseSortAcrossRelations(req, read.field, fieldSets)
  for (const { fields, sort } of joinSorts(req.payload.config, collection, read.joins)) refuseSortAcrossRelations(req, sort, fields)
  return args
}
