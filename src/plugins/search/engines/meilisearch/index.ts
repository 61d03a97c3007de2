/**
 * The production search engine: one Meilisearch index shared by every collection. Only this folder
 * imports `meilisearch`, and only `client.ts` creates a client.
 */
import type { SearchVocabulary } from '../../vocabulary.js'
import type { SearchEngine, SetupReport } from '../types.js'
import type { MeilisearchConnection } from './client.js'
import type { MeilisearchEngineOptions, ResolvedMeilisearchOptions } from './types.js'

import { defaultVocabulary } from '../../vocabulary.js'
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
const setUp = async (
  connection: MeilisearchConnection,
  options: ResolvedMeilisearchOptions,
  vocabulary: () => SearchVocabulary,
  indexExists: () => void,
): Promise<SetupReport> => {
  await requireServerVersion(connection)
  const missing = await missingPermissions(connection, options)
  await ensureIndex(connection, options.indexUid)
  // From here a new vocabulary is sent by itself: one arriving while this update is sent must not wait for the next start.
  indexExists()
  const update = await startSettingsUpdate(connection, options.indexUid, vocabulary())
  if (update.taskUid === undefined) return { missing, settled: Promise.resolve() }
  const report = watchUpdate(connection, options.indexUid, update.taskUid, update.changed)
  if (!update.servable) {
    await report.settled
    return { missing, settled: report.settled }
  }
  return { ...report, missing }
}

/** The report of a settings task: it settles when the task ends, and is named until then. */
const watchUpdate = (connection: MeilisearchConnection, indexUid: string, taskUid: number, changed: string[]): SetupReport => {
  const settled = connection.watch(taskUid, `settings update of ${indexUid} (${changed.join(', ')})`).then(() => undefined)
  settled.catch(() => undefined)
  return { missing: [], pending: `Meilisearch task ${taskUid} applies new index settings (${changed.join(', ')})`, settled }
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
  let vocabulary = options.vocabulary ?? defaultVocabulary
  let indexExists = false

  return {
    name: 'meilisearch',
    setup: () => setUp(connection, resolved, () => vocabulary, () => (indexExists = true)),
    useVocabulary: async (next) => {
      vocabulary = next
      if (!indexExists) return { missing: [], settled: Promise.resolve() }
      const update = await startSettingsUpdate(connection, indexUid, vocabulary)
      return update.taskUid === undefined ? { missing: [], settled: Promise.resolve() } : watchUpdate(connection, indexUid, update.taskUid, update.changed)
    },
    upsert: async (documents) => {
      await addDocuments(connection, indexUid, documents, resolved)
    },
    remove: (ids) => removeDocuments(connection, indexUid, ids, resolved),
    search: (query) => search(connection, indexUid, query, vocabulary),
    replaceAll: (batches, onProgress) => rebuildIndex(connection, resolved, batches, vocabulary, onProgress),
    listIds: () => listDocumentIds(connection, indexUid),
    tenantToken: (levels, expiresAt) => createTenantToken(signingKey, resolved, levels, expiresAt),
  }
}
