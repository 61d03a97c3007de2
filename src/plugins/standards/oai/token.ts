import { createHmac, timingSafeEqual } from 'node:crypto'

/** Where a list stopped: the last record's datestamp (to the millisecond), source and id. */
export type ListPosition = { at: string; id: number | string; source: number }

/**
 * Everything needed to continue a list, carried by the harvester instead of kept by the server:
 * a restarted server or a second process continues it as well. The window's upper end is fixed at
 * the first request, so records changed meanwhile move past it and the next incremental harvest
 * (from that first response's date) picks them up instead of shifting pages under the harvester.
 */
export type ListState = {
  verb: 'ListIdentifiers' | 'ListRecords'
  metadataPrefix: string
  set?: string
  /** Inclusive lower bound, ISO. */
  from?: string
  /** Exclusive upper bound, ISO. */
  before: string
  /** Records delivered before the next page. */
  cursor: number
  completeListSize: number
  after: ListPosition
  /** Milliseconds since the epoch after which the token is refused. */
  expires: number
}

const signature = (secret: string, body: string): Buffer =>
  createHmac('sha256', `oai-pmh:${secret}`).update(body).digest().subarray(0, 16)

/** A signed, URL-safe token: the state in base64url, a dot, then its signature. */
export const encodeToken = (state: ListState, secret: string): string => {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url')
  return `${body}.${signature(secret, body).toString('base64url')}`
}

/** The state a token carries, or why it cannot be continued. */
export const decodeToken = (
  token: string,
  secret: string,
  now: number,
): { state: ListState } | { problem: 'expired' | 'invalid' } => {
  const [body, signed, extra] = token.split('.')
  if (!body || !signed || extra !== undefined) return { problem: 'invalid' }
  const expected = signature(secret, body)
  const given = Buffer.from(signed, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'invalid' }
  try {
    const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ListState
    return state.expires < now ? { problem: 'expired' } : { state }
  } catch {
    return { problem: 'invalid' }
  }
}
