import type { CollectionAfterChangeHook } from 'payload'

import { queueMail } from '../jobs/sendMail.js'
import { approvedMail, returnedMail, submittedMail } from '../messages.js'
import { authorOf, nameOf, reviewersOf } from '../recipients.js'

/**
 * Tells the reviewers when a material is submitted, and its author when it is approved or
 * returned (with the note). Only moves made by a person are told: the seed and the jobs write
 * review states without anyone to tell.
 */
export const notifyReview =
  (collection: string): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const to = doc.reviewStatus
    const from = operation === 'create' ? undefined : previousDoc?.reviewStatus
    if (!req.user || to === from) return doc
    const material = { id: doc.id, submittedAt: doc.submittedAt, title: String(doc.title ?? '') }
    const actor = nameOf(req.user)
    if (to === 'submitted') {
      await queueMail(req, submittedMail(await reviewersOf(req, doc.accessLevel, req.user.id), material, actor, collection))
    } else if (to === 'approved') {
      await queueMail(req, approvedMail(await authorOf(req, doc.author, req.user.id), material, actor, collection))
    } else if (to === 'changes-requested') {
      await queueMail(req, returnedMail(await authorOf(req, doc.author, req.user.id), material, actor, String(doc.reviewNote ?? ''), collection))
    }
    return doc
  }
