import type { PayloadRequest, TaskConfig } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { syncAttempts, vocabularyTaskSlug } from '../defaults.js'
import { vocabularyWith } from '../vocabulary.js'
import { readSchoolVocabulary } from '../vocabularyGlobal.js'

/**
 * Puts the school's words in force: the engine reads queries with them from the next search, and
 * Meilisearch gets them as its synonyms. It resolves once they are in force, like an index update;
 * while Meilisearch applies them `/readyz` names its task. A change Meilisearch refuses rejects
 * (the job is retried), and searches keep the previous synonyms meanwhile.
 * @returns how many synonym groups are now in force
 */
export const applySchoolVocabulary = async (options: SanitizedSearchPluginOptions, req: PayloadRequest): Promise<number> => {
  const vocabulary = vocabularyWith(await readSchoolVocabulary(options, req))
  const report = await options.engine.useVocabulary(vocabulary)
  const { warmup } = options
  const { pending } = report
  if (pending) warmup.pending = pending
  try {
    await report.settled
  } finally {
    if (pending && warmup.pending === pending) warmup.pending = undefined
  }
  return vocabulary.synonyms.length
}

/** Applies the vocabulary as saved when the job runs: safe to repeat, and the latest save wins. */
export const vocabularyTask = (options: SanitizedSearchPluginOptions): TaskConfig<{ input: object; output: { groups: number } }> => ({
  slug: vocabularyTaskSlug,
  inputSchema: [],
  outputSchema: [{ name: 'groups', type: 'number' }],
  retries: { attempts: syncAttempts, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ req }) => ({ output: { groups: await applySchoolVocabulary(options, req) } }),
})
