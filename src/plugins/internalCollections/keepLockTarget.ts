import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Taking over a lock (the admin panel's "edit anyway") may only make it the taker's: what it
 * locks stays as it was, so a lock cannot be moved onto a document its holder could not lock.
 */
export const keepLockTarget: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  return {
    ...data,
    document: originalDoc.document,
    globalSlug: originalDoc.globalSlug,
    user: req.user ? { relationTo: req.user.collection, value: req.user.id } : originalDoc.user,
  }
}
