import type { Config } from 'payload'

import { rejectSortAcrossRelations } from './rejectSortAcrossRelations.js'

/**
 * Sorts across relationships are refused on every collection read path (lists, documents,
 * versions, counts, distinct values, joins) through a `beforeOperation` hook appended to every
 * collection. Globals' versions get no such hook from Payload; there, Payload 3.90 itself fails a
 * sort or filter through a relationship before any query (tests/review/sortOracle.spec.ts).
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
  })
