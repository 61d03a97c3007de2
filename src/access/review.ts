/**
 * Who may move a learning material through its review. Pure checks, shared by the hook that
 * enforces them on every API surface and by the admin buttons that only spare a dead click.
 */
import type { RoleBearer } from './accessLevels.js'

import { hasRole } from './accessLevels.js'
import { mayPublishIn } from './publishing.js'
import { materialAuthorRoles, publisherRoles } from './roles.js'

export const reviewStatuses = ['draft', 'submitted', 'changes-requested', 'approved'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

/** Authors (and the reviewers who write too) send their own work for review. */
export const maySubmitForReview = (user: RoleBearer): boolean => hasRole(user, ...materialAuthorRoles)

/**
 * Approving is "approve and publish": only someone who may leave this material published at its
 * level approves it.
 */
export const mayApprove = (user: RoleBearer, level: unknown): boolean => mayPublishIn(user, 'learning-materials', level)

/** Returning for changes is a reviewer's word on someone's work. */
export const mayReturnForChanges = (user: RoleBearer): boolean => hasRole(user, ...publisherRoles)

/** Whether the user may move a material at `level` from one review status to another. */
export const mayMoveReview = (user: RoleBearer, from: ReviewStatus, to: ReviewStatus, level: unknown): boolean => {
  if (from === to) return true
  switch (to) {
    case 'draft':
      // Taking back what one submitted, or reopening approved work to edit it, is the author's call.
      return maySubmitForReview(user)
    case 'submitted':
      return maySubmitForReview(user)
    case 'changes-requested':
      return mayReturnForChanges(user)
    case 'approved':
      return mayApprove(user, level)
  }
}
