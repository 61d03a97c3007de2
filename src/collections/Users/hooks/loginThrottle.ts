/**
 * Failed sign-ins per account and client, kept in this process. A client that keeps failing at one
 * account waits longer and longer before its next try; the account itself is never locked, so a
 * stranger guessing at the admin's password slows only himself, and the admin, from her own
 * device, signs in as usual.
 */

/** Tries a client gets at one account before it has to wait. */
export const freeAttempts = 5

/** The longest wait between two tries, however many failed. */
export const longestWaitMs = 15 * 60_000

/** A client that has not tried for this long starts again from nothing. */
const forgetAfterMs = 60 * 60_000

type Attempts = { failures: number; lastTry: number; waitUntil: number }

/**
 * Kept on the process, not the module: Next bundles its own copy of the modules Payload's hooks
 * use, and a sign-in through GraphQL (served by Next) must meet the tries made through REST.
 */
const processWide = <T>(name: string, create: () => T): T =>
  ((globalThis as Record<symbol, T | undefined>)[Symbol.for(`truongso.${name}`)] ??= create())

const attempts = processWide('signInAttempts', () => new Map<string, Attempts>())

/**
 * Sign-ins one client may try, at any accounts, through any door (REST, GraphQL — where one
 * request can carry many aliased `loginUser` fields — and the website's form), in one window.
 */
export const signInsPerClient = { limit: 20, windowMs: 10 * 60_000 }

const clientWindows = processWide('signInWindows', () => new Map<string, { tries: number; resetAt: number }>())

const keyOf = (email: string, client: string) => `${email}\n${client}`

/** Half a minute after the free tries, doubling with each further failure, up to {@link longestWaitMs}. */
export const waitAfter = (failures: number): number =>
  failures < freeAttempts ? 0 : Math.min(longestWaitMs, 30_000 * 2 ** (failures - freeAttempts))

const forgetStale = (now: number) => {
  for (const [key, entry] of attempts) if (now - entry.lastTry > forgetAfterMs && entry.waitUntil < now) attempts.delete(key)
}

/**
 * Counts a try before its outcome is known (a correct password then forgets it), so tries sent
 * at once are all counted. Answers how many milliseconds the client must still wait, or 0.
 */
export const tryToSignIn = (email: string, client: string, now = Date.now()): number => {
  forgetStale(now)
  const entry = attempts.get(keyOf(email, client)) ?? { failures: 0, lastTry: now, waitUntil: 0 }
  if (entry.waitUntil > now) return entry.waitUntil - now
  entry.failures++
  entry.lastTry = now
  entry.waitUntil = now + waitAfter(entry.failures)
  attempts.set(keyOf(email, client), entry)
  return 0
}

/**
 * Counts a sign-in of the client against {@link signInsPerClient}: answers how many milliseconds
 * it must wait before its window ends, or 0 when this try is within its budget.
 */
export const spendClientSignIn = (client: string, now = Date.now()): number => {
  for (const [key, window] of clientWindows) if (window.resetAt <= now) clientWindows.delete(key)
  const window = clientWindows.get(client) ?? { tries: 0, resetAt: now + signInsPerClient.windowMs }
  if (window.tries >= signInsPerClient.limit) return window.resetAt - now
  window.tries++
  clientWindows.set(client, window)
  return 0
}

/** A correct password: this client starts again from nothing at this account. */
export const signedIn = (email: string, client: string): void => {
  attempts.delete(keyOf(email, client))
}

/** An administrator unlocked the account: every client starts again from nothing. */
export const forgetAccount = (email: string): void => {
  for (const key of attempts.keys()) if (key.startsWith(`${email}\n`)) attempts.delete(key)
}

/** Whether any client must wait before its next try at the account. */
export const isSlowed = (email: string, now = Date.now()): boolean =>
  [...attempts].some(([key, entry]) => key.startsWith(`${email}\n`) && entry.waitUntil > now)

/** Whether this client must wait before its next try at the account: its free tries are used up. */
export const mustWait = (email: string, client: string, now = Date.now()): boolean =>
  (attempts.get(keyOf(email, client))?.waitUntil ?? 0) > now
