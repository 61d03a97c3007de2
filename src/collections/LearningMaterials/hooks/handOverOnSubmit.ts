import type { CollectionAfterChangeHook } from 'payload'

/**
 * "Gửi duyệt" hands the lesson over: the author's editing lock goes with it, so the reviewer who
 * opens it next is not told for five minutes that the author is still editing it. (The admin
 * keeps a lock while its edit view is open; one closed tab did not give it back.)
 */
export const handOverOnSubmit: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  if (!req.user || doc.reviewStatus !== 'submitted' || previousDoc?.reviewStatus === 'submitted') return doc
  await req.payload.db.deleteMany({
    collection: 'payload-locked-documents',
    req,
    where: {
      and: [
        { 'document.relationTo': { equals: collection.slug } },
        { 'document.value': { equals: doc.id } },
        { 'user.value': { equals: req.user.id } },
      ],
    },
  })
  return doc
}
