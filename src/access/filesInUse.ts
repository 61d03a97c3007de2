import type { PayloadRequest } from 'payload'

import { mediaFieldsOf } from '../hooks/syncMediaExposure.js'
import { canSeeLevel } from './accessLevels.js'
import { mayPublishIn } from './publishing.js'
import type { PublishedCollection } from './roles.js'

/** A published document that uses a file, as far as the rule on changing that file needs it. */
export type PublishedUse = { accessLevel: unknown; collection: PublishedCollection; id: number | string; title: string }

/**
 * Every published document that uses the file, scheduled ones included: what readers see of a file
 * is decided by those who may publish these documents.
 */
export const publishedUsesOf = async (fileId: number | string, req: PayloadRequest): Promise<PublishedUse[]> => {
  const uses: PublishedUse[] = []
  for (const [collection, fields] of Object.entries(mediaFieldsOf) as Array<[PublishedCollection, string[]]>) {
    // A lookup over every document, whatever the writer may read: the rule needs to know them all.
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { accessLevel: true, title: true },
      where: { and: [{ _status: { equals: 'published' } }, { or: fields.map((field) => ({ [field]: { equals: fileId } })) }] },
    })
    for (const doc of docs) uses.push({ accessLevel: doc.accessLevel, collection, id: doc.id, title: String(doc.title ?? '') })
  }
  return uses
}

/**
 * The first published use of the file that the request's user may not publish: while there is one,
 * she may not replace, edit or delete the file, since any change would reach that document's
 * readers without review.
 */
export const useBlockingChange = async (fileId: number | string, req: PayloadRequest): Promise<PublishedUse | undefined> => {
  const uses = await publishedUsesOf(fileId, req)
  return uses.find((use) => !mayPublishIn(req.user, use.collection, use.accessLevel))
}

/** The title of a blocking document as the writer may see it: hidden when above her level. */
export const titleFor = (use: PublishedUse, req: PayloadRequest): string =>
  canSeeLevel(req.user, use.accessLevel) ? use.title : '…'
