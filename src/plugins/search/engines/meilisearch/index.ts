/**
 * The production search engine: one Meilisearch index shared by every collection. Only this folder
 * imports `meilisearch`, and only `client.ts` creates a client.
 */
import type { SearchEngine } from '../types.js'
import type { MeilisearchEngineOptions } from './types.js'

import { connect } from './client.js'
import { resolveOptions } from './defaults.js'
import { ensureIndex } from './indexes.js'
import { rebuildIndex } from './rebuild.js'
import { search } from './search.js'
import { applySettings } from './settings.js'
import { createTenantToken, resolveSigningKey, type SigningKey } from './tokens.js'
import { addDocuments, listDocumentIds, removeDocuments } from './writes.js'

export type { MeilisearchEngineOptions } from './types.js'
export {
  MeilisearchConfigError,
  MeilisearchDocumentError,
  MeilisearchEngineError,
  MeilisearchRefusedError,
  MeilisearchTaskError,
} from './errors.js'

/**
 * Creates the Meilisearch engine. Nothing is sent until a method is called; `setup()` creates the
 * index and brings its settings up to date.
 * @throws MeilisearchConfigError for missing or unsafe options
 */
export const createMeilisearchEngine = (options: MeilisearchEngineOptions): SearchEngine => {
  const resolved = resolveOptions(options)
  const connection = connect(resolved)
  const indexUid = resolved.indexUid

  // The signing key is looked up (or created) once; a failed lookup is retried next time.
  let signingKey: Promise<SigningKey> | undefined
  const getSigningKey = (): Promise<SigningKey> => {
    signingKey ??= resolveSigningKey(connection, resolved).catch((error: unknown) => {
      signingKey = undefined
      throw error
    })
    return signingKey
  }

  return {
    name: 'meilisearch',
    setup: async () => {
      await ensureIndex(connection, indexUid)
      await applySettings(connection, indexUid)
    },
    upsert: async (documents) => {
      await addDocuments(connection, indexUid, documents, resolved)
    },
    remove: (ids) => removeDocuments(connection, indexUid, ids, resolved),
    search: (query) => search(connection, indexUid, query),
    replaceAll: (batches, onProgress) => rebuildIndex(connection, resolved, batches, onProgress),
    listIds: () => listDocumentIds(connection, indexUid),
    tenantToken: (levels, expiresAt) => createTenantToken(getSigningKey, resolved, levels, expiresAt),
  }
}
