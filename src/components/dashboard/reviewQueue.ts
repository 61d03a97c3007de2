import type { Payload, TypedUser, Where } from 'payload'

import type { LearningMaterial } from '../../payload-types'

/** What waits for review, as the user may see it, oldest submission first. */
export const waitingForReview: Where = { reviewStatus: { equals: 'submitted' } }

/** The admin list of the review queue, oldest first. */
export const queueListUrl = '/admin/collections/learning-materials?where[reviewStatus][equals]=submitted&sort=submittedAt'

/** Materials the user may edit, as she sees them (drafts included), read with her own access. */
export const materialsFor = async (payload: Payload, user: TypedUser, where: Where, { limit = 10, sort = '-updatedAt' } = {}) =>
  payload.find({
    collection: 'learning-materials',
    depth: 0,
    draft: true,
    limit,
    overrideAccess: false,
    select: { reviewHistory: true, reviewNote: true, reviewStatus: true, submittedAt: true, title: true, updatedAt: true, _status: true },
    sort,
    user,
    where,
  })

/** Who last submitted a material, from its review history (authors' accounts are not readable to all). */
export const submitterOf = (material: Pick<LearningMaterial, 'reviewHistory'>): string | undefined =>
  [...(material.reviewHistory ?? [])].reverse().find((step) => step.action === 'submitted')?.byName ?? undefined
