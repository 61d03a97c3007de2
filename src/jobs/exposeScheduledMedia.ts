import type { TaskConfig } from 'payload'

import { mediaIdsIn, recompute } from '../hooks/syncMediaExposure.js'

/** Looks back further than the schedule's interval, so a late or missed run loses nothing. */
const lookBackMs = 10 * 60 * 1000

/**
 * A scheduled announcement starts serving its files when its time comes, without any write:
 * every minute, the files of announcements that have just come out are recomputed.
 */
export const exposeScheduledMedia: TaskConfig<'exposeScheduledMedia'> = {
  slug: 'exposeScheduledMedia',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const now = new Date()
    // Bookkeeping over every announcement, whatever any reader may see.
    const { docs } = await req.payload.find({
      collection: 'announcements',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: {
        and: [
          { _status: { equals: 'published' } },
          { publishedAt: { greater_than: new Date(now.getTime() - lookBackMs).toISOString() } },
          { publishedAt: { less_than_equal: now.toISOString() } },
        ],
      },
    })
    await recompute(docs.flatMap((doc) => mediaIdsIn(doc, 'announcements')), req)
    return { output: {} }
  },
}
