import type { AfterErrorHook, CollectionAfterLoginHook, CollectionAfterOperationHook, PayloadRequest } from 'payload'

import { mustWait } from '../../Users/hooks/loginThrottle.js'
import { clientOf } from '../../Users/hooks/throttleLogin.js'
import { recordAudit, type AuditActor } from '../record.js'

type Account = { id: number | string; name?: null | string; roles?: null | string[] }

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
 * form). A wrong password, and a try refused because the client must wait, are each a failed
 * sign-in; the failure that uses up the client's free tries (see loginThrottle.ts) is also
 * recorded as the lockout: accounts are never locked, the client is made to wait.
 */
export const recordFailedLogin: AfterErrorHook = async ({ collection, error, req }) => {
  const kind = (error as Error | undefined)?.name
  const slowedDown = (error as { status?: number } | undefined)?.status === 429
  if (!collection || !req.pathname?.endsWith(`/${collection.slug}/login`) || (kind !== 'AuthenticationError' && !slowedDown)) return
  const email = String((req.data as { email?: unknown } | undefined)?.email ?? '').toLowerCase().trim()
  const account = await accountByEmail(req, email)
  if (!account) {
    await recordAudit(req, { action: 'login-failed', actor: null, nobodyIs: 'Không rõ (địa chỉ không có tài khoản)', collection: 'users' })
    return
  }
  await recordAudit(req, { action: 'login-failed', actor: actorOf(account), ...aboutAccount(account), ...(slowedDown ? { detail: { waiting: true } } : {}) })
  if (!slowedDown && mustWait(email, clientOf(req))) await recordAudit(req, { action: 'lockout', actor: actorOf(account), ...aboutAccount(account) })
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
