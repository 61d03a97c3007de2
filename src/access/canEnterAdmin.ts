import type { PayloadRequest } from 'payload'

import { hasRole } from './accessLevels.js'
import { adminPanelRoles } from './roles.js'

/** Parents use the website; the admin panel is for school staff. */
export const canEnterAdmin = ({ req }: { req: PayloadRequest }): boolean =>
  hasRole(req.user, ...adminPanelRoles)
