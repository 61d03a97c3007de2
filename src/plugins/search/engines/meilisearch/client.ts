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
  settle: (enqueued: Promise<EnqueuedTask | number>, what: string, tolerate?: (task: Task) => boolean) => Promise<Task>
  /**
   * Follows a task however long it takes, polling more and more seldom (up to once a second) on
   * timers that never keep the process alive (a script that is done exits while a long settings
   * task runs on).
   * @throws MeilisearchTaskError when the task fails or is canceled
   */
  watch: (taskUid: number, what: string) => Promise<Task>
}

/** The longest pause between two polls of a watched task. */
const maxWatchIntervalMs = 1000

const unrefPause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

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
    watch: async (taskUid, what) => {
      for (let interval = options.taskPollIntervalMs; ; interval = Math.min(interval * 2, maxWatchIntervalMs)) {
        const task = await client.tasks.getTask(taskUid)
        if (task.status === 'succeeded') return task
        if (task.status === 'failed' || task.status === 'canceled') throw new MeilisearchTaskError(what, task)
        await unrefPause(interval)
      }
    },
  }
}
