import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { afterCommit } from '../../../lib/afterCommit.js'
import { skipSearchSync, syncTaskSlug } from '../defaults.js'

/** Whether this process works the queue itself, as Payload decides it for its crons. */
const runsQueueHere = async (options: SanitizedSearchPluginOptions, payload: Payload): Promise<boolean> =>
  options.autoRun && payload.crons.length > 0 && ((await payload.config.jobs.shouldAutoRun?.(payload)) ?? true)

/**
 * Queues an index update in the same transaction as the write: if the write fails nothing is
 * queued, and if the engine is down the job waits and retries. Hooks never call the engine.
 * A server runs the job as soon as the write commits instead of at the queue's next tick, so a
 * published lesson is findable within moments; the queue still holds it for retries.
 */
export const queueSyncOf = async (
  options: SanitizedSearchPluginOptions,
  collection: string,
  id: number | string,
  req: PayloadRequest,
): Promise<void> => {
  // A bulk load rebuilds the index once it ends; a job per write would only redo that work.
  if (req.context[skipSearchSync]) return
  const job = await req.payload.jobs.queue({
    input: { collection, id: String(id) },
    queue: options.queue,
    req,
    task: syncTaskSlug,
  })
  await runOnceCommitted(options, job.id, req)
}

/**
 * Runs a queued job as soon as the write that queued it commits, on a server that works the
 * queue; elsewhere it waits for whoever does. Either way the queue keeps it for retries.
 */
export const runOnceCommitted = async (options: SanitizedSearchPluginOptions, jobId: number | string, req: PayloadRequest): Promise<void> => {
  if (!(await runsQueueHere(options, req.payload))) return
  const { payload } = req
  await afterCommit(req, async () => {
    await payload.jobs.run({ queue: options.queue, silent: true, where: { id: { equals: jobId } } })
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
