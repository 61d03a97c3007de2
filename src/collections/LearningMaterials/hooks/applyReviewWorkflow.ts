import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../../../access/accessLevels.js'
import { publisherRoles } from '../../../access/roles.js'
import { UserFacingError } from '../../../lib/errors.js'
import { translate } from '../../../lib/translate.js'
import { movesOnlyThroughTrash } from '../../../plugins/trash/movesOnlyThroughTrash.js'

const authorStatuses = new Set(['draft', 'submitted'])

/**
 * Keeps the review trail honest: authors may only move their work between "being written" and
 * "submitted"; the reviewer who publishes is recorded with the time.
 */
export const applyReviewWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // Into the trash and back, a material keeps the review it had.
  if (!req.user || movesOnlyThroughTrash(data, originalDoc)) return data
  const isPublisher = hasRole(req.user, ...publisherRoles)
  const status = data.reviewStatus ?? originalDoc?.reviewStatus ?? 'draft'

  if (!isPublisher && !authorStatuses.has(status)) {
    throw new UserFacingError(translate(req, 'reviewStatusNotAllowed'), 403)
  }
  if (!isPublisher) {
    if (status === 'submitted' && originalDoc?.reviewStatus !== 'submitted') {
      data.submittedAt = new Date().toISOString()
    }
    return data
  }
  const publishing = (data._status ?? originalDoc?._status) === 'published'
  if (publishing || status === 'approved' || status === 'changes-requested') {
    data.reviewStatus = publishing ? 'approved' : status
    data.reviewedBy = req.user.id
    data.reviewedAt = new Date().toISOString()
  }
  return data
}
