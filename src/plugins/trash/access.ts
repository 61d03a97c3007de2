import type { Access, Where } from 'payload'

import { hasRole } from '../../access/accessLevels.js'
import { allOf, anyOf } from '../../access/compose.js'

export const notInTrash: Where = { deletedAt: { exists: false } }

const outsideTrash: Access = () => notInTrash

/**
 * Readers never reach a document in the trash, whatever they ask for (`?trash=true` included);
 * whoever may edit it still does, to restore it.
 */
export const readOutsideTrash = (read: Access, edit: Access): Access => anyOf(allOf(read, outsideTrash), edit)

/**
 * Moving to the trash (an update that sets `deletedAt`, as the admin panel sends it) is for those who
 * may edit the document. Deleting for good is for administrators, and only what is already in the
 * trash: nothing leaves the school's records in one step.
 */
export const deleteThroughTrash =
  (edit: Access): Access =>
  (args) => {
    if ((args.data as { deletedAt?: unknown } | undefined)?.deletedAt) return edit(args)
    return hasRole(args.req.user, 'admin') ? { deletedAt: { exists: true } } : false
  }
