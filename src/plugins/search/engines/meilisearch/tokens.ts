import { ErrorStatusCode, type Key, MeilisearchApiError } from 'meilisearch'
import { generateTenantToken } from 'meilisearch/token'

import type { AccessLevel } from '../../../../access/accessLevels.js'
import type { TenantToken } from '../types.js'
import type { MeilisearchConnection } from './client.js'
import type { ResolvedMeilisearchOptions } from './types.js'

import { maxTokenLifetimeMs } from './defaults.js'
import { MeilisearchConfigError, MeilisearchRefusedError } from './errors.js'
import { accessFilter } from './filters.js'

/**
 * The key tenant tokens are signed with: its secret, the uid Meilisearch checks them against, and
 * when the key itself expires (null: never).
 */
export type SigningKey = { expiresAt: number | null; key: string; uid: string }

/** Name of the search-only key the engine creates when none is configured or found. */
const managedKeyName = 'truongso-tenant-tokens'

const searchOnly = (key: Key): boolean => key.actions.length === 1 && key.actions[0] === 'search'

const coversIndex = (key: Key, indexUid: string): boolean =>
  key.indexes.includes('*') || key.indexes.includes(indexUid)

/** Expiry as sent by the server: an ISO string or null, whatever the client's type says. */
const expiryOf = (key: Key): number | null =>
  (key.expiresAt as Date | string | null) === null ? null : new Date(key.expiresAt).getTime()

const usable = (key: Key, indexUid: string, until: number): boolean => {
  const expiry = expiryOf(key)
  return searchOnly(key) && coversIndex(key, indexUid) && (expiry === null || expiry > until)
}

const signingKeyOf = (key: Key): SigningKey => ({ expiresAt: expiryOf(key), key: key.key, uid: key.uid })

const isKeyNotFound = (error: unknown): boolean =>
  error instanceof MeilisearchApiError && error.cause?.code === ErrorStatusCode.API_KEY_NOT_FOUND

/**
 * Finds the key to sign tenant tokens with. A configured `searchKey` is checked to allow nothing but
 * `search`; otherwise an existing search-only key for the index is used (the one this engine
 * created first), or a new one is created. The admin key is never a candidate.
 * @throws MeilisearchConfigError when the configured search key can do more than search
 */
export const resolveSigningKey = async (
  connection: MeilisearchConnection,
  options: ResolvedMeilisearchOptions,
): Promise<SigningKey> => {
  const until = Date.now() + maxTokenLifetimeMs
  if (options.searchKey) {
    const key = await connection.client.getKey(options.searchKey).catch((error: unknown) => {
      if (isKeyNotFound(error)) throw new MeilisearchConfigError('searchKey is not a key of this Meilisearch server (deleted?)')
      throw error
    })
    if (!usable(key, options.indexUid, until)) {
      throw new MeilisearchConfigError(
        `searchKey must allow only the search action on index ${options.indexUid} and not expire within the hour`,
      )
    }
    return signingKeyOf(key)
  }

  const candidates: Key[] = []
  for (let offset = 0; ; ) {
    const page = await connection.client.getKeys({ limit: 100, offset })
    candidates.push(...page.results.filter((key) => usable(key, options.indexUid, until) && key.key !== options.apiKey))
    offset += page.results.length
    if (page.results.length === 0 || offset >= page.total) break
  }
  const preferred =
    candidates.find((key) => key.name === managedKeyName) ??
    candidates.find((key) => key.indexes.length === 1 && key.indexes[0] === options.indexUid) ??
    candidates[0]
  if (preferred) return signingKeyOf(preferred)

  const created = await connection.client.createKey({
    actions: ['search'],
    description: 'Signs Trường Số tenant tokens; can only search.',
    expiresAt: null,
    indexes: [options.indexUid],
    name: managedKeyName,
  })
  return signingKeyOf(created)
}

/**
 * The signing key, looked up again once `signingKeyCheckMs` have passed or when it would expire
 * before a token it signs: a deleted or expired key makes Meilisearch refuse every token it
 * signed, so it must not be held for the life of the process. One lookup at a time; a failed one
 * is retried at the next token.
 */
export const signingKeyCache = (
  connection: MeilisearchConnection,
  options: ResolvedMeilisearchOptions,
): ((until: number) => Promise<SigningKey>) => {
  let cached: { checkedAt: number; key: SigningKey } | undefined
  let lookup: Promise<SigningKey> | undefined
  return async (until) => {
    const fresh = cached && Date.now() - cached.checkedAt < options.signingKeyCheckMs
    if (fresh && cached && (cached.key.expiresAt === null || cached.key.expiresAt > until)) return cached.key
    lookup ??= resolveSigningKey(connection, options)
      .then((key) => {
        cached = { checkedAt: Date.now(), key }
        return key
      })
      .finally(() => {
        lookup = undefined
      })
    return lookup
  }
}

/**
 * A tenant token that can only search the live index, always filtered to `levels`, signed with the
 * search-only key and valid until `expiresAt` (at most an hour from now).
 * @throws MeilisearchRefusedError for empty or unknown levels, or an expiry in the past or beyond an hour
 */
export const createTenantToken = async (
  signingKey: (until: number) => Promise<SigningKey>,
  options: ResolvedMeilisearchOptions,
  levels: AccessLevel[],
  expiresAt: Date,
): Promise<TenantToken> => {
  const filter = accessFilter(levels)
  const expiry = expiresAt instanceof Date ? expiresAt.getTime() : Number.NaN
  const now = Date.now()
  if (!Number.isFinite(expiry) || expiry <= now) throw new MeilisearchRefusedError('token expiry must be in the future')
  if (expiry - now > maxTokenLifetimeMs) throw new MeilisearchRefusedError('tenant tokens may live at most one hour')

  const key = await signingKey(expiry)
  if (key.key === options.apiKey) throw new MeilisearchConfigError('refusing to sign a tenant token with the admin key')
  const token = await generateTenantToken({
    apiKey: key.key,
    apiKeyUid: key.uid,
    expiresAt: new Date(expiry),
    searchRules: { [options.indexUid]: { filter } },
  })
  return { expiresAt: new Date(expiry).toISOString(), host: options.publicHost, indexUid: options.indexUid, token }
}
