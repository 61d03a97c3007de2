/**
 * A stand-in for a Meilisearch 1.19 server, written from its documentation and checked against it:
 * it accepts what the server accepts and refuses what it refuses, with the same status and error
 * code, so the Meilisearch engine is tested against the server's rules and not against its own
 * idea of them. Each rule cites its documentation section in the module that holds it:
 * `meilisearch-fake/settings.ts` (settings schema), `filter.ts` (filter grammar and escaping),
 * `params.ts` (search parameters), `search.ts` (matching, pagination, `maxTotalHits`, facets),
 * `format.ts` (highlighting and cropping), `auth.ts` (keys and actions), `tokens.ts` (tenant
 * tokens), `text.ts` (tokenizing, query syntax, positions). The cases in
 * `meilisearch-conformance.table.ts` run against this fake and, in the GitHub workflow, against a
 * real server, so a rule written wrong here fails there.
 *
 * Here: writes answer 202 with a summarized task and happen only when the task does, tasks run in
 * the order they were enqueued ("Asynchronous operations",
 * https://www.meilisearch.com/docs/learn/async/asynchronous_operations), index uids are checked
 * ("Index UID", https://www.meilisearch.com/docs/learn/getting_started/indexes#index-uid: ASCII
 * letters, digits, `-`, `_`; at most 400 bytes in `index_uid.rs`), bodies over the payload limit
 * are refused with 413 `payload_too_large` (100,000,000 bytes: the server's "100 MB" is SI; the
 * configuration page says 104,857,600), index swaps need both indexes unless `rename` (1.18) is set
 * ("Swap indexes", https://www.meilisearch.com/docs/reference/api/indexes#swap-indexes).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { authenticate, authorizeIndex, defaultKeys, type FakeKey, knownActions, newKey } from './meilisearch-fake/auth.js'
import { type ApiError, apiError, isAtLeast, Refusal, refuse } from './meilisearch-fake/errors.js'
import { federatedSearch, searchIndex } from './meilisearch-fake/federation.js'
import { readSearchParams } from './meilisearch-fake/params.js'
import { type FakeIndex, type StoredDocument } from './meilisearch-fake/search.js'
import { applySettings, defaultSettings, validateSettings, visibleSettings } from './meilisearch-fake/settings.js'

export type { FakeIndex } from './meilisearch-fake/search.js'
export type { FakeKey } from './meilisearch-fake/auth.js'

export type RecordedRequest = {
  method: string
  path: string
  query: URLSearchParams
  /** The parsed JSON body, when there is one. */
  body: unknown
  /** Bytes of the body as received. */
  bytes: number
  authorization?: string
}

type FakeTask = {
  uid: number
  indexUid: string | null
  type: string
  status: 'canceled' | 'enqueued' | 'failed' | 'processing' | 'succeeded'
  error: ApiError | null
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  details: Record<string, unknown>
  pollsLeft: number
  /** Applies the task; returns an error to fail it. */
  effect: () => ApiError | void
}

/** A failure a test wants for the next task of a given type (a disk full, a crash). */
export type ScriptedFailure = { type?: string; code?: string; message?: string }

export type FakeMeilisearch = {
  url: string
  masterKey: string
  /** The version this fake answers to `GET /version` and whose rules it follows. */
  version: string
  requests: RecordedRequest[]
  indexes: Map<string, FakeIndex>
  keys: FakeKey[]
  requestsTo: (method: string, path: string | RegExp) => RecordedRequest[]
  /** Resolves with the next request to arrive that matches method and path. */
  nextRequest: (method: string, path: string | RegExp) => Promise<RecordedRequest>
  /** Makes the next task (of this type, if given) fail with this error. */
  failNextTask: (failure?: ScriptedFailure) => void
  /** Keeps every task `processing` until `resumeTasks()`, as a long settings update would. */
  pauseTasks: () => void
  resumeTasks: () => void
  /** Bodies larger than this are refused with 413 (`--http-payload-size-limit`). */
  payloadLimit: number
  /** Adds an index with documents directly, as if indexed earlier. */
  seedIndex: (uid: string, documents?: StoredDocument[], settings?: Record<string, unknown>) => FakeIndex
  /** Adds an API key directly, as an operator would have created it. */
  addKey: (fields: Partial<FakeKey> & Pick<FakeKey, 'actions' | 'indexes'>) => FakeKey
  close: () => Promise<void>
}

