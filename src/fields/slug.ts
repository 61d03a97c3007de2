import type { CollectionSlug, FieldHook, PayloadRequest, TextField } from 'payload'

import { slugify } from '../lib/slugify.js'

/** Whether another document of the collection, drafts and trash included, already has `candidate`. */
const takenByAnother = async (req: PayloadRequest, collection: CollectionSlug, candidate: string, ownId: unknown): Promise<boolean> => {
  const { docs } = await req.payload.find({
    collection,
    where: { slug: { equals: candidate } },
    depth: 0,
    limit: 2,
    pagination: false,
    overrideAccess: true,
    draft: true,
    trash: true,
    select: {},
    req,
  })
  return docs.some((doc) => doc.id !== ownId)
}

/**
 * The slug made from the title, numbered ("…-2", "…-3") when another document already has it:
 * two classes may well write lessons of the same title.
 */
const freeSlugFrom = async (req: PayloadRequest, collection: CollectionSlug, title: string, ownId: unknown): Promise<string> => {
  const base = slugify(title)
  let candidate = base
  for (let number = 2; await takenByAnother(req, collection, candidate, ownId); number++) candidate = `${base}-${number}`
  return candidate
}

const fillSlug =
  (from: string): FieldHook =>
  async ({ value, data, collection, originalDoc, req }) => {
    // One typed by an editor is kept as typed; the database refuses it if another document has it.
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[from]
    const text = typeof source === 'string' ? source : source?.vi
    if (typeof text !== 'string' || !collection) return value
    return freeSlugFrom(req, collection.slug as CollectionSlug, text, originalDoc?.id)
  }

/**
 * A URL slug derived from the title when left empty, numbered when the title's slug is taken;
 * unique within its collection.
 */
export const slug = (from = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: { en: 'Slug', vi: 'Đường dẫn' },
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: {
      en: 'Filled from the title when empty, numbered ("-2") when another document has the same title.',
      vi: 'Để trống sẽ tự tạo từ tiêu đề, thêm số ("-2") khi đã có bài cùng tiêu đề.',
    },
  },
  hooks: { beforeValidate: [fillSlug(from)] },
})
