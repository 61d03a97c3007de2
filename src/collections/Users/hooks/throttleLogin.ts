import type { CollectionAfterLoginHook, CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'

import { UserFacingError } from '../../../lib/errors.js'
import { translate } from '../../../lib/translate.js'
import { visitorHeader, vouchedAddress } from '../../../lib/visitorHeader.js'
import { forgetAccount, signedIn, spendClientSignIn, tryToSignIn } from './loginThrottle.js'

const derive = promisify(pbkdf2)

/**
 * The client a sign-in comes from: the address the server vouched for (the visitor's, when the
 * website signs in for them), or `local` for the server's own Local API calls.
 */
export const clientOf = (req: PayloadRequest): string => vouchedAddress(req.headers?.get(visitorHeader)) ?? 'local'

export const emailOf = (data: unknown): string =>
  String((data as { email?: unknown } | undefined)?.email ?? '').toLowerCase().trim()

/**
 * The hashing Payload does to check a password (its `pbkdf2-sha256-v1` scheme: 600,000 rounds of
 * SHA-256), done for an e-mail with no account, so a wrong password takes as long whether or not
 * the account exists and the answer cannot be used to list the school's accounts.
 */
const hashAsForAnAccount = (password: string) => derive(password, 'no-such-account', 600_000, 32, 'sha256')

/** Before Payload checks a password: slows a client that keeps failing, and evens out the work. */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = emailOf(args.data)
  const client = clientOf(req)
  // The server's own sign-ins (seeding, scripts) are not a visitor's guesses.
  const windowMs = client === 'local' ? 0 : spendClientSignIn(client)
  if (windowMs > 0) throw new UserFacingError(translate(req, 'tooManySignIns', { minutes: Math.ceil(windowMs / 60_000) }), 429)
  const waitMs = tryToSignIn(email, client)
  if (waitMs > 0) {
    throw new UserFacingError(translate(req, 'loginSlowedDown', { seconds: Math.ceil(waitMs / 1000) }), 429)
  }
  const account = email && (await req.payload.db.findOne({ collection: 'users', req, where: { email: { equals: email } } }))
  if (!account) await hashAsForAnAccount(String((args.data as { password?: unknown }).password ?? ''))
  return args
}

export const forgetFailedLogins: CollectionAfterLoginHook = ({ req, user }) => {
  signedIn(String(user.email).toLowerCase(), clientOf(req))
  return user
}

/** An administrator's unlock lets every client try the account again at once. */
export const unlockClearsWaits: CollectionAfterOperationHook = ({ args, operation, result }) => {
  if (operation === 'unlock' && result) forgetAccount(emailOf((args as { data?: unknown }).data))
  return result
}
