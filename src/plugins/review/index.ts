import type { CollectionConfig, Config, JobsConfig } from 'payload'

import type { ReviewPluginOptions } from './types.js'

import { defaultReviewedCollection, mailQueue } from './defaults.js'
import { notifyReview } from './hooks/notifyReview.js'
import { reviewDigestTask } from './jobs/reviewDigest.js'
import { sendMailTask } from './jobs/sendMail.js'
import { smtpEmailAdapter } from './smtp.js'
import { UnsentMail } from './UnsentMail.js'

type AutoRun = NonNullable<JobsConfig['autoRun']>

/** Every few seconds: a mail leaves moments after the step that caused it. */
const withMailQueue = (autoRun: AutoRun | undefined): AutoRun => {
  const mail = { cron: '*/5 * * * * *', queue: mailQueue }
  if (typeof autoRun === 'function') return async (payload) => [...(await autoRun(payload)), mail]
  return [...(autoRun ?? []), mail]
}

const notified = (collection: CollectionConfig, slug: string): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), notifyReview(slug)] },
})

/**
 * Notifications of the review: mails to the reviewers and the author at each step (queued, sent
 * by a job through SMTP from the environment, or kept as unsent without it), the collection of
 * unsent mail, and an optional daily digest of what waits.
 */
export const reviewPlugin =
  (options: ReviewPluginOptions = {}) =>
  (config: Config): Config => {
    const collection = options.collection ?? defaultReviewedCollection
    const digestSchedule = options.digestSchedule ?? (process.env.REVIEW_DIGEST_CRON || false)
    const email = config.email ?? smtpEmailAdapter()
    return {
      ...config,
      ...(email ? { email } : {}),
      collections: [...(config.collections ?? []).map((entry) => (entry.slug === collection ? notified(entry, collection) : entry)), UnsentMail],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), sendMailTask, reviewDigestTask({ collection, schedule: digestSchedule })],
        autoRun: withMailQueue(config.jobs?.autoRun),
      },
    }
  }
