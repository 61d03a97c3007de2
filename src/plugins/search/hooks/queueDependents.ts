import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { queueSyncOf } from './queueSync.js'

/**
 * When a document that indexed entries show changes (an author's name), queues the entries that
 * point at it, so search results never show a stale name.
 */
export const queueDependents =
  (options: SanitizedSearchPluginOptions): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    for (const [dependent, settings] of Object.entries(options.collections)) {
      for (const { field } of (settings.dependsOn ?? []).filter((each) => each.collection === collection.slug)) {
        // Finding every entry to refresh, whatever the editor can read: the index serves everyone.
        const { docs } = await req.payload.find({
          collection: dependent as CollectionSlug,
          depth: 0,
          limit: 0,
          overrideAccess: true,
          pagination: false,
          req,
          select: {},
          where: { [field]: { equals: doc.id } },
        })
        for (const { id } of docs) await queueSyncOf(options, dependent, id, req)
      }
    }
    return doc
  }
