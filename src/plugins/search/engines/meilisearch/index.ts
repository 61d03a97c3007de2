/**
 * The production search engine: one Meilisearch index shared by every collection. Only this folder
 * imports `meilisearch`, and only `client.ts` creates a client.
 */
import type { SearchEngine, SetupReport } from '../types.js'
import type { MeilisearchConnection } from './client.js'
import type { MeilisearchEngineOptions, ResolvedMeilisearchOptions } from './types.js'

import { connect } from './client.js'
import { resolveOptions } from './defaults.js'
import { ensureIndex } from './indexes.js'
import { missingPermissions } from './permissions.js'
import { rebuildIndex } from './rebuild.js'
import { search } from './search.js'
import { startSettingsUpdate } from './settings.js'
import { createTenantToken, signingKeyCache } from './tokens.js'
import { requireServerVersion } from './version.js'
import { addDocuments, listDocumentIds, removeDocuments } from './writes.js'

export type { MeilisearchEngineOptions } from './types.js'
export {
  MeilisearchConfigError,
  MeilisearchDocumentError,
  MeilisearchEngineError,
  MeilisearchRefusedError,
  MeilisearchRequestRefusedError,
  MeilisearchTaskError,
} from './errors.js'

/**
 * Checks the server and the key, creates the live index if missing and sends the settings that
 * differ. Resolves once searches can be answered: at once when the index's filters and sorts
 * already work (the new settings then apply in the background, the old ones serving meanwhile),
 * otherwise once the settings are in force.
 */
const setUp = async (connection: MeilisearchConnection, options: ResolvedMeilisearchOptions): Promise<SetupReport> => {
  await requireServerVersion(connection)
  const missing = await missingPermissions(connection, options)
  await ensureIndex(connection, options.indexUid)
  const update = await startSettingsUpdate(connection, options.indexUid)
  if (update.taskUid === undefined) return { missing, settled: Promise.resolve() }
  const what = `settings update of ${options.indexUid} (${update.changed.join(', ')})`
  const settled = connection.watch(update.taskUid, what).then(() => undefined)
  if (!update.servable) {
    await settled
    return { missing, settled }
  }
  settled.catch(() => undefined)
  return { missing, pending: `Meilisearch task ${update.taskUid} applies new index settings (${update.changed.join(', ')})`, settled }
}

/**
 * Creates the Meilisearch engine. Nothing is sent until a method is called; `setup()` checks the
 * server and the key, creates the index and brings its settings up to date.
 * @throws MeilisearchConfigError for missing or unsafe options
 */
export const createMeilisearchEngine = (options: MeilisearchEngineOptions): SearchEngine => {
  const resolved = resolveOptions(options)
  const connection = connect(resolved)
  const indexUid = resolved.indexUid
  const signingKey = signingKeyCache(connection, resolved)

  return {
    name: 'meilisearch',
    setup: () => setUp(connection, resolved),
    upsert: async (documents) => {
      await addDocuments(connection, indexUid, documents, resolved)
    },
    remove: (ids) => removeDocuments(connection, indexUid, ids, resolved),
    search: (query) => search(connection, indexUid, query),
    replaceAll: (batches, onProgress) => rebuildIndex(connection, resolved, batches, onProgress),
    listIds: () => listDocumentIds(connection, indexUid),
    tenantToken: (levels, expiresAt) => createTenantToken(signingKey, resolved, levels, expiresAt),
  }
}
