/**
 * A small stand-in for a Meilisearch server, for request-level tests of the Meilisearch engine.
 * It records every request and answers like Meilisearch does: writes are enqueued as tasks
 * (202 with a summarized task), `GET /tasks/:uid` reports them `processing` and then `succeeded`,
 * or `failed` when a test scripted it, and a task's effect happens only when it succeeds.
 * Search answers are deliberately naive (every stored document, no ranking) unless a test supplies
 * its own, since the tests check what the engine sends and how it reads answers.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

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

type Document = Record<string, unknown> & { id?: unknown }

export type FakeIndex = {
  uid: string
  primaryKey: string | null
  settings: Record<string, unknown>
  documents: Map<string, Document>
  createdAt: string
  updatedAt: string
}

type TaskError = { code: string; message: string; type: string; link: string }

type FakeTask = {
  uid: number
  indexUid: string | null
  type: string
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed'
  error: TaskError | null
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  details: Record<string, unknown>
  pollsLeft: number
  /** Applies the task; returns an error to fail it (e.g. the index already exists). */
  effect: () => TaskError | void
}

/** A failure a test wants for the next task of a given type. */
export type ScriptedFailure = { type?: string; code?: string; message?: string }

export type FakeMeilisearch = {
  url: string
  masterKey: string
  requests: RecordedRequest[]
  indexes: Map<string, FakeIndex>
  keys: FakeKey[]
  /** Requests matching a method and a path (a string for equality, or a pattern). */
  requestsTo: (method: string, path: string | RegExp) => RecordedRequest[]
  /** Makes the next task (of this type, if given) fail with this error. */
  failNextTask: (failure?: ScriptedFailure) => void
  /** Answers `POST /indexes/:uid/search` instead of the default. */
  onSearch?: (body: Record<string, unknown>, index: FakeIndex) => unknown
  /** Answers `POST /multi-search` instead of the default. */
  onMultiSearch?: (body: Record<string, unknown>) => unknown
  /** Bodies larger than this are refused with 413, like `--http-payload-size-limit`. */
  payloadLimit: number
  /** Adds an index with documents directly, as if indexed earlier. */
  seedIndex: (uid: string, documents?: Document[], settings?: Record<string, unknown>) => FakeIndex
  close: () => Promise<void>
}

export type FakeOptions = {
  /** Polls that answer `processing` before a task finishes. @default 1 */
  processingPolls?: number
  /** Whether the default search and admin keys exist, as on a new server. @default true */
  defaultKeys?: boolean
}

const now = () => new Date().toISOString()

const fold = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim()

const defaultSettings = (): Record<string, unknown> => ({
  displayedAttributes: ['*'],
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
  stopWords: [],
  nonSeparatorTokens: [],
  separatorTokens: [],
  dictionary: [],
  synonyms: {},
  distinctAttribute: null,
  proximityPrecision: 'byWord',
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnWords: [],
    disableOnAttributes: [],
    disableOnNumbers: false,
  },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 1000 },
  embedders: {},
  searchCutoffMs: null,
  localizedAttributes: null,
  facetSearch: true,
  prefixSearch: 'indexingTime',
})

/** Stores settings the way Meilisearch echoes them: lists sorted, synonyms normalized and merged. */
const storeSettings = (current: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> => {
  const next = { ...current }
  for (const [key, value] of Object.entries(update)) {
    if (value === null) {
      next[key] = defaultSettings()[key]
    } else if (key === 'synonyms') {
      const merged: Record<string, string[]> = {}
      for (const [from, to] of Object.entries(value as Record<string, string[]>)) {
        merged[fold(from)] = [...new Set([...(merged[fold(from)] ?? []), ...to.map(fold)])].sort()
      }
      next[key] = merged
    } else if (key === 'filterableAttributes' || key === 'sortableAttributes') {
      next[key] = [...(value as string[])].sort()
    } else if (key === 'typoTolerance') {
      const typo = value as Record<string, unknown>
      const before = current[key] as Record<string, unknown>
      next[key] = {
        ...before,
        ...typo,
        minWordSizeForTypos: { ...(before.minWordSizeForTypos as object), ...(typo.minWordSizeForTypos as object) },
      }
    } else {
      next[key] = value
    }
  }
  return next
}

const apiError = (code: string, message: string, type = 'invalid_request'): TaskError => ({
  code,
  message,
  type,
  link: `https://docs.meilisearch.com/errors#${code}`,
})

const newKey = (fields: Partial<FakeKey> & Pick<FakeKey, 'actions' | 'indexes'>): FakeKey => ({
  uid: randomUUID(),
  key: randomBytes(32).toString('hex'),
  name: null,
  description: null,
  expiresAt: null,
  createdAt: now(),
  updatedAt: now(),
  ...fields,
})

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })

