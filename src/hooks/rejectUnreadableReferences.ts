import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { UserFacingError } from '../lib/errors.js'
import { referenceIdsAt } from '../lib/referenceIds.js'
import { translate } from '../lib/translate.js'

/** A field holding references, e.g. `files` or `relatedDocuments.document` (a field of array rows). */
export type Reference = { path: string; relationTo: CollectionSlug }

// Compared as strings: an id may arrive as "12" where the stored document has 12.
const idsAt = (doc: Record<string, unknown> | undefined, path: string): string[] => referenceIdsAt(doc, path).map(String)

/**
 * A writer may only point a document at files and documents she can read herself. Publishing
 * serves a document's files to its readers and shows its related documents, so otherwise anyone
 * could publish a leadership-only file, or mark a hidden document replaced, by its id.
 * References already there (set by someone else) stay.
 */
export const rejectUnreadableReferences =
  (references: Reference[]): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (!req.user) return data
    for (const { path, relationTo } of references) {
      const before = new Set(idsAt(originalDoc, path))
      const added = [...new Set(idsAt(data, path))].filter((id) => !before.has(id))
      if (added.length === 0) continue
      const { totalDocs } = await req.payload.count({
        collection: relationTo,
        overrideAccess: false,
        req,
        where: { id: { in: added } },
      })
      if (totalDocs !== added.length) throw new UserFacingError(translate(req, 'referenceNotReadable'), 403)
    }
    return data
  }

/** The upload fields of a collection, as references to `media`. */
export const mediaReferences = (fields: string[]): Reference[] =>
  fields.map((path) => ({ path, relationTo: 'media' }))
