import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { TruongsoMessage } from '../../i18n.js'
import type { SanitizedCostLimits } from './types.js'

import { UserFacingError } from '../../lib/errors.js'
import { translate } from '../../lib/translate.js'
import { measureWhere } from './measureWhere.js'

type ReadArgs = {
  depth?: unknown
  id?: unknown
  limit?: unknown
  overrideAccess?: boolean
  pagination?: unknown
  where?: unknown
}

const refuse = (req: PayloadRequest, key: TruongsoMessage, variables: Record<string, number | string>): never => {
  throw new UserFacingError(translate(req, key, variables), 400)
}

/**
 * REST and GraphQL reach an operation with `overrideAccess` unset; the Local API always sets it
 * (to `true` by default), and it is what our own code and Payload's population of relationships
 * call, with whatever page size they need.
 */
const fromOutside = (args: ReadArgs): boolean => args.overrideAccess === undefined

const checkWhere = (limits: SanitizedCostLimits, args: ReadArgs, fields: Parameters<typeof measureWhere>[1], req: PayloadRequest) => {
  if (!args.where) return
  const caps = limits.where
  const measure = measureWhere(args.where, fields, caps.maxNesting)
  if (measure.nesting > caps.maxNesting) refuse(req, 'whereTooDeep', { limit: caps.maxNesting })
  if (measure.conditions > caps.maxConditions) refuse(req, 'whereTooManyConditions', { count: measure.conditions, limit: caps.maxConditions })
  if (measure.conditionsAcrossRelations > caps.maxConditionsAcrossRelations) {
    refuse(req, 'whereTooManyRelations', { count: measure.conditionsAcrossRelations, limit: caps.maxConditionsAcrossRelations })
  }
  if (measure.values > caps.maxValues) refuse(req, 'whereTooManyValues', { count: measure.values, limit: caps.maxValues })
}

const checkPage = (limits: SanitizedCostLimits, args: ReadArgs, req: PayloadRequest) => {
  const { maxLimit, maxDepthTimesLimit } = limits
  const limit = args.limit ?? undefined
  if (limit === undefined) {
    // Without a limit Payload reads its default page, or everything when pagination is off.
    if (args.pagination === false) refuse(req, 'listEverythingRefused', { max: maxLimit })
    return
  }
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    refuse(req, 'listLimitInvalid', { max: maxLimit, value: String(limit).slice(0, 20) })
  }
  const { defaultDepth, maxDepth } = req.payload.config
  const depth = Math.min(typeof args.depth === 'number' ? args.depth : defaultDepth, maxDepth)
  if (depth * (limit as number) > maxDepthTimesLimit) {
    refuse(req, 'depthTimesLimit', { depth, limit: Math.floor(maxDepthTimesLimit / depth), max: maxDepthTimesLimit })
  }
}

/**
 * Refuses, before any database work, a request whose list or filter would cost the server far
 * more than a page: every collection operation from REST (query string or method-override body,
 * Next's route or ours) and from GraphQL's resolvers passes here.
 */
export const refuseCostlyReads =
  (limits: SanitizedCostLimits): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    const read = args as ReadArgs
    if (!fromOutside(read)) return args
    checkWhere(limits, read, collection.flattenedFields, req)
    // A list: a read without an id (find and findVersions).
    if (operation === 'read' && read.id === undefined) checkPage(limits, read, req)
    return args
  }
