import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole } from './accessLevels.js'
import { adminPanelRoles } from './roles.js'

export type Lock = { id: number | string; document?: { relationTo: string; value: unknown } | null; globalSlug?: null | string }

/** Whether the user may save the document or global a lock holds, by that document's own `update` rule. */
export const mayEditLocked = async (req: PayloadRequest, lock: Lock): Promise<boolean> => {
  const { payload } = req
  if (lock.globalSlug) {
    const global = payload.config.globals.find(({ slug }) => slug === lock.globalSlug)
    return Boolean(global && (await global.access.update?.({ req })))
  }
  const target = lock.document
  const collection = target && payload.collections[target.relationTo as keyof typeof payload.collections]
  if (!target || !collection) return false
  const id = typeof target.value === 'object' && target.value ? (target.value as { id: number | string }).id : (target.value as number | string)
  const rule = await collection.config.access.update({ req, id: id as never })
  if (!rule) return false
  if (rule === true) return true
  // Checking the rule is system work: the user's rule is the condition, the lookup only evaluates it.
  const { totalDocs } = await payload.count({
    collection: collection.config.slug,
    where: { and: [{ id: { equals: id } }, rule] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * A lock says who is editing what. It is seen, taken over and released only by someone who may
 * edit what it locks: school staff see each other at work on the documents they share, and nobody
 * learns from a lock that a document they cannot open exists. Locks are few (one per open editor,
 * gone after five minutes), so each is checked against its document's own `update` rule.
 */
export const locksOnEditableDocuments: Access = async ({ req }) => {
  if (!hasRole(req.user, ...adminPanelRoles)) return false
  if (hasRole(req.user, 'admin')) return true
  // Reading every lock is system work: the answer is filtered by the user's rights just below.
  const { docs } = await req.payload.db.find<Lock>({ collection: 'payload-locked-documents', limit: 0, pagination: false, req })
  const editable: Array<number | string> = []
  for (const lock of docs) if (await mayEditLocked(req, lock)) editable.push(lock.id)
  const where: Where = editable.length > 0 ? { id: { in: editable } } : { id: { exists: false } }
  return where
}
