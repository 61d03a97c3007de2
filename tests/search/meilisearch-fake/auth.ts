/**
 * API keys and who may do what ("Keys", https://www.meilisearch.com/docs/reference/api/keys;
 * "Authorization", https://www.meilisearch.com/docs/reference/api/authorization;
 * `meilisearch/src/extractors/authentication/mod.rs`, `meilisearch-auth/src/store.rs`, v1.19):
 *
 * - no `Authorization` header: 401 `missing_authorization_header`; any key that is not the master
 *   key, an unexpired API key or a valid tenant token: 403 `invalid_api_key`;
 * - an API key may use an action it lists (`*` for all; `documents.*`, `indexes.*`, `settings.*`,
 *   `tasks.*` for their group; `*.get` for every read) on the indexes it lists (`*`, a uid, or a
 *   `prefix*` pattern) ("`actions`", "`indexes`");
 * - the master key may do everything; the `/keys` routes need the master key or a key with the
 *   `keys.*` actions (the keys reference says so; the API overview's "only the master key" is
 *   not what the server does);
 * - the key is checked before the request body is read: a refused action answers 403 whatever
 *   the body (handlers run their extractors in sequence, the key's first);
 * - a new key's secret is derived from its uid and the master key, so a key recreated with the
 *   same uid has the same secret.
 */
import { createHmac, randomUUID } from 'node:crypto'

import { isAtLeast, refuse } from './errors.js'
import { claimsOf, looksLikeToken, ruleFor, type SearchRules, verifyToken } from './tokens.js'

export type FakeKey = {
  uid: string
  key: string
  name: string | null
  description: string | null
  actions: string[]
  indexes: string[]
  expiresAt: string | null
  createdAt: string
  updatedAt: string
}

/** Every action a key may list ("`actions`"). */
export const knownActions = [
  '*', 'search', 'documents.*', 'documents.add', 'documents.get', 'documents.delete', 'indexes.*', 'indexes.create',
  'indexes.get', 'indexes.update', 'indexes.delete', 'indexes.swap', 'tasks.*', 'tasks.cancel', 'tasks.delete',
  'tasks.get', 'settings.*', 'settings.get', 'settings.update', 'stats.*', 'stats.get', 'metrics.*', 'metrics.get',
  'dumps.*', 'dumps.create', 'snapshots.*', 'snapshots.create', 'version', 'keys.create', 'keys.get', 'keys.update',
  'keys.delete', 'experimental.get', 'experimental.update', 'export', 'network.get', 'network.update',
  'chatCompletions', 'chats.*', 'chats.get', 'chats.delete', 'chatsSettings.*', 'chatsSettings.get',
  'chatsSettings.update', '*.get', 'webhooks.get', 'webhooks.update', 'webhooks.delete', 'webhooks.create', 'webhooks.*',
]

const groups: Record<string, string[]> = {
  '*.get': ['search', 'documents.get', 'indexes.get', 'tasks.get', 'settings.get', 'stats.get', 'metrics.get', 'version', 'export', 'experimental.get', 'network.get', 'chats.get', 'chatsSettings.get', 'webhooks.get'],
  'documents.*': ['documents.add', 'documents.get', 'documents.delete'],
  'indexes.*': ['indexes.create', 'indexes.get', 'indexes.update', 'indexes.delete', 'indexes.swap'],
  'settings.*': ['settings.get', 'settings.update'],
  'tasks.*': ['tasks.get', 'tasks.cancel', 'tasks.delete'],
}

const allows = (key: FakeKey, action: string): boolean =>
  key.actions.some((granted) => granted === '*' || granted === action || groups[granted]?.includes(action))

/** Whether a key's `indexes` reach an index. */
export const reaches = (patterns: string[], index: string): boolean =>
  patterns.some((pattern) => pattern === '*' || pattern === index || (pattern.endsWith('*') && index.startsWith(pattern.slice(0, -1))))

const expired = (key: FakeKey, now = Date.now()): boolean => key.expiresAt !== null && new Date(key.expiresAt).getTime() <= now

/** The secret of the key with this uid under this master key. */
export const secretOf = (masterKey: string, uid: string): string => createHmac('sha256', masterKey).update(uid).digest('hex')

