import type { Config } from 'payload'

import { guardGlobalVersions } from './guardGlobalVersions.js'
import { rejectSortAcrossRelations } from './rejectSortAcrossRelations.js'

/**
 * Sorts across relationships are refused on every collection read path (lists, documents,
 * versions, counts, distinct values, joins) through a `beforeOperation` hook appended to every
 * collection. Globals' versions get no such hook from Payload: their `readVersions` rule refuses
 * what a REST request asks (see guardGlobalVersions.ts).
 */
export const guardSort =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeOperation: [...(collection.hooks?.beforeOperation ?? []), rejectSortAcrossRelations],
      },
    })),
    globals: guardGlobalVersions(config.globals),
  })
