import type { CollectionSlug, Payload, PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { SanitizedTrashPluginOptions } from '../types.js'

import { emptyTrashTaskSlug, housekeepingQueue } from '../defaults.js'

const dayMs = 24 * 60 * 60 * 1000

/** How many documents each collection lost for good. */
export type EmptiedTrash = Record<string, number>

/**
 * Deletes for good what has stayed in the trash longer than the retention: the rows, their versions
 * and, for files, the bytes on disk (Payload's delete removes them). `now` is the clock, so a test
 * can move it.
 */
export const emptyTrash = async (
  payload: Payload,
  { collections, now = new Date(), req, retentionDays }: { collections: CollectionSlug[]; now?: Date; req?: PayloadRequest; retentionDays: number },
): Promise<EmptiedTrash> => {
  const cutoff = new Date(now.getTime() - retentionDays * dayMs).toISOString()
  const emptied: EmptiedTrash = {}
  for (const collection of collections) {
    // The system's own housekeeping: no reader is involved, and the rule it applies is the retention.
    const { docs, errors } = await payload.delete({
      collection,
      overrideAccess: true,
      req: req ?? (await createLocalReq({}, payload)),
      trash: true,
      where: { deletedAt: { less_than: cutoff } },
    })
    for (const error of errors) {
      payload.logger.error({ collection, id: error.id, msg: `trash: ${collection} ${String(error.id)} could not be deleted for good: ${error.message}` })
    }
    if (docs.length > 0) emptied[collection] = docs.length
  }
  if (Object.keys(emptied).length > 0) payload.logger.info({ emptied, msg: `trash: emptied what stayed more than ${retentionDays} days` })
  return emptied
}

export const emptyTrashTask = (options: SanitizedTrashPluginOptions): TaskConfig => ({
  slug: emptyTrashTaskSlug,
  schedule: [{ cron: options.schedule, queue: housekeepingQueue }],
  retries: 3,
  handler: async ({ req }) => {
    const emptied = await emptyTrash(req.payload, { collections: options.collections, req, retentionDays: options.retentionDays })
    return { output: { emptied } }
  },
})
