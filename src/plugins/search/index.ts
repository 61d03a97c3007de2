import type { CollectionConfig, Config } from 'payload'

import { createLocalReq } from 'payload'

import type { SanitizedSearchPluginOptions, SearchPluginOptions } from './types.js'

import { defaultMaxLimit, defaultQueue, defaultVocabularySlug } from './defaults.js'
import { searchEndpoints } from './endpoints/index.js'
import { engineFromEnvironment } from './engines/index.js'
import { queueDependents, queueDependentsOfDeleted } from './hooks/queueDependents.js'
import { queueSyncAfterChange, queueSyncAfterDelete } from './hooks/queueSync.js'
import { sweepTask } from './jobs/sweepTask.js'
import { syncTask } from './jobs/syncTask.js'
import { applySchoolVocabulary, vocabularyTask } from './jobs/vocabularyTask.js'
import { reindexAll } from './ops.js'
import { defaultSchoolVocabulary } from './vocabularyDefaults.js'
import { vocabularyGlobal } from './vocabularyGlobal.js'
import { pendingWarmup, setUpInBackground, warm } from './warmup.js'

type Hooks = NonNullable<CollectionConfig['hooks']>

const appendHooks = (
  collection: CollectionConfig,
  extra: Pick<Hooks, 'afterChange' | 'afterDelete' | 'beforeDelete'>,
): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), ...(extra.afterChange ?? [])],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(extra.afterDelete ?? [])],
    beforeDelete: [...(collection.hooks?.beforeDelete ?? []), ...(extra.beforeDelete ?? [])],
  },
})

/**
 * Site search over published content, filtered by each reader's access levels. Writes queue index
 * updates through Payload's jobs queue; an engine (embedded or Meilisearch) answers `/api/search`.
 */
export const searchPlugin =
  (incoming: SearchPluginOptions) =>
  (config: Config): Config => {
    const options: SanitizedSearchPluginOptions = {
      autoRun: incoming.autoRun ?? true,
      buildIndexOnInit: incoming.buildIndexOnInit ?? true,
      collections: incoming.collections,
      engine: incoming.engine ?? engineFromEnvironment(),
      facetValues: incoming.facetValues,
      maxLimit: incoming.maxLimit ?? defaultMaxLimit,
      queue: incoming.queue ?? defaultQueue,
      vocabulary: {
        access: incoming.vocabulary.access,
        defaults: incoming.vocabulary.defaults ?? defaultSchoolVocabulary,
        slug: incoming.vocabulary.slug ?? defaultVocabularySlug,
      },
      warmup: warm(),
    }
    const dependencies = new Set(
      Object.values(options.collections).flatMap((settings) => (settings.dependsOn ?? []).map((each) => each.collection)),
    )
    const existingAutoRun = Array.isArray(config.jobs?.autoRun) ? config.jobs.autoRun : []

    return {
      ...config,
      // Where operations code (reindex, drift check, the engine in tests) finds the live settings.
      custom: { ...config.custom, search: options },
      collections: (config.collections ?? []).map((collection) => {
        let result = collection
        if (options.collections[collection.slug]) {
          result = appendHooks(result, {
            afterChange: [queueSyncAfterChange(options)],
            afterDelete: [queueSyncAfterDelete(options)],
          })
        }
        if (dependencies.has(collection.slug)) {
          result = appendHooks(result, {
            afterChange: [queueDependents(options)],
            beforeDelete: [queueDependentsOfDeleted(options)],
          })
        }
        return result
      }),
      globals: [...(config.globals ?? []), vocabularyGlobal(options)],
      endpoints: [...(config.endpoints ?? []), ...searchEndpoints(options)],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), syncTask(options), sweepTask(options), vocabularyTask(options)],
        // Every second: a published lesson should be findable about as soon as it is saved.
        autoRun: options.autoRun
          ? [...existingAutoRun, { cron: '* * * * * *', limit: 100, queue: options.queue }]
          : config.jobs?.autoRun,
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // Payload gives plugins no hook at its end: the engine lets go of its thread with the
        // instance. First, while the database is open: a search job answered as the engine closes
        // still writes its result.
        const destroy = payload.destroy
        payload.destroy = async () => {
          try {
            await options.engine.close?.()
          } finally {
            await destroy()
          }
        }
        // Before the engine is set up, so Meilisearch gets the saved synonyms with its first settings.
        await applySchoolVocabulary(options, await createLocalReq({}, payload)).catch((error: unknown) =>
          payload.logger.error({ err: error, msg: 'search: the synonyms and abbreviations could not be read; searching with the defaults' }),
        )
        if (options.engine.name !== 'embedded') {
          // Not awaited: an engine that is down, refuses its key or applies settings to a large
          // index must neither hold nor fail the start; /readyz says when it is set up.
          options.warmup = setUpInBackground(options.engine, payload.logger)
          return
        }
        await options.engine.setup()
        // The embedded index lives in memory: it is rebuilt from the database at every start,
        // while the server already answers (searches wait for it a few seconds, then get a 503).
        options.warmup = pendingWarmup(async () => {
          const report = await reindexAll(options, await createLocalReq({}, payload))
          payload.logger.info(`search: embedded index built with ${report.indexed} entries in ${report.ms} ms`)
        })
        options.warmup.finished.catch((error: unknown) =>
          payload.logger.error({ err: error, msg: 'search: the embedded index could not be built; POST /api/search/reindex retries' }),
        )
        if (options.buildIndexOnInit) options.warmup.begin()
      },
    }
  }
