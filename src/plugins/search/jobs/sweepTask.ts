import type { CollectionSlug, TaskConfig } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { sweepTaskSlug } from '../defaults.js'
import { queueSyncOf } from '../hooks/queueSync.js'

/** Looks back further than the sweep interval, so a late or missed run loses nothing. */
const lookBackMs = 10 * 60 * 1000

/**
 * Scheduled publication and expiry change what is listed without any write: every minute, the
 * documents whose time fields have just passed are queued for an index update.
 */
export const sweepTask = (options: SanitizedSearchPluginOptions): TaskConfig => ({
  slug: sweepTaskSlug,
  schedule: [{ cron: '* * * * *', queue: options.queue }],
  handler: async ({ req }) => {
    const now = new Date()
    const since = new Date(now.getTime() - lookBackMs)
    for (const [collection, settings] of Object.entries(options.collections)) {
      if (!settings.timeFields?.length) continue
      // Which documents changed state is a question about all of them, not one reader's view.
      const { docs } = await req.payload.find({
        collection: collection as CollectionSlug,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: {},
        where: {
          or: settings.timeFields.map((field) => ({
            and: [
              { [field]: { greater_than: since.toISOString() } },
              { [field]: { less_than_equal: now.toISOString() } },
            ],
          })),
        },
      })
      for (const { id } of docs) await queueSyncOf(options, collection, id, req)
    }
    return { output: {} }
  },
})
