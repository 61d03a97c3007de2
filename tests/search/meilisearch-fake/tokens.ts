/**
 * Tenant tokens as Meilisearch checks them ("Tenant token payload reference",
 * https://www.meilisearch.com/docs/learn/security/tenant_token_reference;
 * `meilisearch/src/extractors/authentication/mod.rs`): a JWT signed with HS256, HS384 or HS512
 * by the `key` of the API key named in `apiKeyUid`, which must exist, be unexpired and allow
 * `search` on the index; `exp`, when present, must not have passed; only the search routes accept
 * one; the index must be named (or matched by a `prefix*` pattern) in `searchRules`, whose
 * `filter` for that index is added to every search ("Search rules object"; a specific rule wins
 * over a pattern).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { refuse } from './errors.js'

export type SearchRules = Record<string, { filter?: unknown } | null> | string[]

export type TokenClaims = { apiKeyUid: string; exp?: number | null; searchRules: SearchRules }

const algorithms: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }

const decode = (part: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** True when the bearer is shaped like a JWT; anything else is taken for an API key. */
export const looksLikeToken = (bearer: string): boolean => bearer.split('.').length === 3

/** The claims, unverified, to find the parent key. */
export const claimsOf = (token: string): TokenClaims | undefined => {
  const payload = decode(token.split('.')[1] ?? '')
  return payload && typeof payload.apiKeyUid === 'string' ? (payload as unknown as TokenClaims) : undefined
}

/**
 * Verifies a token signed by `secret`.
 * @throws Refusal 403 `invalid_api_key` for a bad signature, algorithm or an expired token
 */
export const verifyToken = (token: string, secret: string, now = Date.now()): TokenClaims => {
  const [header, payload, signature] = token.split('.')
  const algorithm = algorithms[String(decode(header)?.alg)]
  if (!algorithm) return refuse('invalid_api_key', 'The provided tenant token is invalid.')
  const expected = createHmac(algorithm, secret).update(`${header}.${payload}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse('invalid_api_key', 'The provided tenant token is invalid.')
  const claims = claimsOf(token)
  if (!claims || claims.searchRules === undefined) return refuse('invalid_api_key', 'The provided tenant token is invalid.')
  if (typeof claims.exp === 'number' && Math.floor(now / 1000) > claims.exp) {
    return refuse('invalid_api_key', `Tenant token expired. Was valid up to \`${claims.exp}\` and we're now \`${Math.floor(now / 1000)}\`.`)
  }
  return claims
}

const patternMatches = (pattern: string, index: string): boolean =>
  pattern.endsWith('*') ? index.startsWith(pattern.slice(0, -1)) : pattern === index

/**
 * The rule of `searchRules` for an index: `undefined` when the token may not search it, `null`
 * when it may search everything in it. The most specific pattern wins (exact, then longest).
 */
export const ruleFor = (rules: SearchRules, index: string): { filter?: unknown } | null | undefined => {
  if (Array.isArray(rules)) return rules.some((pattern) => patternMatches(pattern, index)) ? null : undefined
  const matching = Object.keys(rules)
    .filter((pattern) => patternMatches(pattern, index))
    .sort((a, b) => Number(!b.endsWith('*')) - Number(!a.endsWith('*')) || b.length - a.length)
  return matching.length ? (rules[matching[0]] ?? null) : undefined
}
