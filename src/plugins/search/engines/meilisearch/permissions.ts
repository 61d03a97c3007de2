/**
 * What the engine's key may do, checked at start so a restricted `MEILI_API_KEY` says what it
 * lacks in one log line instead of failing later, one request at a time (a rebuild at night, the
 * first tenant token). API keys: https://www.meilisearch.com/docs/reference/api/keys#actions and
 * #indexes; the rules below are the server's (`meilisearch-auth/src/store.rs`, v1.19).
 */
import { ErrorStatusCode, type Key, MeilisearchApiError } from 'meilisearch'

import type { MeilisearchConnection } from './client.js'
import type { ResolvedMeilisearchOptions } from './types.js'

import { temporaryIndexPattern, temporaryIndexUid } from './indexes.js'

/** One thing the engine does: the action it needs, on which index (or pattern), and why. */
type Need = { action: string; index?: string; why: string }

/** Every action and index the engine uses, and what for. */
export const permissionNeeds = (options: Pick<ResolvedMeilisearchOptions, 'indexUid' | 'searchKey'>): Need[] => {
  const live = options.indexUid
  const temporary = temporaryIndexPattern(live)
  const onLive = (why: string, ...actions: string[]) => actions.map((action) => ({ action, index: live, why }))
  const onTemporary = (why: string, ...actions: string[]) => actions.map((action) => ({ action, index: temporary, why }))
  return [
    ...onLive('searching', 'search'),
    ...onLive('indexing', 'documents.add', 'documents.delete', 'tasks.get'),
    ...onLive('start-up', 'indexes.get', 'indexes.create', 'settings.get', 'settings.update'),
    ...onLive('drift checks', 'documents.get'),
    ...onTemporary(
      'rebuilds',
      'indexes.get',
      'indexes.create',
      'settings.get',
      'settings.update',
      'documents.add',
      'tasks.get',
      'indexes.delete',
    ),
    ...onLive('rebuilds', 'indexes.swap'),
    ...onTemporary('rebuilds', 'indexes.swap'),
    ...(options.searchKey
      ? [{ action: 'keys.get', why: 'tenant tokens: reading MEILI_SEARCH_KEY' }]
      : [
          { action: 'keys.get', why: 'tenant tokens: finding a search key (or set MEILI_SEARCH_KEY)' },
          { action: 'keys.create', why: 'tenant tokens: creating a search key when none exists (or set MEILI_SEARCH_KEY)' },
        ]),
  ]
}

/** What a wildcard action grants (`Action::*All` in the server's key store). */
const grants: Record<string, string[]> = {
  '*.get': ['search', 'documents.get', 'indexes.get', 'tasks.get', 'settings.get', 'stats.get', 'metrics.get', 'version'],
  'documents.*': ['documents.add', 'documents.get', 'documents.delete'],
  'indexes.*': ['indexes.create', 'indexes.get', 'indexes.update', 'indexes.delete', 'indexes.swap'],
  'settings.*': ['settings.get', 'settings.update'],
  'tasks.*': ['tasks.get', 'tasks.cancel', 'tasks.delete'],
}

const allows = (actions: string[], action: string): boolean =>
  actions.includes('*') || actions.includes(action) || actions.some((granted) => grants[granted]?.includes(action))

/**
 * Whether the key's `indexes` reach `index`: `*`, the uid itself, or a pattern ending in `*`
 * whose prefix starts it. A needed pattern (`truongso_tmp_*`) is reached when every uid it names is.
 */
const reaches = (indexes: string[], index: string): boolean =>
  indexes.some((pattern) => {
    if (pattern === '*' || pattern === index) return true
    if (!pattern.endsWith('*')) return false
    const prefix = pattern.slice(0, -1)
    return index.endsWith('*') ? index.slice(0, -1).startsWith(prefix) : index.startsWith(prefix)
  })

/** The needs a key with these actions and indexes does not meet. */
export const unmetNeeds = (key: Pick<Key, 'actions' | 'indexes'>, needs: Need[]): Need[] =>
  needs.filter((need) => !allows(key.actions, need.action) || (need.index !== undefined && !reaches(key.indexes, need.index)))

/**
 * Requests that name an action (and index) and cannot change anything: a write is sent with a
 * body Meilisearch refuses after checking the key, so an allowed action answers 400 (or 404 for a
 * missing index) and a refused one 403. Meilisearch checks the key before reading the body.
 */
