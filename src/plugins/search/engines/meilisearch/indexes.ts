import { randomBytes } from 'node:crypto'

import { ErrorStatusCode, MeilisearchApiError } from 'meilisearch'

import type { MeilisearchConnection } from './client.js'

/** True when the error is Meilisearch saying the index does not exist. */
export const isIndexNotFound = (error: unknown): boolean =>
  error instanceof MeilisearchApiError && error.cause?.code === ErrorStatusCode.INDEX_NOT_FOUND

/**
 * Creates the index with primary key `id` unless it exists. Ids are `${collection}-${docId}`, so
 * Meilisearch must never guess another field as the key. Servers starting together may both find
 * it missing: the creation that comes second fails with `index_already_exists`, which is what it
 * wanted anyway.
 * @returns true when this call created the index
 */
export const ensureIndex = async (connection: MeilisearchConnection, indexUid: string): Promise<boolean> => {
  try {
    await connection.client.getRawIndex(indexUid)
    return false
  } catch (error) {
    if (!isIndexNotFound(error)) throw error
  }
  const task = await connection.settle(
    connection.client.createIndex(indexUid, { primaryKey: 'id' }),
    `creation of index ${indexUid}`,
    (failed) => failed.status === 'failed' && failed.error?.code === ErrorStatusCode.INDEX_ALREADY_EXISTS,
  )
  return task.status === 'succeeded'
}

/** Deletes an index and waits; an index that is already gone is fine. */
export const deleteIndex = async (connection: MeilisearchConnection, indexUid: string): Promise<void> => {
  await connection.settle(
    connection.client.deleteIndex(indexUid),
    `deletion of index ${indexUid}`,
    (task) => task.status === 'failed' && task.error?.code === ErrorStatusCode.INDEX_NOT_FOUND,
  )
}

/**
 * Uid of a fresh index to build beside `indexUid`: the time, then random digits so two rebuilds
 * started in the same millisecond (two servers, or a server and the CLI) never share one. Always
 * `temporarySuffixLength` characters longer than `indexUid`.
 */
export const temporaryIndexUid = (indexUid: string, now = Date.now()): string =>
  `${indexUid}_tmp_${String(now).padStart(13, '0')}_${randomBytes(3).toString('hex')}`

/** The pattern of every temporary uid of `indexUid`, as a key's `indexes` entry would name them. */
export const temporaryIndexPattern = (indexUid: string): string => `${indexUid}_tmp_*`
