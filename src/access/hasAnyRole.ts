import type { Access, FieldAccess } from 'payload'

import { hasRole, type Role } from './accessLevels.js'

export const hasAnyRole =
  (roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

export const isAdmin: Access = hasAnyRole(['admin'])

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