/** Starts the fake on 127.0.0.1 on a free port. */
export const startFakeMeilisearch = async (options: FakeOptions = {}): Promise<FakeMeilisearch> => {
  const masterKey = `master-${randomBytes(16).toString('hex')}`
  const processingPolls = options.processingPolls ?? 1
  const indexes = new Map<string, FakeIndex>()
  const tasks = new Map<number, FakeTask>()
  const failures: ScriptedFailure[] = []
  const requests: RecordedRequest[] = []
  const keys: FakeKey[] =
    options.defaultKeys === false
      ? []
      : [
          newKey({ name: 'Default Search API Key', description: 'Use it to search from the frontend', actions: ['search'], indexes: ['*'] }),
          newKey({ name: 'Default Admin API Key', description: 'Use it for anything that is not a search operation.', actions: ['*'], indexes: ['*'] }),
        ]
  let nextTaskUid = 0

  const createIndex = (uid: string, primaryKey: string | null): FakeIndex => {
    const index: FakeIndex = { uid, primaryKey, settings: defaultSettings(), documents: new Map(), createdAt: now(), updatedAt: now() }
    indexes.set(uid, index)
    return index
  }

  const enqueue = (response: ServerResponse, indexUid: string | null, type: string, effect: FakeTask['effect'], details = {}) => {
    const task: FakeTask = {
      uid: nextTaskUid++,
      indexUid,
      type,
      status: 'enqueued',
      error: null,
      enqueuedAt: now(),
      startedAt: null,
      finishedAt: null,
      details,
      pollsLeft: processingPolls,
      effect,
    }
    tasks.set(task.uid, task)
    send(response, 202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt })
  }

  const finish = (task: FakeTask) => {
    const scripted = failures.findIndex((failure) => !failure.type || failure.type === task.type)
    let error: TaskError | void
    if (scripted >= 0) {
      const [failure] = failures.splice(scripted, 1)
      error = apiError(failure.code ?? 'internal', failure.message ?? 'scripted failure', 'internal')
    } else {
      error = task.effect()
    }
    task.status = error ? 'failed' : 'succeeded'
    task.error = error ?? null
    task.finishedAt = now()
  }

  const taskView = (task: FakeTask) => ({
    uid: task.uid,
    batchUid: task.uid,
    indexUid: task.indexUid,
    status: task.status,
    type: task.type,
    canceledBy: null,
    details: task.details,
    error: task.error,
    duration: task.finishedAt ? 'PT0.001S' : null,
    enqueuedAt: task.enqueuedAt,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
  })

  const send = (response: ServerResponse, status: number, body?: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(body === undefined ? '' : JSON.stringify(body))
  }

  const notFound = (response: ServerResponse, uid: string) =>
    send(response, 404, apiError('index_not_found', `Index \`${uid}\` not found.`))

  const keyOf = (authorization?: string): FakeKey | 'master' | undefined => {
    const token = authorization?.replace(/^Bearer /, '')
    if (token === masterKey) return 'master'
    return keys.find((key) => key.key === token)
  }

  const defaultHits = (index: FakeIndex) =>
    [...index.documents.values()].map((document) => ({ ...document, _formatted: { ...document } }))

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(request)
    let body: unknown
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        return send(response, 400, apiError('malformed_payload', 'The json payload provided is malformed.'))
      }
    }
    const method = request.method ?? 'GET'
    const path = url.pathname.replace(/\/+$/, '') || '/'
    requests.push({ method, path, query: url.searchParams, body, bytes: raw.length, authorization: request.headers.authorization })

    if (raw.length > fake.payloadLimit) {
      return send(response, 413, apiError('payload_too_large', `The provided payload reached the size limit of ${fake.payloadLimit} bytes.`))
    }
    const caller = keyOf(request.headers.authorization)
    if (!caller) return send(response, 403, apiError('invalid_api_key', 'The provided API key is invalid.', 'auth'))
    const isSearch = method === 'POST' && (/^\/indexes\/[^/]+\/search$/.test(path) || path === '/multi-search')
    if (caller !== 'master' && !caller.actions.includes('*') && !(isSearch && caller.actions.includes('search'))) {
      return send(response, 403, apiError('invalid_api_key', 'The provided API key is invalid.', 'auth'))
    }
    if (path.startsWith('/keys') && caller !== 'master') {
      return send(response, 403, apiError('invalid_api_key', 'Only the master key may manage keys.', 'auth'))
    }

    let match: RegExpMatchArray | null
    if (method === 'GET' && path === '/health') return send(response, 200, { status: 'available' })

    if (method === 'GET' && (match = path.match(/^\/tasks\/(\d+)$/))) {
      const task = tasks.get(Number(match[1]))
      if (!task) return send(response, 404, apiError('task_not_found', `Task \`${match[1]}\` not found.`))
      if (task.status === 'enqueued' || task.status === 'processing') {
        if (task.pollsLeft > 0) {
          task.pollsLeft -= 1
          task.status = 'processing'
          task.startedAt ??= now()
        } else {
          finish(task)
        }
      }
      return send(response, 200, taskView(task))
    }

    if (method === 'POST' && path === '/indexes') {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string }
      return enqueue(response, uid, 'indexCreation', () => {
        if (indexes.has(uid)) return apiError('index_already_exists', `Index \`${uid}\` already exists.`)
        createIndex(uid, primaryKey ?? null)
      }, { primaryKey })
    }

    if ((match = path.match(/^\/indexes\/([^/]+)$/))) {
      const uid = decodeURIComponent(match[1])
      if (method === 'GET') {
        const index = indexes.get(uid)
        if (!index) return notFound(response, uid)
        return send(response, 200, { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt })
      }
      if (method === 'DELETE') {
        return enqueue(response, uid, 'indexDeletion', () => {
          if (!indexes.delete(uid)) return apiError('index_not_found', `Index \`${uid}\` not found.`)
        })
      }
    }

    if ((match = path.match(/^\/indexes\/([^/]+)\/settings$/))) {
      const uid = decodeURIComponent(match[1])
      if (method === 'GET') {
        const index = indexes.get(uid)
        if (!index) return notFound(response, uid)
        return send(response, 200, index.settings)
      }
      if (method === 'PATCH') {
        const update = body as Record<string, unknown>
        return enqueue(response, uid, 'settingsUpdate', () => {
          const index = indexes.get(uid) ?? createIndex(uid, null)
          index.settings = storeSettings(index.settings, update)
        }, update)
      }
    }

    if ((match = path.match(/^\/indexes\/([^/]+)\/documents$/))) {
      const uid = decodeURIComponent(match[1])
      if (method === 'POST') {
        const documents = body as Document[]
        const primaryKey = url.searchParams.get('primaryKey')
        return enqueue(response, uid, 'documentAdditionOrUpdate', () => {
          const bad = documents.find((document) => !/^[A-Za-z0-9_-]{1,511}$/.test(String(document.id)))
          if (bad) return apiError('invalid_document_id', `Document identifier \`${String(bad.id)}\` is invalid.`)
          const index = indexes.get(uid) ?? createIndex(uid, primaryKey)
          for (const document of documents) index.documents.set(String(document.id), document)
        }, { receivedDocuments: documents.length })
      }
      if (method === 'GET') {
        const index = indexes.get(uid)
        if (!index) return notFound(response, uid)
        const offset = Number(url.searchParams.get('offset') ?? 0)
        const limit = Number(url.searchParams.get('limit') ?? 20)
        const fields = url.searchParams.get('fields')?.split(',')
        const all = [...index.documents.values()]
        const results = all
          .slice(offset, offset + limit)
          .map((document) => (fields ? Object.fromEntries(fields.map((field) => [field, document[field]])) : document))
        return send(response, 200, { results, offset, limit, total: all.length })
      }
    }

    if (method === 'POST' && (match = path.match(/^\/indexes\/([^/]+)\/documents\/delete-batch$/))) {
      const uid = decodeURIComponent(match[1])
      const ids = body as string[]
      return enqueue(response, uid, 'documentDeletion', () => {
        const index = indexes.get(uid)
        if (!index) return apiError('index_not_found', `Index \`${uid}\` not found.`)
        for (const id of ids) index.documents.delete(String(id))
      }, { providedIds: ids.length })
    }

    if (method === 'POST' && (match = path.match(/^\/indexes\/([^/]+)\/search$/))) {
      const uid = decodeURIComponent(match[1])
      const index = indexes.get(uid)
      if (!index) return notFound(response, uid)
      const search = body as Record<string, unknown>
      if (fake.onSearch) return send(response, 200, fake.onSearch(search, index))
      const hitsPerPage = Number(search.hitsPerPage ?? 20)
      const page = Number(search.page ?? 1)
      const hits = defaultHits(index)
      return send(response, 200, {
        hits: hits.slice((page - 1) * hitsPerPage, page * hitsPerPage),
        query: search.q ?? '',
        processingTimeMs: 1,
        hitsPerPage,
        page,
        totalPages: Math.ceil(hits.length / hitsPerPage),
        totalHits: hits.length,
        facetDistribution: {},
      })
    }

    if (method === 'POST' && path === '/multi-search') {
      const multi = body as Record<string, unknown>
      if (fake.onMultiSearch) return send(response, 200, fake.onMultiSearch(multi))
      const queries = multi.queries as { indexUid: string }[]
      const seen = new Map<string, unknown>()
      for (const [position, query] of queries.entries()) {
        const index = indexes.get(query.indexUid)
        if (!index) return send(response, 400, apiError('index_not_found', `Inside \`.queries[${position}]\`: Index \`${query.indexUid}\` not found.`))
        for (const hit of defaultHits(index)) {
          const key = `${query.indexUid}/${String(hit.id)}`
          if (!seen.has(key)) seen.set(key, { ...hit, _federation: { indexUid: query.indexUid, queriesPosition: position, weightedRankingScore: 1 } })
        }
      }
      const federation = (multi.federation ?? {}) as { limit?: number; offset?: number }
      const offset = federation.offset ?? 0
      const limit = federation.limit ?? 20
      const hits = [...seen.values()]
      return send(response, 200, {
        hits: hits.slice(offset, offset + limit),
        processingTimeMs: 2,
        limit,
        offset,
        estimatedTotalHits: hits.length,
        facetDistribution: {},
      })
    }

    if (method === 'POST' && path === '/swap-indexes') {
      const swaps = body as { indexes: [string, string]; rename?: boolean }[]
      return enqueue(response, null, 'indexSwap', () => {
        for (const { indexes: [a, b] } of swaps) {
          const first = indexes.get(a)
          const second = indexes.get(b)
          if (!first || !second) return apiError('index_not_found', `Indexes \`${!first ? a : b}\` not found.`)
          indexes.set(a, { ...second, uid: a })
          indexes.set(b, { ...first, uid: b })
        }
      }, { swaps })
    }

    if (method === 'GET' && path === '/keys') {
      const offset = Number(url.searchParams.get('offset') ?? 0)
      const limit = Number(url.searchParams.get('limit') ?? 20)
      return send(response, 200, { results: keys.slice(offset, offset + limit), offset, limit, total: keys.length })
    }
    if (method === 'GET' && (match = path.match(/^\/keys\/([^/]+)$/))) {
      const wanted = decodeURIComponent(match[1])
      const key = keys.find((candidate) => candidate.uid === wanted || candidate.key === wanted)
      if (!key) return send(response, 404, apiError('api_key_not_found', `API key \`${wanted}\` not found.`))
      return send(response, 200, key)
    }
    if (method === 'POST' && path === '/keys') {
      const { actions, indexes: keyIndexes, name, description, expiresAt } = body as FakeKey
      const key = newKey({ actions, indexes: keyIndexes, name: name ?? null, description: description ?? null, expiresAt: expiresAt ?? null })
      keys.push(key)
      return send(response, 201, key)
    }

    return send(response, 404, apiError('not_found', `${method} ${path} is not handled by the fake`))
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, apiError('internal', String(error), 'internal'))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const fake: FakeMeilisearch = {
    url: `http://127.0.0.1:${port}`,
    masterKey,
    requests,
    indexes,
    keys,
    requestsTo: (method, path) =>
      requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path))),
    failNextTask: (failure = {}) => {
      failures.push(failure)
    },
    payloadLimit: 100 * 1024 * 1024,
    seedIndex: (uid, documents = [], settings = {}) => {
      const index = createIndex(uid, 'id')
      index.settings = storeSettings(index.settings, settings)
      for (const document of documents) index.documents.set(String(document.id), document)
      return index
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
  return fake
}
