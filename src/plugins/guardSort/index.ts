import type { Config } from 'payload'

import { rejectSortAcrossRelations } from './rejectSortAcrossRelations.js'

/** Adds the sort guard to every collection, after whatever `beforeOperation` hooks they have. */
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
