import type { CollectionBeforeOperationHook } from 'payload'

import { UserFacingError } from '../../lib/errors.js'
import { translate } from '../../lib/translate.js'

const writes = new Set(['create', 'update', 'delete'])

/**
 * Append-only for every caller, server code with `overrideAccess` included: entries are written
 * and pruned below the operation layer, by `record.ts` and the retention job, and by nothing else.
 */
export const refuseWritingTheLog: CollectionBeforeOperationHook = ({ operation, req }) => {
  if (writes.has(operation)) throw new UserFacingError(translate(req, 'auditLogAppendOnly'), 403)
}
