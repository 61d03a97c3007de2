import type { FieldAccess } from 'payload'

import { hasRole } from './accessLevels.js'
import { adminPanelRoles, publisherRoles } from './roles.js'

/** Working fields (review notes, internal refs) stay with school staff, out of public answers. */
export const editorsOnlyField: FieldAccess = ({ req }) => hasRole(req.user, ...adminPanelRoles)

export const publishersOnlyField: FieldAccess = ({ req }) => hasRole(req.user, ...publisherRoles)
