import type { SearchVocabulary } from '../../vocabulary.js'
import type { SearchDocument } from '../types.js'
import type { MeilisearchConnection } from './client.js'
import type { ResolvedMeilisearchOptions } from './types.js'

import type { IndexSwap } from 'meilisearch'

import { deleteIndex, ensureIndex, temporaryIndexUid } from './indexes.js'
import { applySettings } from './settings.js'
import { addDocuments } from './writes.js'

/**
 * Builds every document into a new index (created, given the settings, then filled batch by batch)
 * and swaps it with the live one in a single task, so searches answer from the old index until the
 * new one is complete and never see it empty. The old contents, now under the temporary uid, are
 * deleted afterwards. On any failure the temporary index is deleted and the live one is untouched.
 */
export const rebuildIndex = async (
  connection: MeilisearchConnection,
  options: ResolvedMeilisearchOptions,
  batches: AsyncIterable<SearchDocument[]>,
  vocabulary: SearchVocabulary,
  onProgress?: (indexed: number) => void,
): Promise<{ indexed: number }> => {
  const live = options.indexUid
  const temporary = temporaryIndexUid(live)
  const indexed = new Set<string>()
  try {
    await ensureIndex(connection, temporary)
    await applySettings(connection, temporary, vocabulary)
    for await (const batch of batches) {
      for (const id of await addDocuments(connection, temporary, batch, options)) indexed.add(id)
      onProgress?.(indexed.size)
    }
    // Swapping needs both indexes; on a first run the live one is created empty just before.
    if (await ensureIndex(connection, live)) await applySettings(connection, live, vocabulary)
    // `rename` is left out, not sent false: its default is a swap, and servers before 1.18
    // refuse the field itself (400 `bad_request`, unknown field). The client's type requires it.
    const swap = { indexes: [live, temporary] } as Omit<IndexSwap, 'rename'> as IndexSwap
    await connection.settle(connection.client.swapIndexes([swap]), `swap of ${temporary} into ${live}`)
  } catch (error) {
    await deleteIndex(connection, temporary).catch(() => undefined)
    throw error
  }
  await deleteIndex(connection, temporary)
  return { indexed: indexed.size }
}