export const newKey = (masterKey: string, fields: Partial<FakeKey> & Pick<FakeKey, 'actions' | 'indexes'>): FakeKey => {
  const uid = fields.uid ?? randomUUID()
  const now = new Date().toISOString()
  return { createdAt: now, description: null, expiresAt: null, name: null, updatedAt: now, ...fields, key: secretOf(masterKey, uid), uid }
}

/** The keys a server creates with its master key ("Default API keys"); 1.16 added two. */
export const defaultKeys = (masterKey: string, version: string): FakeKey[] => [
  newKey(masterKey, { actions: ['search'], description: 'Use it to search from the frontend', indexes: ['*'], name: 'Default Search API Key' }),
  newKey(masterKey, { actions: ['*'], description: 'Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend', indexes: ['*'], name: 'Default Admin API Key' }),
  ...(isAtLeast(version, '1.16.0')
    ? [
        newKey(masterKey, { actions: ['*.get', 'keys.get'], description: 'Use it to read information across the whole database. Caution! Do not expose this key on a public frontend', indexes: ['*'], name: 'Default Read-Only Admin API Key' }),
        newKey(masterKey, { actions: ['chatCompletions', 'search'], description: 'Use it to chat and search from the frontend', indexes: ['*'], name: 'Default Chat API Key' }),
      ]
    : []),
]

export type Caller =
  | { kind: 'key'; key: FakeKey }
  | { kind: 'master' }
  | { kind: 'token'; key: FakeKey; rules: SearchRules }

const invalid = (): never => refuse('invalid_api_key', 'The provided API key is invalid.')

/**
 * Who is calling, allowed `action` (on `index` when the path names one).
 * @throws Refusal 401 or 403
 */
export const authenticate = (authorization: string | undefined, masterKey: string, keys: FakeKey[], action: string, index?: string): Caller => {
  if (authorization === undefined) return refuse('missing_authorization_header', 'The Authorization header is missing. It must use the bearer authorization method.')
  const [scheme, bearer] = authorization.split(' ', 2)
  if (scheme !== 'Bearer' || bearer === undefined) return refuse('missing_authorization_header', 'The Authorization header is missing. It must use the bearer authorization method.')
  if (bearer === masterKey) return { kind: 'master' }

  let caller: Caller
  // Only the search routes accept a tenant token.
  if (action === 'search' && looksLikeToken(bearer)) {
    const parent = keys.find((key) => key.uid === claimsOf(bearer)?.apiKeyUid)
    if (!parent) return refuse('invalid_api_key', 'The provided tenant token is invalid.')
    caller = { key: parent, kind: 'token', rules: verifyToken(bearer, parent.key).searchRules }
  } else {
    caller = { key: keys.find((key) => key.key === bearer) ?? invalid(), kind: 'key' }
  }
  if (index !== undefined) authorizeIndex(caller, index)
  if (expired(caller.key) || !allows(caller.key, action)) return invalid()
  return caller
}

/**
 * Refuses an index the caller may not reach (its key's `indexes`, and a token's `searchRules`).
 * @throws Refusal 403 `invalid_api_key`
 */
export const authorizeIndex = (caller: Caller, index: string): void => {
  if (caller.kind === 'master') return
  if (caller.kind === 'token' && ruleFor(caller.rules, index) === undefined) {
    refuse('invalid_api_key', `The provided tenant token cannot acces the index \`${index}\`, allowed indexes are ${JSON.stringify(Array.isArray(caller.rules) ? caller.rules : Object.keys(caller.rules))}.`)
  }
  if (!reaches(caller.key.indexes, index)) {
    refuse('invalid_api_key', caller.kind === 'token' ? `The API key used to generate this tenant token cannot acces the index \`${index}\`.` : `The API key cannot acces the index \`${index}\`, authorized indexes are ${JSON.stringify(caller.key.indexes)}.`)
  }
}

/** The filter a tenant token adds to searches of this index. */
export const tokenFilter = (caller: Caller, index: string): unknown =>
  caller.kind === 'token' ? (ruleFor(caller.rules, index) ?? undefined)?.filter : undefined
