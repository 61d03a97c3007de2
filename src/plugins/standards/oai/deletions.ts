import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, PayloadRequest, Where } from 'payload'

import { isAdmin } from '../../../access/hasAnyRole.js'
import { nobody } from '../../../access/nobody.js'
import { type HarvestedSlug, type OaiSource, setSpecsOf } from './sources.js'

export const deletionsSlug = 'oai-deletions'

/**
 * What harvesters were once given and may no longer see: a document unpublished, raised above
 * public, trashed or deleted. OAI-PMH's `persistent` deleted records promise that a harvester
 * learns of each withdrawal, however long after; the document itself may be gone, so the record
 * is kept here, with the sets it was harvested in.
 */
export const OaiDeletions: CollectionConfig = {
  slug: deletionsSlug,
  labels: {
    singular: { en: 'Withdrawn record (OAI-PMH)', vi: 'Bản ghi đã rút (OAI-PMH)' },
    plural: { en: 'Withdrawn records (OAI-PMH)', vi: 'Bản ghi đã rút (OAI-PMH)' },
  },
  admin: { hidden: true, useAsTitle: 'key' },
  // Written only by the hooks below, with overrideAccess; administrators may look.
  access: { create: nobody, read: isAdmin, update: nobody, delete: nobody, readVersions: nobody, unlock: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: { en: 'Collection/id', vi: 'Bộ sưu tập/id' } },
    { name: 'source', type: 'text', required: true, label: { en: 'Collection', vi: 'Bộ sưu tập' } },
    { name: 'docId', type: 'text', required: true, label: { en: 'Document id', vi: 'Mã tài liệu' } },
    { name: 'sets', type: 'text', hasMany: true, label: { en: 'Sets', vi: 'Tập hợp' } },
    { name: 'withdrawnAt', type: 'date', required: true, index: true, label: { en: 'Withdrawn at', vi: 'Thời điểm rút' } },
  ],
}

export const deletionKey = (slug: HarvestedSlug, id: number | string): string => `${slug}/${id}`

/** What an anonymous reader's request adds to a query on a harvested collection. */
export const anonymousWhere = async (req: PayloadRequest, slug: HarvestedSlug): Promise<Where | false> => {
  const read = req.payload.collections[slug].config.access.read
  const answer = await read({ req: { ...req, user: null } as PayloadRequest })
  return answer === true ? {} : answer === false ? false : (answer as Where)
}

/** Looks like what an anonymous reader got before this change: published, public, not in the trash. */
const wasPublic = (doc: Record<string, unknown> | undefined): boolean =>
  Boolean(doc && doc._status === 'published' && doc.accessLevel === 'public' && !doc.deletedAt)

const visibleToAnonymous = async (req: PayloadRequest, slug: HarvestedSlug, id: number | string): Promise<boolean> => {
  const rule = await anonymousWhere(req, slug)
  if (rule === false) return false
  // The anonymous rule is applied here by hand, in this write's transaction: overrideAccess only
  // stops Payload from applying the editor's own (wider) rule instead.
  const { totalDocs } = await req.payload.count({ collection: slug, where: { and: [{ id: { equals: id } }, rule] }, overrideAccess: true, req })
  return totalDocs > 0
}

const existingDeletion = async (req: PayloadRequest, key: string) =>
  (await req.payload.find({ collection: deletionsSlug, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0]

const recordWithdrawal = async (req: PayloadRequest, source: OaiSource, doc: Record<string, unknown>): Promise<void> => {
  const key = deletionKey(source.slug, doc.id as number | string)
  if (await existingDeletion(req, key)) return
  // Bookkeeping of the system, not an act of the editor: nobody may write these records directly.
  await req.payload.create({
    collection: deletionsSlug,
    data: { key, source: source.slug, docId: String(doc.id), sets: setSpecsOf(source, doc), withdrawnAt: new Date().toISOString() },
    overrideAccess: true,
    req,
  })
}

/**
 * After every write: a document anonymous readers can see has no deletion record (it was
 * published again); one they saw before this write and no longer see gets one.
 */
export const trackWithdrawal =
  (source: OaiSource): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const key = deletionKey(source.slug, doc.id)
    if (await visibleToAnonymous(req, source.slug, doc.id)) {
      const stale = await existingDeletion(req, key)
      if (stale) await req.payload.delete({ collection: deletionsSlug, id: stale.id, overrideAccess: true, req })
    } else if (wasPublic(previousDoc)) {
      await recordWithdrawal(req, source, previousDoc)
    }
    return doc
  }

/** A deleted document that anonymous readers could see is remembered as withdrawn. */
export const trackDeletion =
  (source: OaiSource): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    if (wasPublic(doc)) await recordWithdrawal(req, source, doc)
    return doc
  }
