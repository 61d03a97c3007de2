import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole, type Role } from '../access/accessLevels.js'
import { UserFacingError } from '../lib/errors.js'
import { translate } from '../lib/translate.js'
import { movesOnlyThroughTrash } from '../plugins/trash/movesOnlyThroughTrash.js'

/**
 * Publishing is a right of its own, checked on the server whatever the UI shows: a write that
 * leaves the document published must come from a publisher. System writes (no user) pass, and so
 * does moving a published document into the trash or back, which publishes nothing new.
 */
export const rejectPublishWithoutRight =
  (publishers: Role[]): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    const resultingStatus = data._status ?? originalDoc?._status
    if (movesOnlyThroughTrash(data, originalDoc)) return data
    if (req.user && resultingStatus === 'published' && !hasRole(req.user, ...publishers)) {
      throw new UserFacingError(translate(req, 'publishNotAllowed'), 403)
    }
    return data
  }
