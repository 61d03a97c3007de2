import type { TaskConfig } from 'payload'

import { levelsFor } from '../../../access/accessLevels.js'
import { mailQueue, reviewDigestTaskSlug } from '../defaults.js'
import { digestMail } from '../messages.js'
import { reviewersOf } from '../recipients.js'
import { queueMail } from './sendMail.js'

/**
 * Once a day, the reviewers receive what waits for them, oldest first; nothing waiting, no mail.
 * A system job: it reads every submitted material to list it to those who review them.
 */
export const reviewDigestTask = ({ collection, schedule }: { collection: string; schedule: false | string }): TaskConfig<{ input: object; output: { waiting: number } }> => ({
  slug: reviewDigestTaskSlug,
  // Without a schedule the task stays available to run by hand (and to tests).
  ...(schedule ? { schedule: [{ cron: schedule, queue: mailQueue }] } : {}),
  outputSchema: [{ name: 'waiting', type: 'number' }],
  retries: 2,
  handler: async ({ req }) => {
    const { docs } = await req.payload.find({
      collection: collection as 'learning-materials',
      depth: 0,
      draft: true,
      limit: 100,
      overrideAccess: true,
      req,
      select: { submittedAt: true, title: true },
      sort: 'submittedAt',
      // A digest names no material to reviewers who could not open it.
      where: { and: [{ reviewStatus: { equals: 'submitted' } }, { accessLevel: { in: levelsFor({ roles: ['reviewer'] }) } }] },
    })
    if (docs.length > 0) {
      const waiting = docs.map((doc) => ({ id: doc.id, submittedAt: doc.submittedAt, title: String(doc.title ?? '') }))
      await queueMail(req, digestMail(await reviewersOf(req, 'staff'), waiting, collection))
    }
    return { output: { waiting: docs.length } }
  },
})
