import type { CollectionBeforeChangeHook } from 'payload'

import type { TruongsoMessage } from '../../../i18n.js'

import { mayApprove, mayMoveReview, type ReviewStatus } from '../../../access/review.js'
import { UserFacingError } from '../../../lib/errors.js'
import { translate } from '../../../lib/translate.js'
import { keepIdsFlag } from '../../../plugins/importExport/keepIds.js'
import { movesOnlyThroughTrash } from '../../../plugins/trash/movesOnlyThroughTrash.js'

const refusal: Partial<Record<ReviewStatus, TruongsoMessage>> = {
  approved: 'approveNotAllowed',
  'changes-requested': 'returnNotAllowed',
}

/** One step of the review, kept on the document: who moved it where, when, and the reviewer's note. */
export type ReviewStep = { action: ReviewStatus; at: string; by: null | number | string; byName?: null | string; note?: null | string }

const idOf = (value: unknown): null | number | string =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : ((value as null | number | string | undefined) ?? null)

/**
 * Keeps the review trail honest on every surface: each move between review states is checked
 * against the mover's rights (src/access/review.ts), a return carries a note, and the trail
 * (history, dates, reviewer) is written by the server only. Publishing approves. An
 * administrator's import recreates documents as they were exported, their review included.
 */
export const applyReviewWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // Into the trash and back, a material keeps the review it had; the system (seed, jobs) writes what it means.
  if (!req.user || movesOnlyThroughTrash(data, originalDoc) || req.context?.[keepIdsFlag] === true) return data
  const user = req.user
  const from: ReviewStatus = originalDoc?.reviewStatus ?? 'draft'
  const level = data.accessLevel ?? originalDoc?.accessLevel
  const publishing = data._status === 'published'
  const to: ReviewStatus = publishing && mayApprove(user, level) ? 'approved' : (data.reviewStatus ?? from)

  data.reviewStatus = to
  data.submittedAt = originalDoc?.submittedAt ?? null
  data.reviewedBy = idOf(originalDoc?.reviewedBy)
  data.reviewedAt = originalDoc?.reviewedAt ?? null
  data.reviewHistory = ((originalDoc?.reviewHistory ?? []) as ReviewStep[]).map((step) => ({ ...step, by: idOf(step.by) }))
  if (from === to) return data

  if (!mayMoveReview(user, from, to, level)) {
    throw new UserFacingError(translate(req, refusal[to] ?? 'reviewStatusNotAllowed'), 403)
  }
  const note = typeof data.reviewNote === 'string' ? data.reviewNote.trim() : ''
  if (to === 'changes-requested' && !note) throw new UserFacingError(translate(req, 'reviewNoteRequired'), 400)

  const at = new Date().toISOString()
  if (to === 'submitted') data.submittedAt = at
  if (to === 'approved' || to === 'changes-requested') {
    data.reviewedBy = user.id
    data.reviewedAt = at
  }
  const step: ReviewStep = { action: to, at, by: user.id, byName: typeof user.name === 'string' ? user.name : user.email, note: to === 'changes-requested' ? note : null }
  data.reviewHistory = [...data.reviewHistory, step]
  return data
}
