import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The header in which the server tells the website who the visitor is, and the website passes it
 * back on its own API calls, so their cost is the visitor's (see `costBudget.ts`). Its value is
 * opaque to the website: the address the server resolved, signed by the server.
 */
export const visitorHeader = 'x-truongso-visitor'

// The website's server and this server are one process: a key of its own signs what it tells the
// website, and only this process can check it. The key lives on the process, not the module: Next
// bundles its own copy of the modules Payload's hooks use, and those check what express signed.
const keySlot = Symbol.for('truongso.visitorKey')
const vouchKey = ((globalThis as Record<symbol, Buffer | undefined>)[keySlot] ??= randomBytes(32))
const vouchLifetimeMs = 5 * 60_000
const signatureOf = (address: string, issued: number) => createHmac('sha256', vouchKey).update(`${address} ${issued}`).digest('base64url')

/** The value of `visitorHeader` the website passes back: the visitor's address, signed now. */
export const vouchFor = (address: string, now = Date.now()): string => `${address} ${now} ${signatureOf(address, now)}`

/**
 * The address a `visitorHeader` value vouches for, if this process signed it within `lifetimeMs`
 * (default five minutes: what the website may pass back).
 */
export const vouchedAddress = (value: unknown, now = Date.now(), lifetimeMs = vouchLifetimeMs): string | undefined => {
  if (typeof value !== 'string') return undefined
  const [address, issuedText, given] = value.split(' ')
  const issued = Number(issuedText)
  if (!address || !given || !(issued <= now && now - issued < lifetimeMs)) return undefined
  const expected = Buffer.from(signatureOf(address, issued))
  const received = Buffer.from(given)
  return expected.length === received.length && timingSafeEqual(expected, received) ? address : undefined
}
