import type { PayloadRequest } from 'payload'

import { hasRole } from './accessLevels.js'

/** For yes-or-no rules that take only the request (the jobs queue's `run`, `queue`, `cancel`). */
export type RequestRule = (args: { req: PayloadRequest }) => boolean

export const adminRequest: RequestRule = ({ req }) => hasRole(req.user, 'admin')

/** Work the server does on its own, which no request may ask for. */
export const noRequest: RequestRule = () => false
