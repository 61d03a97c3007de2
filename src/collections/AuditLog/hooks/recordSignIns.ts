import type { GraphQLError } from 'graphql'
import type { AfterErrorHook, CollectionAfterLoginHook, CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { mustWait } from '../../Users/hooks/loginThrottle.js'
import { clientOf, emailOf } from '../../Users/hooks/throttleLogin.js'
import { recordAudit, type AuditActor } from '../record.js'

type Account = { id: number | string; name?: null | string; roles?: null | string[] }

const actorOf = (account: Account): AuditActor => ({ id: account.id, name: account.name, roles: account.roles })

const accountByEmail = (req: PayloadRequest, email: unknown): Promise<Account | null> =>
  typeof email === 'string' && email
    ? req.payload.db.findOne<Account>({ collection: 'users', req, where: { email: { equals: email.toLowerCase().trim() } } })
    : Promise.resolve(null)

const aboutAccount = (account: Account) => ({ collection: 'users', documentId: account.id, documentTitle: account.name ?? undefined })

/** The sign-ins a request tried, in the order they ran: one GraphQL request can carry several. */
type SignInAttempt = { email: string; outcome?: 'failed' | 'signed-in' }

const attemptsKey = 'audit:signInAttempts'

const attemptsOf = (req: PayloadRequest): SignInAttempt[] => (req.context[attemptsKey] ??= []) as SignInAttempt[]

/** First of the account's hooks: a sign-in refused by a later one is still known to have been tried. */
export const noteSignInAttempt: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'login') attemptsOf(req).push({ email: emailOf(args.data) })
  return args
}

export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = [...attemptsOf(req)].reverse().find((tried) => !tried.outcome)
  if (attempt) attempt.outcome = 'signed-in'
  await recordAudit(req, { action: 'login', actor: actorOf(user as Account), ...aboutAccount(user as Account) })
}

/**
 * A wrong password, and a try refused because the client must wait, are each a failed sign-in;
 * the failure that uses up the client's free tries (see loginThrottle.ts) is also recorded as the
 * lockout: accounts are never locked, the client is made to wait. Other refusals (a missing
 * address) tried no password.
 */
const recordFailure = async (req: PayloadRequest, email: string, error: unknown) => {
  const slowedDown = (error as { status?: number } | undefined)?.status === 429
  if ((error as Error | undefined)?.name !== 'AuthenticationError' && !slowedDown) return
  const account = await accountByEmail(req, email)
  if (!account) {
    await recordAudit(req, { action: 'login-failed', actor: null, nobodyIs: 'Không rõ (địa chỉ không có tài khoản)', collection: 'users' })
    return
  }
  await recordAudit(req, { action: 'login-failed', actor: actorOf(account), ...aboutAccount(account), ...(slowedDown ? { detail: { waiting: true } } : {}) })
  if (!slowedDown && mustWait(email, clientOf(req))) await recordAudit(req, { action: 'lockout', actor: actorOf(account), ...aboutAccount(account) })
}

/** A refused sign-in answers with an error, and Payload runs no hook of the operation then: REST runs the collection's `afterError`. */
export const recordFailedLogin: AfterErrorHook = async ({ collection, error, req }) => {
  if (!collection || !req.pathname?.endsWith(`/${collection.slug}/login`)) return
  await recordFailure(req, emailOf(req.data), error)
}

/**
 * GraphQL runs only the config's `afterError`, once per error, after the whole operation. Its
 * mutations run one after another, so the errors of its sign-in fields come in the order of the
 * attempts that did not sign in.
 */
export const recordFailedGraphQLLogin: AfterErrorHook = async ({ error, graphqlResult, req }) => {
  const field = (error as Partial<GraphQLError>).nodes?.[0]
  if (!graphqlResult || field?.kind !== 'Field' || !field.name.value.startsWith('login')) return
  const attempt = attemptsOf(req).find((tried) => !tried.outcome)
  if (!attempt) return
  attempt.outcome = 'failed'
  await recordFailure(req, attempt.email, (error as GraphQLError).originalError)
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
