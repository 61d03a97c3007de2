import type { CollectionSlug, Payload } from 'payload'

import { filesDirOf } from './filesDir.js'
import { abandonedChanges, discard, promote } from './store.js'

/** How many changes a recovery completed and how many it threw away. */
export type Recovery = { completed: number; discarded: number }

/**
 * Settles the changes that processes gone since (killed, crashed, powered off) left half-way, by
 * asking the database what it stored: a stored row gets its files and loses the old ones; a row
 * never stored keeps its old files, and the staged ones go.
 */
export const recoverAbandonedChanges = async (payload: Payload): Promise<Recovery> => {
  const recovery: Recovery = { completed: 0, discarded: 0 }
  for (const collection of Object.values(payload.collections)) {
    if (!collection.config.upload) continue
    const dir = filesDirOf(collection.config)
    for (const { journal, opDir } of await abandonedChanges(dir)) {
      const staged = { dir, journal: journal!, opDir }
      if (!journal) {
        await discard(staged)
        recovery.discarded += 1
        continue
      }
      const { storedWhen } = journal
      const row = await payload.db.findOne({
        collection: journal.collection as CollectionSlug,
        where: 'rowWithFilename' in storedWhen ? { filename: { equals: storedWhen.rowWithFilename } } : { id: { equals: storedWhen.rowGone } },
      })
      const stored = 'rowWithFilename' in storedWhen ? Boolean(row) : !row
      if (stored) await promote(staged)
      else await discard(staged)
      recovery[stored ? 'completed' : 'discarded'] += 1
      payload.logger.warn({ collection: journal.collection, files: journal.add, retired: journal.remove, stored }, `files: ${stored ? 'completed' : 'undid'} a change a stopped process left half-way`)
    }
  }
  return recovery
}
