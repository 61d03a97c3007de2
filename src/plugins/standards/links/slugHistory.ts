import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { isAdmin } from '../../../access/hasAnyRole.js'
import { nobody } from '../../../access/nobody.js'

export const slugHistorySlug = 'slug-history'

/** The collections whose pages are addressed by slug, and where those pages live. */
export const sluggedPages = { announcements: '/tin-tuc', 'learning-materials': '/hoc-lieu' } as const
export type SluggedCollection = keyof typeof sluggedPages

/**
 * Every slug a document was published under, so that an address printed, shared or bookmarked
 * before a title changed still leads to the document (`routes.ts` answers it with 301).
 */
export const SlugHistory: CollectionConfig = {
  slug: slugHistorySlug,
  labels: {
    singular: { en: 'Former address', vi: 'Đường dẫn cũ' },
    plural: { en: 'Former addresses', vi: 'Đường dẫn cũ' },
  },
  admin: { hidden: true, useAsTitle: 'key' },
  // Written only by the hook below, with overrideAccess; administrators may look.
  access: { create: nobody, read: isAdmin, update: nobody, delete: nobody, readVersions: nobody, unlock: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: { en: 'Collection:slug', vi: 'Bộ sưu tập:đường dẫn' } },
    { name: 'docId', type: 'text', required: true, label: { en: 'Document id', vi: 'Mã tài liệu' } },
  ],
}

export const slugKey = (collection: SluggedCollection, slug: string): string => `${collection}:${slug}`

/** When a document's slug changes, its former slug is kept, pointing at it (the latest owner wins). */
export const rememberFormerSlug =
  (collection: SluggedCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const former = previousDoc?.slug
    if (typeof former !== 'string' || !former || former === doc.slug) return doc
    const key = slugKey(collection, former)
    // The system's own bookkeeping in this write's transaction: nobody may write it directly.
    const { docs } = await req.payload.find({ collection: slugHistorySlug, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, req })
    if (docs[0]) await req.payload.update({ collection: slugHistorySlug, id: docs[0].id, data: { docId: String(doc.id) }, overrideAccess: true, req })
    else await req.payload.create({ collection: slugHistorySlug, data: { key, docId: String(doc.id) }, overrideAccess: true, req })
    return doc
  }
