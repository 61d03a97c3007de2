import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { syncTaskSlug } from '../defaults.js'

/**
 * Queues an index update in the same transaction as the write: if the write fails nothing is
 * queued, and if the engine is down the job waits and retries. Hooks never call the engine.
 */
export const queueSyncOf = async (
  options: SanitizedSearchPluginOptions,
  collection: string,
  id: number | string,
  req: PayloadRequest,
): Promise<void> => {
  await req.payload.jobs.queue({
    input: { collection, id: String(id) },
    queue: options.queue,
    req,
    task: syncTaskSlug,
  })
}

export const queueSyncAfterChange =
  (options: SanitizedSearchPluginOptions): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    await queueSyncOf(options, collection.slug, doc.id, req)
    return doc
  }

export const queueSyncAfterDelete =
  (options: SanitizedSearchPluginOptions): CollectionAfterDeleteHook =>
  async ({ collection, id, req }) => {
    await queueSyncOf(options, collection.slug, id, req)
  }
