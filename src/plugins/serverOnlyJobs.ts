import type { Config } from 'payload'

import { isServerProcess } from '../lib/serverProcess.js'

/**
 * Payload starts its job crons in any process that answers a REST request (its request handler
 * asks for them), and they queue scheduled jobs even where they do not run them. Only the server
 * keeps the crons the other plugins configured; scripts and test runs get none.
 */
export const serverOnlyJobs =
  () =>
  (config: Config): Config => {
    const autoRun = config.jobs?.autoRun
    return {
      ...config,
      jobs: {
        ...config.jobs,
        autoRun: async (payload) => {
          if (!isServerProcess()) return []
          return typeof autoRun === 'function' ? autoRun(payload) : (autoRun ?? [])
        },
      },
    }
  }
