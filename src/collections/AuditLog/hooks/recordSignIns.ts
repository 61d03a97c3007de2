import type { AfterErrorHook, CollectionAfterLoginHook, CollectionAfterOperationHook, PayloadRequest } from 'payload'

import { auditCollectionSlug } from '../actions.js'
import { recordAudit, type AuditActor } from '../record.js'

type Account = { id: number | string; lockUntil?: null | string; name?: null | string; roles?: null | string[] }

const actorOf = (account: Account): AuditActor => ({ id: account.id, name: account.name, roles: account.roles })

const accountByEmail = (req: PayloadRequest, email: unknown): Promise<Account | null> =>
  typeof email === 'string' && email
    ? req.payload.db.findOne<Account>({ collection: 'users', req, where: { email: { equals: email.toLowerCase().trim() } } })
    : Promise.resolve(null)

const aboutAccount = (account: Account) => ({ collection: 'users', documentId: account.id, documentTitle: account.name ?? undefined })

export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await recordAudit(req, { action: 'login', actor: actorOf(user as Account), ...aboutAccount(user as Account) })
}

/**
 * A refused sign-in answers with an error, and Payload runs no hook of the operation then; REST runs
 * `afterError`, and every sign-in of people goes through REST (the admin panel and the website's
 * form). The attempt that locks the account answers "locked" like the ones after it: the lock is
 * recorded once, when no entry names it yet.
 */
export const recordFailedLogin: AfterErrorHook = async ({ collection, error, req }) => {
  const kind = (error as Error | undefined)?.name
  if (!collection || !req.pathname?.endsWith(`/${collection.slug}/login`) || (kind !== 'AuthenticationError' && kind !== 'LockedAuth')) return
  const account = await accountByEmail(req, (req.data as { email?: unknown } | undefined)?.email)
  if (!account) {
    await recordAudit(req, { action: 'login-failed', actor: null, nobodyIs: 'Không rõ (địa chỉ không có tài khoản)', collection: 'users' })
    return
  }
  await recordAudit(req, { action: 'login-failed', actor: actorOf(account), ...aboutAccount(account), ...(kind === 'LockedAuth' ? { detail: { locked: true } } : {}) })
  if (kind !== 'LockedAuth' || !account.lockUntil) return
  const lockedAt = new Date(new Date(account.lockUntil).getTime() - (collection.auth?.lockTime ?? 0)).toISOString()
  const recorded = await req.payload.db.findOne({
    collection: auditCollectionSlug,
    req,
    where: { and: [{ action: { equals: 'lockout' } }, { userId: { equals: String(account.id) } }, { at: { greater_than_equal: lockedAt } }] },
  })
  if (!recorded) await recordAudit(req, { action: 'lockout', actor: actorOf(account), ...aboutAccount(account), detail: { until: account.lockUntil } })
}

/** Unlocking names the account by its address; the entry names it by id and name instead. */
export const recordUnlockAndReset: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation === 'unlock' && result) {
    const account = await accountByEmail(req, (args.data as { email?: unknown } | undefined)?.email)
    if (account) await recordAudit(req, { action: 'unlock', ...aboutAccount(account) })
  }
  if (operation === 'resetPassword' && result && typeof result === 'object' && 'user' in result && result.user) {
    const account = result.user as Account
    await recordAudit(req, { action: 'password-change', actor: actorOf(account), ...aboutAccount(account), detail: { through: 'reset-link' } })
  }
  return result
}
