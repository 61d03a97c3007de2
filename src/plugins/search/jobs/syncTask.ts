import type { TaskConfig } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { syncAttempts, syncTaskSlug } from '../defaults.js'
import { syncDocument } from '../sync.js'

/**
 * One index update. It re-reads the document when it runs, so it is idempotent and always applies
 * the latest state, however late it runs or however often it is retried.
 */
export const syncTask = (options: SanitizedSearchPluginOptions): TaskConfig<{ input: { collection: string; id: string }; output: { result: string } }> => ({
  slug: syncTaskSlug,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: syncAttempts, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => ({
    output: { result: await syncDocument(options, input.collection, input.id, req) },
  }),
})
