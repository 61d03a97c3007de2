import type { SearchEngine } from './types.js'

import { createThreadedEmbeddedEngine } from './embeddedThread.js'
import { createMeilisearchEngine } from './meilisearch/index.js'

/**
 * Meilisearch when `MEILI_HOST` is set (with `MEILI_MASTER_KEY` or `MEILI_API_KEY`, and optionally
 * a search-only `MEILI_SEARCH_KEY`, and `MEILI_INDEX` to share one server between deployments),
 * otherwise the embedded engine, on a thread of its own.
 */
export const engineFromEnvironment = (): SearchEngine =>
  process.env.MEILI_HOST
    ? createMeilisearchEngine({
        apiKey: process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY ?? '',
        host: process.env.MEILI_HOST,
        indexUid: process.env.MEILI_INDEX || undefined,
        searchKey: process.env.MEILI_SEARCH_KEY,
      })
    : createThreadedEmbeddedEngine()
