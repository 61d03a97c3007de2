import type { Access, Where } from 'payload'

import { hasRole, levelsFor, type Role } from './accessLevels.js'

/** Documents whose own `accessLevel` the reader may see. */
export const levelWithinReach: Access = ({ req }) => ({
  accessLevel: { in: levelsFor(req.user) },
})

/** Published documents at a level the reader may see: what readers who cannot edit get. */
export const publishedWithinReach: Access = ({ req }): Where => ({
  and: [{ _status: { equals: 'published' } }, { accessLevel: { in: levelsFor(req.user) } }],
})

/**
 * Editors of a collection reach every document up to their own level, drafts included;
 * admins reach everything.
 */
export const editorsWithinReach =
  (editorRoles: Role[]): Access =>
  ({ req }) => {
    if (hasRole(req.user, 'admin')) return true
    if (!hasRole(req.user, ...editorRoles)) return false
    return { accessLevel: { in: levelsFor(req.user) } }
  }

/**
 * Documents the requesting user owns through the given relationship field, within her levels:
 * owning a document an administrator has since raised above her level does not keep it readable.
 */
export const ownedWithinReach =
  (field: string, ownerRoles: Role[]): Access =>
  ({ req }) =>
    req.user && hasRole(req.user, ...ownerRoles)
      ? { and: [{ [field]: { equals: req.user.id } }, { accessLevel: { in: levelsFor(req.user) } }] }
      : false
