/**
 * Who decides what readers see. Pure checks, shared by the publish hook, the level of uploads and
 * the guard on files in use.
 */
import { canSeeLevel, hasRole, type RoleBearer } from './accessLevels.js'
import { publishRolesOf, type PublishedCollection } from './roles.js'

/** The user may leave a document of `collection` at `level` published. */
export const mayPublishIn = (user: RoleBearer, collection: PublishedCollection, level: unknown): boolean =>
  hasRole(user, ...publishRolesOf[collection]) && canSeeLevel(user, level)

/** The user may publish in at least one collection: her files may be visible beyond the staff. */
export const publishesAnything = (user: RoleBearer): boolean =>
  Object.values(publishRolesOf).some((roles) => hasRole(user, ...roles))
