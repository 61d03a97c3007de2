import type { GlobalAfterChangeHook } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { skipSearchSync, vocabularyTaskSlug } from '../defaults.js'
import { runOnceCommitted } from './queueSync.js'

/**
 * Queues putting the saved vocabulary in force, with the save: the job re-reads the global, so
 * the latest list wins however many saves come before it runs, and an engine that is down (a
 * Meilisearch settings update that fails) is retried without failing the save.
 */
export const queueVocabularyAfterChange =
  (options: SanitizedSearchPluginOptions): GlobalAfterChangeHook =>
  async ({ doc, req }) => {
    // A bulk load rebuilds the index once it ends, and the rebuild puts the saved list in force.
    if (req.context[skipSearchSync]) return doc
    const job = await req.payload.jobs.queue({ input: {}, queue: options.queue, req, task: vocabularyTaskSlug })
    await runOnceCommitted(options, job.id, req)
    return doc
  }
