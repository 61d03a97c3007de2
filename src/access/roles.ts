/**
 * Who may do what, by role. Collections read these lists instead of naming roles inline,
 * so a change of policy is one edit here.
 */
import type { Role } from './accessLevels.js'

/** Roles that may enter the admin panel: everyone but parents. */
export const adminPanelRoles: Role[] = ['admin', 'reviewer', 'teacher', 'staff']

/** Roles that may publish learning materials and library items. */
export const publisherRoles: Role[] = ['admin', 'reviewer']

/** Roles that manage announcements and regulatory documents. */
export const officeRoles: Role[] = ['admin', 'staff']

/** Roles that manage the digital library (publishing stays with `publisherRoles`). */
export const libraryEditorRoles: Role[] = ['admin', 'reviewer', 'staff']

/** Roles that may author learning materials. */
export const materialAuthorRoles: Role[] = ['admin', 'reviewer', 'teacher']

/**
 * Who may leave a document of each collection published. A file is published through the
 * documents that use it, so the same lists decide who may change a file in use.
 */
export const publishRolesOf = {
  'learning-materials': publisherRoles,
  'library-items': publisherRoles,
  announcements: officeRoles,
  'regulatory-documents': officeRoles,
} as const satisfies Record<string, Role[]>

export type PublishedCollection = keyof typeof publishRolesOf

/** Roles that may upload media. */
export const uploaderRoles: Role[] = ['admin', 'reviewer', 'teacher', 'staff']
