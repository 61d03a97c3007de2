import type { FlattenedField, PayloadRequest } from 'payload'

import { hasRole } from '../../access/accessLevels.js'
import { UserFacingError } from '../../lib/errors.js'
import { crossesRelation } from '../../lib/fieldPaths.js'
import { translate } from '../../lib/translate.js'

/** A sort as Payload takes it: `a,-b`, or a list (GraphQL splits it, REST may too). */
export type SortArg = string | string[] | undefined

const pathsOf = (sort: SortArg): string[] =>
  (Array.isArray(sort) ? sort : (sort ?? '').split(',')).map((path) => path.trim()).filter(Boolean)

/**
 * Refuses a sort that steps through a relationship, in any of the field sets given (a collection's
 * fields and its versions' fields, where the document sits under `version.` and `parent` joins the
 * document itself). Payload 3.90 checks sort paths within a collection but not across a relationship:
 * `sort=author.hash` or `sort=version.author.email` orders results by a value the reader cannot
 * read, one comparison at a time. Administrators read every account, so their sorts stay free.
 */
export const refuseSortAcrossRelations = (req: PayloadRequest, sort: SortArg, fieldSets: FlattenedField[][]): void => {
  if (hasRole(req.user, 'admin')) return
  const refused = pathsOf(sort).find((path) => fieldSets.some((fields) => crossesRelation(fields, path)))
  if (refused) throw new UserFacingError(translate(req, 'sortNotAllowed', { field: refused.replace(/^-/, '') }), 400)
}