const probesOf = (live: string, temporary: string) => [
  { action: 'search', index: live, method: 'POST', path: `indexes/${live}/search`, body: '{"limit":"none"}' },
  { action: 'documents.add', index: live, method: 'POST', path: `indexes/${live}/documents`, body: '[' },
  { action: 'documents.delete', index: live, method: 'POST', path: `indexes/${live}/documents/delete-batch`, body: '{}' },
  { action: 'documents.get', index: live, method: 'GET', path: `indexes/${live}/documents`, params: { limit: 'none' } },
  { action: 'indexes.get', index: live, method: 'GET', path: `indexes/${live}` },
  { action: 'settings.get', index: live, method: 'GET', path: `indexes/${live}/settings` },
  { action: 'settings.update', index: live, method: 'PATCH', path: `indexes/${live}/settings`, body: '{"displayedAttributes":1}' },
  { action: 'tasks.get', method: 'GET', path: 'tasks', params: { limit: '1' } },
  { action: 'indexes.create', method: 'POST', path: 'indexes', body: '{}' },
  { action: 'indexes.swap', method: 'POST', path: 'swap-indexes', body: '[{"indexes":1}]' },
  { action: 'indexes.get', index: temporary, method: 'GET', path: `indexes/${temporary}` },
  { action: 'settings.update', index: temporary, method: 'PATCH', path: `indexes/${temporary}/settings`, body: '{"displayedAttributes":1}' },
  { action: 'documents.add', index: temporary, method: 'POST', path: `indexes/${temporary}/documents`, body: '[' },
  { action: 'keys.create', method: 'POST', path: 'keys', body: '{}' },
]

const statusOf = (error: unknown): number | undefined =>
  error instanceof MeilisearchApiError ? error.response.status : undefined

/** Needs refused by trying them, for a key that may not read its own description. */
const probeNeeds = async (connection: MeilisearchConnection, options: ResolvedMeilisearchOptions): Promise<Need[]> => {
  const temporary = temporaryIndexUid(options.indexUid)
  const refused: Need[] = [{ action: 'keys.get', why: 'tenant tokens, and checking this key' }]
  for (const probe of probesOf(options.indexUid, temporary)) {
    const request = { body: probe.body, contentType: 'application/json', params: probe.params, path: probe.path }
    const send = () => {
      if (probe.method === 'POST') return connection.client.httpRequest.post(request)
      if (probe.method === 'PATCH') return connection.client.httpRequest.patch(request)
      return connection.client.httpRequest.get(request)
    }
    const status = await send().then(
      () => 200,
      (error: unknown) => {
        const code = statusOf(error)
        if (code === undefined) throw error
        return code
      },
    )
    if (status === 401 || status === 403) {
      refused.push({
        action: probe.action,
        index: probe.index === temporary ? temporaryIndexPattern(options.indexUid) : probe.index,
        why: 'checked by trying',
      })
    }
  }
  return refused
}

/** "indexes.create on truongso_tmp_* (rebuilds)", grouped by purpose. */
const summarize = (needs: Need[]): string[] => {
  const byWhy = new Map<string, Need[]>()
  for (const need of needs) byWhy.set(need.why, [...(byWhy.get(need.why) ?? []), need])
  return [...byWhy.entries()].map(([why, group]) => {
    const byIndex = new Map<string, string[]>()
    for (const need of group) byIndex.set(need.index ?? '', [...(byIndex.get(need.index ?? '') ?? []), need.action])
    const parts = [...byIndex.entries()].map(([index, actions]) => (index ? `${actions.join(', ')} on ${index}` : actions.join(', ')))
    return `${parts.join('; ')} (${why})`
  })
}

/**
 * Checks what the engine's key may do. The master key is no API key: the server does not find
 * it (404 `api_key_not_found`) and it may do everything. A key that may read keys is described by
 * `GET /keys/:key`; any other is tried request by request, with requests that change nothing.
 * @returns what the key may not do, grouped by purpose; empty when it may do everything needed
 */
export const missingPermissions = async (connection: MeilisearchConnection, options: ResolvedMeilisearchOptions): Promise<string[]> => {
  let key: Key
  try {
    key = await connection.client.getKey(options.apiKey)
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === ErrorStatusCode.API_KEY_NOT_FOUND) return []
    const status = statusOf(error)
    if (status === 401 || status === 403) return summarize(await probeNeeds(connection, options))
    throw error
  }
  const expiresAt = (key.expiresAt as Date | string | null) === null ? null : new Date(key.expiresAt)
  if (expiresAt && expiresAt.getTime() <= Date.now()) return [`everything: the key expired at ${expiresAt.toISOString()}`]
  return summarize(unmetNeeds(key, permissionNeeds(options)))
}
