import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Role } from '../access/accessLevels.js'

import { adminPanelRoles } from '../access/roles.js'

const tokenOf = (headers: Record<string, string | string[] | undefined>): string | undefined => {
  const authorization = headers.authorization
  const scheme = typeof authorization === 'string' ? authorization.match(/^(?:JWT|Bearer) (\S+)$/) : null
  if (scheme) return scheme[1]
  const cookie = typeof headers.cookie === 'string' ? headers.cookie.match(/(?:^|;\s*)payload-token=([^;]+)/) : null
  return cookie?.[1]
}

const decoded = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/**
 * The signed-in staff member a request's token names (`users:<id>`), when its signature (HS256
 * with Payload's derived secret) holds and it has not expired; `undefined` for anyone else.
 * Only the signature is checked, not the session: it decides a budget, not an access.
 */
export const staffIdOf = (headers: Record<string, string | string[] | undefined>, secret: string, now = Date.now()): string | undefined => {
  const token = tokenOf(headers)
  const [header, body, signature] = token?.split('.') ?? []
  if (!header || !body || !signature) return undefined
  if ((decoded(header) as { alg?: unknown } | undefined)?.alg !== 'HS256') return undefined
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const claims = decoded(body) as { collection?: unknown; exp?: unknown; id?: unknown; roles?: unknown } | undefined
  if (typeof claims?.exp !== 'number' || claims.exp * 1000 <= now) return undefined
  const roles = Array.isArray(claims.roles) ? (claims.roles as Role[]) : []
  if (!roles.some((role) => adminPanelRoles.includes(role))) return undefined
  return `${String(claims.collection)}:${String(claims.id)}`
}
