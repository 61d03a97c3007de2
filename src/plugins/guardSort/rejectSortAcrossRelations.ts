import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '../../access/accessLevels.js'
import { UserFacingError } from '../../lib/errors.js'
import { crossesRelation } from '../../lib/fieldPaths.js'
import { translate } from '../../lib/translate.js'

/**
 * Payload 3.90 checks field access for `sort` within a collection but not across a relationship
 * (`sort=author.hash` orders results by a hidden field, one comparison at a time). Until that is
 * fixed upstream, such sorts are refused for everyone but administrators.
 */
export const rejectSortAcrossRelations: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const { overrideAccess, sort } = args as { overrideAccess?: boolean; sort?: string | string[] }
  if (operation !== 'read' || overrideAccess === true || !sort || hasRole(req.user, 'admin')) return args
  const paths = (Array.isArray(sort) ? sort : sort.split(',')).map((path) => path.trim())
  const refused = paths.find((path) => crossesRelation(collection.flattenedFields, path))
  if (refused) throw new UserFacingError(translate(req, 'sortNotAllowed', { field: refused.replace(/^-/, '') }), 400)
  return args
}
