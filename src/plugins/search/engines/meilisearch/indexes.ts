import { ErrorStatusCode, MeilisearchApiError } from 'meilisearch'

import type { MeilisearchConnection } from './client.js'

/** True when the error is Meilisearch saying the index does not exist. */
export const isIndexNotFound = (error: unknown): boolean =>
  error instanceof MeilisearchApiError && error.cause?.code === ErrorStatusCode.INDEX_NOT_FOUND

/**
 * Creates the index with primary key `id` unless it exists. Ids are `${collection}-${docId}`, so
 * Meilisearch must never guess another field as the key.
 * @returns true when the index was created
 */
export const ensureIndex = async (connection: MeilisearchConnection, indexUid: string): Promise<boolean> => {
  try {
    await connection.client.getRawIndex(indexUid)
    return false
  } catch (error) {
    if (!isIndexNotFound(error)) throw error
  }
  await connection.settle(connection.client.createIndex(indexUid, { primaryKey: 'id' }), `creation of index ${indexUid}`)
  return true
}

/** Deletes an index and waits; an index that is already gone is fine. */
export const deleteIndex = async (connection: MeilisearchConnection, indexUid: string): Promise<void> => {
  await connection.settle(
    connection.client.deleteIndex(indexUid),
    `deletion of index ${indexUid}`,
    (task) => task.status === 'failed' && task.error?.code === ErrorStatusCode.INDEX_NOT_FOUND,
  )
}
