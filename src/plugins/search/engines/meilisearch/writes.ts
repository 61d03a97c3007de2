import type { SearchDocument } from '../types.js'
import type { MeilisearchConnection } from './client.js'
import type { ResolvedMeilisearchOptions } from './types.js'

import { isValidDocumentId, toBatches, toIndexedDocuments } from './documents.js'
import { isIndexNotFound } from './indexes.js'

type BatchLimits = Pick<ResolvedMeilisearchOptions, 'batchSize' | 'maxBatchBytes'>

/**
 * Adds or replaces documents in batches and resolves once Meilisearch has applied every batch.
 * Batches go one after another, each confirmed by its task, so a failure leaves no batch behind
 * unreported.
 * @returns the ids written, in order
 * @throws MeilisearchDocumentError before any request when a document cannot be indexed
 * @throws MeilisearchTaskError when a batch's task fails
 */
export const addDocuments = async (
  connection: MeilisearchConnection,
  indexUid: string,
  documents: SearchDocument[],
  limits: BatchLimits,
): Promise<string[]> => {
  if (documents.length === 0) return []
  const batches = toBatches(toIndexedDocuments(documents), { maxBytes: limits.maxBatchBytes, maxDocuments: limits.batchSize })
  const index = connection.client.index(indexUid)
  const written: string[] = []
  for (const batch of batches) {
    await connection.settle(
      index.addDocumentsFromString(batch.body, 'application/json', { primaryKey: 'id' }),
      `indexing of ${batch.count} document(s) into ${indexUid}`,
    )
    written.push(...batch.ids)
  }
  return written
}

/**
 * Removes documents by id, in batches, waiting for each. Ids Meilisearch could never hold are
 * skipped: no such document can be in the index.
 * @throws MeilisearchTaskError when a deletion task fails
 */
export const removeDocuments = async (
  connection: MeilisearchConnection,
  indexUid: string,
  ids: string[],
  limits: BatchLimits,
): Promise<void> => {
  const valid = [...new Set(ids.filter(isValidDocumentId))]
  const index = connection.client.index(indexUid)
  for (let start = 0; start < valid.length; start += limits.batchSize) {
    const chunk = valid.slice(start, start + limits.batchSize)
    await connection.settle(index.deleteDocuments(chunk), `removal of ${chunk.length} document(s) from ${indexUid}`)
  }
}

/** Page size when listing ids; only the `id` field is fetched. */
const idsPerPage = 1000

/** Every document id in the index (none when the index does not exist yet). */
export const listDocumentIds = async (connection: MeilisearchConnection, indexUid: string): Promise<string[]> => {
  const index = connection.client.index<{ id: string }>(indexUid)
  const ids: string[] = []
  try {
    for (let offset = 0; ; offset += idsPerPage) {
      const page = await index.getDocuments({ fields: ['id'], limit: idsPerPage, offset })
      ids.push(...page.results.map((document) => String(document.id)))
      if (page.results.length < idsPerPage || offset + idsPerPage >= page.total) break
    }
  } catch (error) {
    if (isIndexNotFound(error)) return []
    throw error
  }
  return ids
}