export type FakeOptions = {
  /** Polls that answer `processing` before a task finishes. @default 1 */
  processingPolls?: number
  /** Whether the default keys exist, as on a new server with a master key. @default true */
  defaultKeys?: boolean
  /** The Meilisearch version to behave as. @default '1.19.0' */
  version?: string
  /** The master key, as `MEILI_MASTER_KEY` sets it. @default random */
  masterKey?: string
  /** The port to listen on, for a server that comes up where a client already looks. @default a free one */
  port?: number
}

const now = () => new Date().toISOString()

const isValidUid = (uid: unknown): uid is string => typeof uid === 'string' && /^[A-Za-z0-9_-]{1,400}$/.test(uid)

const checkUid = (uid: string): string =>
  isValidUid(uid)
    ? uid
    : refuse('invalid_index_uid', `\`${uid}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`)

/** Document ids: an integer, or a string of ASCII letters, digits, `-` and `_` of at most 511 bytes ("Primary key", known limitations). */
const isValidDocumentId = (id: unknown): boolean =>
  (typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && /^[A-Za-z0-9_-]{1,511}$/.test(id))

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const unknownField = (body: Record<string, unknown>, known: string[]): void => {
  const key = Object.keys(body).find((candidate) => !known.includes(candidate))
  if (key !== undefined) refuse('bad_request', `Unknown field \`${key}\`: expected one of ${known.map((name) => `\`${name}\``).join(', ')}`)
}

/** Starts the fake on 127.0.0.1 on a free port. */
export const startFakeMeilisearch = async (options: FakeOptions = {}): Promise<FakeMeilisearch> => {
  const masterKey = options.masterKey ?? `master-${randomBytes(16).toString('hex')}`
  const version = options.version ?? '1.19.0'
  const processingPolls = options.processingPolls ?? 1
  const indexes = new Map<string, FakeIndex>()
  const tasks = new Map<number, FakeTask>()
  const failures: ScriptedFailure[] = []
  const requests: RecordedRequest[] = []
  const waiting: { matches: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }[] = []
  const pathMatches = (method: string, path: string | RegExp) => (request: RecordedRequest) =>
    request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path))
  const keys: FakeKey[] = options.defaultKeys === false ? [] : defaultKeys(masterKey, version)
  let paused = false
  let nextTaskUid = 0

  const createIndex = (uid: string, primaryKey: string | null): FakeIndex => {
    const index: FakeIndex = { createdAt: now(), documents: new Map(), primaryKey, settings: defaultSettings(), uid, updatedAt: now() }
    indexes.set(uid, index)
    return index
  }

  const indexView = (index: FakeIndex) => ({ createdAt: index.createdAt, primaryKey: index.primaryKey, uid: index.uid, updatedAt: index.updatedAt })

  const enqueue = (indexUid: string | null, type: string, effect: FakeTask['effect'], details: Record<string, unknown> = {}) => {
    const task: FakeTask = { details, effect, enqueuedAt: now(), error: null, finishedAt: null, indexUid, pollsLeft: processingPolls, startedAt: null, status: 'enqueued', type, uid: nextTaskUid++ }
    tasks.set(task.uid, task)
    return { status: 202, body: { enqueuedAt: task.enqueuedAt, indexUid, status: 'enqueued', taskUid: task.uid, type } }
  }

  const finish = (task: FakeTask) => {
    const scripted = failures.findIndex((failure) => !failure.type || failure.type === task.type)
    let error: ApiError | void
    if (scripted >= 0) {
      const [failure] = failures.splice(scripted, 1)
      error = apiError(failure.code ?? 'internal', failure.message ?? 'scripted failure')
    } else {
      error = task.effect()
    }
    task.startedAt ??= now()
    task.status = error ? 'failed' : 'succeeded'
    task.error = error ?? null
    task.finishedAt = now()
  }

  /** Tasks run in order: finishing one finishes every task enqueued before it. */
  const advance = (task: FakeTask) => {
    if (task.status !== 'enqueued' && task.status !== 'processing') return
    if (paused || task.pollsLeft > 0) {
      if (!paused) task.pollsLeft -= 1
      task.status = 'processing'
      task.startedAt ??= now()
      return
    }
    for (const earlier of tasks.values()) {
      if (earlier.uid > task.uid) break
      if (earlier.status === 'enqueued' || earlier.status === 'processing') finish(earlier)
    }
  }

  const taskView = (task: FakeTask) => ({
    batchUid: task.finishedAt ? task.uid : null,
    canceledBy: null,
    details: task.details,
    duration: task.finishedAt ? 'PT0.001S' : null,
    enqueuedAt: task.enqueuedAt,
    error: task.error,
    finishedAt: task.finishedAt,
    indexUid: task.indexUid,
    startedAt: task.startedAt,
    status: task.status,
    type: task.type,
    uid: task.uid,
  })

  const indexOr404 = (uid: string): FakeIndex => indexes.get(uid) ?? refuse('index_not_found', `Index \`${uid}\` not found.`)

  type Answer = { status: number; body?: unknown }

  /**
   * Answers one request. The key is checked first and the body read after (`json()`), as the
   * server's handlers extract their arguments in sequence: a refused key answers 403 whatever the body.
   */
  const route = (method: string, path: string, url: URL, raw: Buffer, request: IncomingMessage): Answer => {
    const authorization = request.headers.authorization
    const as = (action: string, index?: string) => authenticate(authorization, masterKey, keys, action, index)
    const json = (): unknown => {
      if (raw.length > fake.payloadLimit) refuse('payload_too_large', `The provided payload reached the size limit. The maximum accepted payload size is ${fake.payloadLimit} bytes.`)
      if (raw.length === 0) return refuse('missing_payload', 'A json payload is missing.')
      try {
        return JSON.parse(raw.toString('utf8'))
      } catch (error) {
        return refuse('malformed_payload', `The json payload provided is malformed. \`${String(error)}\`.`)
      }
    }
    let match: RegExpMatchArray | null

    if (method === 'GET' && path === '/health') return { body: { status: 'available' }, status: 200 }
    if (method === 'GET' && path === '/version') {
      as('version')
      return { body: { commitDate: '2025-08-25T00:00:00Z', commitSha: 'fake', pkgVersion: version }, status: 200 }
    }

    if (method === 'GET' && path === '/tasks') {
      as('tasks.get')
      const limit = Number(url.searchParams.get('limit') ?? 20)
      const all = [...tasks.values()].reverse()
      return { body: { from: all[0]?.uid ?? null, limit, next: null, results: all.slice(0, limit).map(taskView), total: all.length }, status: 200 }
    }
    if (method === 'GET' && (match = path.match(/^\/tasks\/(\d+)$/))) {
      as('tasks.get')
      const task = tasks.get(Number(match[1])) ?? refuse('task_not_found', `Task \`${match[1]}\` not found.`)
      advance(task)
      return { body: taskView(task), status: 200 }
    }

    if (path === '/indexes') {
      if (method === 'GET') {
        const caller = as('indexes.get')
        const limit = Number(url.searchParams.get('limit') ?? 20)
        const offset = Number(url.searchParams.get('offset') ?? 0)
        const visible = [...indexes.values()].filter((index) => caller.kind === 'master' || caller.key.indexes.some((pattern) => pattern === '*' || pattern === index.uid || (pattern.endsWith('*') && index.uid.startsWith(pattern.slice(0, -1)))))
        return { body: { limit, offset, results: visible.slice(offset, offset + limit).map(indexView), total: visible.length }, status: 200 }
      }
      if (method === 'POST') {
        const caller = as('indexes.create')
        const body = json()
        if (!isObject(body)) return refuse('bad_request', 'Invalid value type: expected an object')
        unknownField(body, ['uid', 'primaryKey'])
        if (body.uid === undefined) return refuse('missing_index_uid', 'Missing field `uid`')
        if (typeof body.uid !== 'string') return refuse('invalid_index_uid', 'Invalid value type at `.uid`: expected a string')
        checkUid(body.uid)
        if (body.primaryKey !== undefined && body.primaryKey !== null && typeof body.primaryKey !== 'string') {
          return refuse('invalid_index_primary_key', 'Invalid value type at `.primaryKey`: expected a string')
        }
        const uid = body.uid as string
        authorizeIndex(caller, uid)
        const primaryKey = (body.primaryKey as string | null | undefined) ?? null
        return enqueue(uid, 'indexCreation', () => {
          if (indexes.has(uid)) return apiError('index_already_exists', `Index \`${uid}\` already exists.`)
          createIndex(uid, primaryKey)
        }, { primaryKey })
      }
    }

    if ((match = path.match(/^\/indexes\/([^/]+)(\/.*)?$/))) {
      const uid = checkUid(decodeURIComponent(match[1]))
      const rest = match[2] ?? ''
      if (rest === '' && method === 'GET') {
        as('indexes.get', uid)
        return { body: indexView(indexOr404(uid)), status: 200 }
      }
      if (rest === '' && method === 'DELETE') {
        as('indexes.delete', uid)
        return enqueue(uid, 'indexDeletion', () => {
          if (!indexes.delete(uid)) return apiError('index_not_found', `Index \`${uid}\` not found.`)
        })
      }
      if (rest === '/settings' && method === 'GET') {
        as('settings.get', uid)
        return { body: visibleSettings(indexOr404(uid).settings, version), status: 200 }
      }
      if (rest === '/settings' && method === 'PATCH') {
        as('settings.update', uid)
        const body = json()
        const problem = validateSettings(body, version)
        if (problem) throw new Refusal(problem)
        const update = body as Record<string, unknown>
        return enqueue(uid, 'settingsUpdate', () => {
          const index = indexes.get(uid) ?? createIndex(uid, null)
          index.settings = applySettings(index.settings, update)
          index.updatedAt = now()
        }, update)
      }
      if (rest === '/documents' && method === 'POST') {
        as('documents.add', uid)
        const contentType = request.headers['content-type']?.split(';')[0].trim()
        if (contentType === undefined) return refuse('missing_content_type', 'A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`')
        if (contentType !== 'application/json') return refuse('invalid_content_type', `The Content-Type \`${contentType}\` is invalid. Accepted values for the Content-Type header are: \`application/json\``)
        if (raw.length > fake.payloadLimit) refuse('payload_too_large', `The provided payload reached the size limit. The maximum accepted payload size is ${fake.payloadLimit} bytes.`)
        if (raw.length === 0) return refuse('missing_payload', 'A json payload is missing.')
        let parsed: unknown
        try {
          parsed = JSON.parse(raw.toString('utf8'))
        } catch (error) {
          return refuse('malformed_payload', `The \`json\` payload provided is malformed. \`${String(error)}\`.`)
        }
        const documents = (Array.isArray(parsed) ? parsed : [parsed]) as unknown[]
        if (!documents.every(isObject)) return refuse('malformed_payload', 'The `json` payload provided is malformed. `Couldn\'t serialize document value: expected an object`.')
        const wanted = url.searchParams.get('primaryKey')
        return enqueue(uid, 'documentAdditionOrUpdate', () => {
          const index = indexes.get(uid) ?? createIndex(uid, null)
          if (wanted && index.primaryKey && wanted !== index.primaryKey && index.documents.size > 0) {
            return apiError('index_primary_key_already_exists', `Index \`${uid}\` already has a primary key: \`${index.primaryKey}\`.`)
          }
          const primaryKey = index.primaryKey ?? wanted ?? 'id'
          for (const document of documents as StoredDocument[]) {
            if (!(primaryKey in document)) return apiError('missing_document_id', `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(document).slice(0, 200)}\`.`)
            if (!isValidDocumentId(document[primaryKey])) return apiError('invalid_document_id', `Document identifier \`${JSON.stringify(document[primaryKey])}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`)
          }
          index.primaryKey = primaryKey
          for (const document of documents as StoredDocument[]) {
            const id = String(document[primaryKey])
            index.documents.delete(id)
            index.documents.set(id, document)
          }
          index.updatedAt = now()
        }, { indexedDocuments: null, receivedDocuments: documents.length })
      }
      if (rest === '/documents' && method === 'GET') {
        as('documents.get', uid)
        const index = indexOr404(uid)
        const number = (name: string, fallback: number) => {
          const value = url.searchParams.get(name)
          if (value === null) return fallback
          return /^\d+$/.test(value) ? Number(value) : refuse(`invalid_document_${name}`, `Invalid value in parameter \`${name}\`: could not parse \`${value}\` as a positive integer`)
        }
        const offset = number('offset', 0)
        const limit = number('limit', 20)
        const fields = url.searchParams.get('fields')?.split(',')
        const all = [...index.documents.values()]
        const results = all.slice(offset, offset + limit).map((document) => (fields ? Object.fromEntries(fields.filter((field) => field in document).map((field) => [field, document[field]])) : document))
        return { body: { limit, offset, results, total: all.length }, status: 200 }
      }
      if (rest === '/documents/delete-batch' && method === 'POST') {
        as('documents.delete', uid)
        const body = json()
        if (!Array.isArray(body) || !body.every((id) => typeof id === 'string' || typeof id === 'number')) {
          return refuse('bad_request', 'Invalid value type: expected an array of document ids')
        }
        const ids = body as (number | string)[]
        return enqueue(uid, 'documentDeletion', () => {
          const index = indexes.get(uid)
          if (!index) return apiError('index_not_found', `Index \`${uid}\` not found.`)
          for (const id of ids) index.documents.delete(String(id))
        }, { deletedDocuments: null, providedIds: ids.length })
      }
      if (rest === '/search' && method === 'POST') {
        const caller = as('search', uid)
        const params = readSearchParams(json())
        return { body: searchIndex(indexOr404(uid), params, caller), status: 200 }
      }
    }

    if (method === 'POST' && path === '/multi-search') {
      const caller = as('search')
      const body = json()
      if (!isObject(body)) return refuse('bad_request', 'Invalid value type: expected an object')
      unknownField(body, ['queries', 'federation'])
      if (!Array.isArray(body.queries)) return refuse('bad_request', 'Invalid value type at `.queries`: expected an array')
      const queries = body.queries.map((raw: unknown, position: number) => {
        try {
          const params = readSearchParams(raw, true)
          if (params.indexUid === undefined) refuse('missing_index_uid', 'Missing field `indexUid`')
          checkUid(String(params.indexUid))
          authorizeIndex(caller, params.indexUid!)
          return { caller, params, raw: raw as Record<string, unknown> }
        } catch (error) {
          if (error instanceof Refusal) throw new Refusal({ ...error.error, message: `Inside \`.queries[${position}]\`: ${error.error.message}` }, error.status)
          throw error
        }
      })
      if (isObject(body.federation)) return { body: federatedSearch(indexes, queries, body.federation), status: 200 }
      if (body.federation !== undefined && body.federation !== null) return refuse('bad_request', 'Invalid value type at `.federation`: expected an object')
      const results = queries.map(({ params }, position) => {
        if (params.federationOptions !== undefined && params.federationOptions !== null) {
          refuse('invalid_multi_search_federation_options', `Inside \`.queries[${position}]\`: Using \`federationOptions\` is not allowed in a non-federated search.\n - Hint: remove \`federationOptions\` from query #${position} or add \`federation\` to the request.`)
        }
        return { indexUid: params.indexUid, ...searchIndex(indexOr404(params.indexUid!), params, caller) }
      })
      return { body: { results }, status: 200 }
    }

    if (method === 'POST' && path === '/swap-indexes') {
      const caller = as('indexes.swap')
      const body = json()
      if (!Array.isArray(body)) return refuse('bad_request', 'Invalid value type: expected an array')
      const renameKnown = isAtLeast(version, '1.18.0')
      const swaps = body.map((swap: unknown) => {
        if (!isObject(swap)) return refuse('bad_request', 'Invalid value type: expected an object')
        unknownField(swap, renameKnown ? ['indexes', 'rename'] : ['indexes'])
        if (swap.indexes === undefined) return refuse('missing_swap_indexes', 'Missing field `indexes`')
        if (!Array.isArray(swap.indexes) || !swap.indexes.every(isValidUid)) return refuse('invalid_swap_indexes', 'Invalid value at `.indexes`: expected an array of index uids')
        if (swap.indexes.length !== 2) return refuse('invalid_swap_indexes', `Two indexes must be given for each swap. The list \`${JSON.stringify(swap.indexes)}\` contains ${swap.indexes.length} indexes.`)
        if (swap.rename !== undefined && typeof swap.rename !== 'boolean') return refuse('invalid_swap_rename', 'Invalid value at `.rename`: expected a boolean')
        for (const uid of swap.indexes as string[]) authorizeIndex(caller, uid)
        return { indexes: swap.indexes as [string, string], rename: swap.rename === true }
      })
      const named = swaps.flatMap((swap) => swap.indexes)
      const twice = named.find((uid, position) => named.indexOf(uid) !== position)
      if (twice) return refuse('invalid_swap_duplicate_index_found', `Indexes must be declared only once during a swap. \`${twice}\` was specified several times.`)
      return enqueue(null, 'indexSwap', () => {
        const missing = swaps.flatMap(({ indexes: [a, b], rename }) => (rename ? [a] : [a, b]).filter((uid) => !indexes.has(uid)))
        if (missing.length) return apiError('index_not_found', `Indexes ${missing.map((uid) => `\`${uid}\``).join(', ')} not found.`)
        const taken = swaps.find(({ indexes: [, b], rename }) => rename && indexes.has(b))
        if (taken) return apiError('index_already_exists', `Index \`${taken.indexes[1]}\` already exists.`)
        for (const { indexes: [a, b], rename } of swaps) {
          const first = indexes.get(a)!
          if (rename) {
            indexes.delete(a)
            indexes.set(b, { ...first, uid: b })
            continue
          }
          const second = indexes.get(b)!
          indexes.set(a, { ...second, uid: a })
          indexes.set(b, { ...first, uid: b })
        }
      }, { swaps: swaps.map(({ indexes: pair, rename }) => ({ indexes: pair, rename })) })
    }

    if (path === '/keys' && method === 'GET') {
      as('keys.get')
      const offset = Number(url.searchParams.get('offset') ?? 0)
      const limit = Number(url.searchParams.get('limit') ?? 20)
      const sorted = [...keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      return { body: { limit, offset, results: sorted.slice(offset, offset + limit), total: keys.length }, status: 200 }
    }
    if (path === '/keys' && method === 'POST') {
      as('keys.create')
      const body = json()
      if (!isObject(body)) return refuse('bad_request', 'Invalid value type: expected an object')
      unknownField(body, ['uid', 'key', 'name', 'description', 'actions', 'indexes', 'expiresAt'])
      if (body.actions === undefined) return refuse('missing_api_key_actions', 'Missing field `actions`')
      if (!Array.isArray(body.actions) || !body.actions.every((action) => knownActions.includes(action as string))) return refuse('invalid_api_key_actions', 'Unknown value in `.actions`')
      if (body.indexes === undefined) return refuse('missing_api_key_indexes', 'Missing field `indexes`')
      if (!Array.isArray(body.indexes) || !body.indexes.every((pattern) => typeof pattern === 'string' && (pattern === '*' || isValidUid(pattern.replace(/\*$/, ''))))) {
        return refuse('invalid_api_key_indexes', 'Invalid value at `.indexes`')
      }
      if (body.expiresAt === undefined) return refuse('missing_api_key_expires_at', 'Missing field `expiresAt`')
      if (body.expiresAt !== null && (typeof body.expiresAt !== 'string' || Number.isNaN(Date.parse(body.expiresAt)) || Date.parse(body.expiresAt) <= Date.now())) {
        return refuse('invalid_api_key_expires_at', '`expiresAt` must be a date in the future, in RFC 3339 format, or null')
      }
      const created = newKey(masterKey, {
        actions: body.actions as string[],
        description: (body.description as string | undefined) ?? null,
        expiresAt: body.expiresAt === null ? null : new Date(body.expiresAt as string).toISOString(),
        indexes: body.indexes as string[],
        name: (body.name as string | undefined) ?? null,
        ...(typeof body.uid === 'string' ? { uid: body.uid } : {}),
      })
      if (keys.some((key) => key.uid === created.uid)) return refuse('api_key_already_exists', `\`uid\` field value \`${created.uid}\` is already an existing API key.`)
      keys.push(created)
      return { body: created, status: 201 }
    }
    if ((match = path.match(/^\/keys\/([^/]+)$/))) {
      const wanted = decodeURIComponent(match[1])
      const find = () => keys.find((key) => key.uid === wanted || key.key === wanted) ?? refuse('api_key_not_found', `API key \`${wanted}\` not found.`)
      if (method === 'GET') {
        as('keys.get')
        return { body: find(), status: 200 }
      }
      if (method === 'DELETE') {
        as('keys.delete')
        keys.splice(keys.indexOf(find()), 1)
        return { status: 204 }
      }
    }

    return { body: undefined, status: 404 }
  }

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const method = request.method ?? 'GET'
    const path = url.pathname.replace(/\/+$/, '') || '/'
    const raw = await readBody(request)
    let body: unknown
    try {
      body = raw.length > 0 && raw.length <= fake.payloadLimit ? JSON.parse(raw.toString('utf8')) : undefined
    } catch {
      body = undefined
    }
    const recorded: RecordedRequest = { authorization: request.headers.authorization, body, bytes: raw.length, method, path, query: url.searchParams }
    requests.push(recorded)
    for (const waiter of waiting.filter((each) => each.matches(recorded))) {
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve(recorded)
    }
    const send = (status: number, answer?: unknown) => {
      response.writeHead(status, answer === undefined ? {} : { 'content-type': 'application/json' })
      response.end(answer === undefined ? '' : JSON.stringify(answer))
    }
    try {
      const answer = route(method, path, url, raw, request)
      send(answer.status, answer.body)
    } catch (error) {
      if (error instanceof Refusal) send(error.status, error.error)
      else send(500, apiError('internal', String(error)))
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify(apiError('internal', String(error))))
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const fake: FakeMeilisearch = {
    addKey: (fields) => {
      const key = newKey(masterKey, fields)
      keys.push(key)
      return key
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
    failNextTask: (failure = {}) => {
      failures.push(failure)
    },
    indexes,
    keys,
    masterKey,
    pauseTasks: () => {
      paused = true
    },
    payloadLimit: 100_000_000,
    requests,
    nextRequest: (method, path) => new Promise((resolve) => waiting.push({ matches: pathMatches(method, path), resolve })),
    requestsTo: (method, path) => requests.filter(pathMatches(method, path)),
    resumeTasks: () => {
      paused = false
    },
    seedIndex: (uid, documents = [], settings = {}) => {
      const index = createIndex(uid, 'id')
      const problem = validateSettings(settings, version)
      if (problem) throw new Error(`seedIndex: Meilisearch would refuse these settings: ${problem.message}`)
      index.settings = applySettings(index.settings, settings)
      for (const document of documents) index.documents.set(String(document.id), document)
      return index
    },
    url: `http://127.0.0.1:${port}`,
    version,
  }
  return fake
}
