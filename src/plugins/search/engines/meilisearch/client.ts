import { type EnqueuedTask, Meilisearch, type Task } from 'meilisearch'

import type { ResolvedMeilisearchOptions } from './types.js'

import { MeilisearchTaskError } from './errors.js'

/** The one admin client of the engine, and how its writes are confirmed. */
export type MeilisearchConnection = {
  client: Meilisearch
  /**
   * Waits for an enqueued task and resolves only if it succeeded. A 202 answer means "queued", not
   * "applied": a batch with a bad document is accepted and then fails, so the task status is what
   * the caller must go by.
   * `tolerate` accepts a failure that means the work was already done (deleting an index that is
   * already gone).
   * @throws MeilisearchTaskError when the task fails or is canceled
   */
  settle: (enqueued: Promise<EnqueuedTask>, what: string, tolerate?: (task: Task) => boolean) => Promise<Task>
}

/**
 * Creates the Meilisearch client. This is the only place the engine does so, so the admin key is
 * held by one object and never reaches search responses, logs or tokens.
 */
export const connect = (options: ResolvedMeilisearchOptions): MeilisearchConnection => {
  const client = new Meilisearch({
    apiKey: options.apiKey,
    clientAgents: ['truongso'],
    defaultWaitOptions: { interval: options.taskPollIntervalMs, timeout: options.taskTimeoutMs },
    host: options.host,
    timeout: options.requestTimeoutMs,
  })
  return {
    client,
    settle: async (enqueued, what, tolerate) => {
      // Polls with this engine's timeout and interval (an index creation's own `waitTask()` would not).
      const task = await client.tasks.waitForTask(await enqueued)
      if (task.status !== 'succeeded' && !tolerate?.(task)) throw new MeilisearchTaskError(what, task)
      return task
    },
  }
}
