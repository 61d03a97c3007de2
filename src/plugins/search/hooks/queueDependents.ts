import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { skipSearchSync } from '../defaults.js'
import { queueSyncOf } from './queueSync.js'

const queueDependentsOf = async (
  options: SanitizedSearchPluginOptions,
  changed: string,
  id: number | string,
  req: PayloadRequest,
): Promise<void> => {
  // Nothing would be queued for them (see queueSyncOf): no need to look them up.
  if (req.context[skipSearchSync]) return
  for (const [dependent, settings] of Object.entries(options.collections)) {
    for (const { field } of (settings.dependsOn ?? []).filter((each) => each.collection === changed)) {
      // Finding every entry to refresh, whatever the editor can read: the index serves everyone.
      const { docs } = await req.payload.find({
        collection: dependent as CollectionSlug,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: {},
        where: { [field]: { equals: id } },
      })
      for (const doc of docs) await queueSyncOf(options, dependent, doc.id, req)
    }
  }
}

/**
 * When a document that indexed entries show changes (an author's name, an attached file), queues
 * the entries that point at it, so search never shows stale names or finds a replaced file's text.
 */
export const queueDependents =
  (options: SanitizedSearchPluginOptions): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, req }) => {
    // Nothing can point at a document that did not exist until now.
    if (operation === 'update') await queueDependentsOf(options, collection.slug, doc.id, req)
    return doc
  }

/** Before the delete, while the entries still point at the document: afterwards the links are gone. */
export const queueDependentsOfDeleted =
  (options: SanitizedSearchPluginOptions): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    await queueDependentsOf(options, collection.slug, id, req)
  }
