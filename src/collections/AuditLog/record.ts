import type { Payload, PayloadRequest } from 'payload'

import type { AuditAction } from './actions.js'

import { afterCommit } from '../../lib/afterCommit.js'
import { visitorHeader, vouchedAddress } from '../../lib/visitorHeader.js'
import { auditCollectionSlug } from './actions.js'

/** Who did it, as they were at the time. `null`: the system itself (a job, a command). */
export type AuditActor = { id: number | string; name?: null | string; roles?: null | readonly string[] } | null

export type AuditEvent = {
  action: AuditAction
  /** The collection of the document acted on. */
  collection?: string
  documentId?: number | string
  /** The document's title as it was then: the log still says what was meant once it is renamed or gone. */
  documentTitle?: null | string
  /** Names of the fields an update changed, never their values. */
  changedFields?: string[]
  /** Facts about the event that are not anybody's personal data (roles granted, version id, archive name). */
  detail?: Record<string, unknown>
  /** Acting user when it is not the request's (a login: the account signing in). */
  actor?: AuditActor
  /** Who acted, when nobody known did: a sign-in with an address no account has. @default 'Hệ thống' */
  nobodyIs?: string
}

type AuditEntry = {
  action: AuditAction
  at: string
  changedFields?: string[]
  detail?: Record<string, unknown>
  documentId?: string
  documentTitle?: string
  ip?: string
  targetCollection?: string
  userId?: string
  userName: string
  userRoles: string[]
}

/**
 * The client's address as express resolved it through `TRUST_PROXY`: the server writes it, signed,
 * into `visitorHeader` of every request it hands on (REST, GraphQL, admin), replacing whatever the
 * client sent, so the signature of any age is this request's (a long upload outlives the five
 * minutes the website gets). Requests that did not come through the server (scripts, the Local
 * API) have none.
 */
export const clientAddressOf = (req: PayloadRequest): string | undefined =>
  vouchedAddress(req.headers?.get(visitorHeader) ?? undefined, Date.now(), Number.POSITIVE_INFINITY)

const systemName = 'Hệ thống'

const entryOf = (event: AuditEvent, actor: AuditActor, ip: string | undefined, now: Date): AuditEntry => ({
  action: event.action,
  at: now.toISOString(),
  ...(event.changedFields?.length ? { changedFields: event.changedFields } : {}),
  ...(event.detail ? { detail: event.detail } : {}),
  ...(event.documentId !== undefined ? { documentId: String(event.documentId) } : {}),
  ...(event.documentTitle ? { documentTitle: event.documentTitle } : {}),
  ...(ip ? { ip } : {}),
  ...(event.collection ? { targetCollection: event.collection } : {}),
  ...(actor ? { userId: String(actor.id) } : {}),
  userName: actor ? (actor.name ?? String(actor.id)) : (event.nobodyIs ?? systemName),
  userRoles: [...(actor?.roles ?? [])],
})

const write = (payload: Payload, entry: AuditEntry, req?: PayloadRequest) =>
  // Below the operation layer: the collection refuses every create through Payload's operations,
  // so that no API can write an entry; only this module does.
  // Nothing reads the stored entry back: with `returning: false` the SQL adapter skips reading the row
  // it has just written (a query joining its roles and texts).
  payload.db.create({ collection: auditCollectionSlug, data: entry, req, returning: false })

/**
 * Records an event of the request, in the request's own transaction where the database has one
 * (MongoDB on a replica set): a change that rolls back takes its entry with it, and one that commits
 * commits its entry. Embedded SQLite runs without transactions, so the entry is written right after
 * the change, on the same connection, before the request answers.
 *
 * Recording never fails the request: an entry that cannot be written is tried once more after the
 * request's transaction ends, and if that fails too, the whole entry goes to the error log (it
 * holds no personal data), from which it can be put back.
 */
export const recordAudit = async (req: PayloadRequest, event: AuditEvent, now = new Date()): Promise<void> => {
  const actor = event.actor !== undefined ? event.actor : req.user ? { id: req.user.id, name: req.user.name as string | undefined, roles: req.user.roles as string[] | undefined } : null
  const entry = entryOf(event, actor, clientAddressOf(req), now)
  try {
    await write(req.payload, entry, req)
  } catch (error) {
    req.payload.logger.warn({ err: error, msg: `audit: entry not written with the request, trying again after it (${entry.action})` })
    await afterCommit(req, async () => {
      try {
        await write(req.payload, entry)
      } catch (retryError) {
        req.payload.logger.error({ entry, err: retryError, msg: 'audit: entry could not be written; it is kept here' })
      }
    }).catch(() => undefined)
  }
}

/**
 * Records what the system did outside any request: a backup, a restore, the trash emptied. Throws
 * when the entry cannot be written, so a command can say so.
 */
export const recordSystemAudit = async (payload: Payload, event: Omit<AuditEvent, 'actor'>, now = new Date()): Promise<void> => {
  await write(payload, entryOf(event, null, undefined, now))
}
