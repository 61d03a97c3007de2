import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import type { AuditAction } from '../actions.js'
import type { AuditEvent } from '../record.js'

import { recordAudit } from '../record.js'

type Doc = Record<string, unknown> & { id?: number | string }

/**
 * Fields that are not the document's content: kept by Payload or by the system, or covered by an
 * event of their own (publication, review, trash, roles, password).
 */
const notContent = new Set([
  'id', 'createdAt', 'updatedAt', 'deletedAt', '_status', 'collection',
  'hash', 'salt', 'password', 'loginAttempts', 'lockUntil', 'sessions', 'resetPasswordToken', 'resetPasswordExpiration', 'apiKey', 'apiKeyIndex',
  'exposedLevels', 'extractedText', 'url', 'thumbnailURL',
  'reviewStatus', 'reviewedBy', 'reviewedAt', 'submittedAt', 'reviewHistory', 'roles',
])

/** A related document counts by its id: one side of a save may hold it populated, the other not. */
const comparable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(comparable)
    : value && typeof value === 'object' && 'id' in value
      ? (value as { id: unknown }).id
      : (value ?? null)

const same = (a: unknown, b: unknown): boolean => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))

/** Names of the content fields whose values differ; the values themselves are never kept. */
export const changedFieldNames = (before: Doc | undefined, after: Doc): string[] =>
  [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])]
    .filter((name) => !notContent.has(name) && !same(before?.[name], after[name]))
    .sort()

const reviewActions: Record<string, AuditAction> = {
  submitted: 'submit-for-review',
  approved: 'approve',
  'changes-requested': 'return-for-changes',
}

const titleField = (req: PayloadRequest, collection: string): string =>
  req.payload.collections[collection as 'users']?.config.admin?.useAsTitle ?? 'id'

const titleOf = (req: PayloadRequest, collection: string, doc: Doc): string | undefined => {
  const value = doc[titleField(req, collection)] ?? doc.filename
  return typeof value === 'string' && value ? value : undefined
}

// Per request: one request may write several documents (a bulk update, a hook's own writes).
const publishedBeforeKey = (collection: string, id: unknown) => `audit:published:${collection}:${String(id)}`
const restoringVersionKey = 'audit:restoringVersion'
const passwordGivenKey = 'audit:passwordGiven'

/** Whether the live document (not its latest draft) is published: what readers see. */
const isLivePublished = async (req: PayloadRequest, collection: string, id: unknown): Promise<boolean> => {
  const row = await req.payload.db.findOne<{ _status?: string; id: number | string }>({ collection: collection as CollectionSlug, req, where: { id: { equals: id } } })
  return row?._status === 'published'
}

const hasDrafts = (req: PayloadRequest, collection: string): boolean =>
  Boolean(req.payload.collections[collection as 'users']?.config.versions?.drafts)

/**
 * Saving a draft of a published document leaves it published; unpublishing makes it a draft. Both
 * end with a draft in `doc`, so whether the live document was published is read before the change.
 */
export const notePublicationBefore: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined && hasDrafts(req, collection.slug)) {
    req.context[publishedBeforeKey(collection.slug, originalDoc.id)] = await isLivePublished(req, collection.slug, originalDoc.id)
  }
  return data
}

/** A version restore runs as an update; it is recorded as what it is. */
export const noteOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'restoreVersion') req.context[restoringVersionKey] = String(args.id)
  if (operation === 'update' && args.data && typeof args.data === 'object' && 'password' in args.data && args.data.password) req.context[passwordGivenKey] = true
  return args
}

const eventsOfUpdate = async (req: PayloadRequest, collection: string, doc: Doc, previousDoc: Doc): Promise<AuditEvent[]> => {
  const events: AuditEvent[] = []
  const add = (action: AuditAction, extra: Partial<AuditEvent> = {}) => events.push({ action, ...extra })
  const changedFields = changedFieldNames(previousDoc, doc)

  if (!previousDoc.deletedAt && doc.deletedAt) return [{ action: 'delete' }]
  if (previousDoc.deletedAt && !doc.deletedAt) return [{ action: 'restore-from-trash' }]
  const restoredVersion = req.context[restoringVersionKey]
  if (typeof restoredVersion === 'string') {
    delete req.context[restoringVersionKey]
    return [{ action: 'restore-version', changedFields, detail: { version: restoredVersion } }]
  }

  if (hasDrafts(req, collection)) {
    const wasLive = req.context[publishedBeforeKey(collection, doc.id)] === true
    if (doc._status === 'published' && (!wasLive || changedFields.length > 0)) add('publish', { changedFields })
    else if (doc._status !== 'published' && wasLive && !(await isLivePublished(req, collection, doc.id))) add('unpublish')
  }
  const review = doc.reviewStatus !== previousDoc.reviewStatus && typeof doc.reviewStatus === 'string' ? reviewActions[doc.reviewStatus] : undefined
  // A review step carries the fields saved with it (the reviewer's note), unless a publication does.
  if (review) add(review, events.length === 0 ? { changedFields } : {})
  if (collection === 'users') {
    if (!same(previousDoc.roles, doc.roles)) add('role-change', { detail: { from: previousDoc.roles ?? [], to: doc.roles ?? [] } })
    if (req.context[passwordGivenKey]) add('password-change')
  }
  const carried = events.some((event) => event.action === 'publish' || (review && event.action === review))
  if (changedFields.length > 0 && !carried) add('update', { changedFields })
  return events
}

/** Records creations and every kind of change a save can carry, each as an event of its own. */
export const recordChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  const slug = collection.slug
  const events: AuditEvent[] =
    operation === 'create'
      ? [{ action: 'create' }, ...(doc._status === 'published' ? [{ action: 'publish' as const }] : [])]
      : await eventsOfUpdate(req, slug, doc as Doc, previousDoc as Doc)
  for (const event of events) {
    await recordAudit(req, { collection: slug, documentId: doc.id, documentTitle: titleOf(req, slug, doc as Doc), ...event })
  }
  return doc
}

/** Deleting for good: the emptying job, or an administrator in the trash. */
export const recordDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  await recordAudit(req, { action: 'delete-permanently', collection: collection.slug, documentId: id, documentTitle: titleOf(req, collection.slug, doc as Doc) })
  return doc
}
