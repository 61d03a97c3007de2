import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest, Where } from 'payload'

import { accessLevels, type AccessLevel } from '../access/accessLevels.js'
import { referenceIdsAt } from '../lib/referenceIds.js'

/**
 * Published documents that are not out yet (a scheduled announcement) do not serve their files;
 * `exposeScheduledMedia` recomputes once their time has come.
 */
const alreadyOut = (now: string): Record<string, Where> => ({
  announcements: { or: [{ publishedAt: { exists: false } }, { publishedAt: { less_than_equal: now } }] },
})

/** The upload fields through which each content collection publishes files. */
export const mediaFieldsOf: Record<string, string[]> = {
  announcements: ['cover', 'attachments'],
  'learning-materials': ['cover', 'files'],
  'library-items': ['cover', 'files'],
  'regulatory-documents': ['file'],
}

/** The files a document of `collection` publishes, by id. */
export const mediaIdsIn = (doc: unknown, collection: string): Array<number | string> =>
  (mediaFieldsOf[collection] ?? []).flatMap((field) => referenceIdsAt(doc, field))

/**
 * The levels at which a file is published: the levels of every published document that uses it.
 * The file route admits a reader at any of them, so a staff-only photo placed in a public
 * announcement is served with that announcement, and stops being served once it is removed.
 */
const exposureOf = async (mediaId: number | string, req: PayloadRequest): Promise<AccessLevel[]> => {
  const found = new Set<AccessLevel>()
  const outNow = alreadyOut(new Date().toISOString())
  for (const [collection, fields] of Object.entries(mediaFieldsOf)) {
    // System bookkeeping over every document: access is deliberately not applied here.
    const { docs } = await req.payload.find({
      collection: collection as 'announcements',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { accessLevel: true },
      where: {
        and: [
          { _status: { equals: 'published' } },
          { or: fields.map((field) => ({ [field]: { equals: mediaId } })) },
          ...(outNow[collection] ? [outNow[collection]] : []),
        ],
      },
    })
    docs.forEach((doc) => found.add(doc.accessLevel as AccessLevel))
  }
  return accessLevels.filter((level) => found.has(level))
}

export const recompute = async (ids: Array<number | string>, req: PayloadRequest): Promise<void> => {
  for (const id of new Set(ids)) {
    const current = await req.payload.db.findOne<{ exposedLevels?: AccessLevel[]; id: number | string }>({
      collection: 'media',
      req,
      where: { id: { equals: id } },
    })
    // A file deleted in the same request has nothing left to expose.
    if (!current) continue
    const exposedLevels = await exposureOf(id, req)
    if (exposedLevels.join() === (current.exposedLevels ?? []).join()) continue
    // A derived, unlocalized field: written below the operation layer so it neither depends on
    // the request's locale (a translation in progress) nor re-runs the file's own hooks.
    await req.payload.db.updateOne({ collection: 'media', data: { exposedLevels }, id, req })
  }
}

export const syncMediaExposure: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  await recompute([...mediaIdsIn(doc, collection.slug), ...mediaIdsIn(previousDoc, collection.slug)], req)
  return doc
}

export const releaseMediaExposure: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await recompute(mediaIdsIn(doc, collection.slug), req)
  return doc
}
