/**
 * Starting with Meilisearch: the CMS starts whatever state Meilisearch is in, `/readyz` says what
 * search still waits for, and the log says in one line what the key lacks.
 */
import type { Payload } from 'payload'

import { createServer } from 'node:net'

import { searchIndexComplete } from '../../src/lib/health.js'
import { createMeilisearchEngine } from '../../src/plugins/search/engines/meilisearch/index.js'
import { indexSettings } from '../../src/plugins/search/engines/meilisearch/settings.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { type IndexWarmup, setUpInBackground } from '../../src/plugins/search/warmup.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { type FakeMeilisearch, startFakeMeilisearch } from './fakeMeilisearch.js'
import { searchResponse } from './support.js'

/** A logger that keeps what it is told, one entry per call, and says when a level is next used. */
const recordingLogger = () => {
  const lines: { level: string; message: string }[] = []
  const waiting: { level: string; resolve: () => void }[] = []
  const record = (level: string) => (entry: unknown) => {
    lines.push({ level, message: typeof entry === 'string' ? entry : String((entry as { msg: string }).msg) })
    for (const waiter of waiting.filter((each) => each.level === level)) {
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve()
    }
  }
  const next = (level: string) => new Promise<void>((resolve) => waiting.push({ level, resolve }))
  return { lines, logger: { error: record('error'), info: record('info'), warn: record('warn') } as unknown as Payload['logger'], next }
}

/** A port nothing listens on yet. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

const readinessOf = (warmup: IndexWarmup) => searchIndexComplete({ config: { custom: { search: { warmup } } } } as unknown as Payload)()

const quick = { firstMs: 10, maxMs: 40 }

describe('setting Meilisearch up in the background', () => {
  let fake: FakeMeilisearch | undefined
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })

  it('says in one log line what the key may not do, and sets up what it may', async () => {
    fake = await startFakeMeilisearch()
    const key = fake.addKey({ actions: ['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.*'], indexes: ['truongso'] })
    const { lines, logger } = recordingLogger()

    const warmup = setUpInBackground(createMeilisearchEngine({ apiKey: key.key, host: fake.url, taskPollIntervalMs: 1 }), logger, quick)
    await warmup.finished

    expect(lines.filter((line) => line.level === 'warn')).toEqual([
      {
        level: 'warn',
        message:
          'search: the meilisearch key may not do what search needs: keys.get (tenant tokens, and checking this key); ' +
          'indexes.get, settings.update, documents.add on truongso_tmp_*; keys.create (checked by trying)',
      },
    ])
    expect(await readinessOf(warmup)).toBeUndefined()
  })

  it('keeps trying while Meilisearch does not answer, says so in readiness, and is ready once it answers', async () => {
    const port = await freePort()
    const { lines, logger, next } = recordingLogger()
    const masterKey = 'ci-master-key-not-secret'
    const warned = next('warn')

    const warmup = setUpInBackground(createMeilisearchEngine({ apiKey: masterKey, host: `http://127.0.0.1:${port}`, taskPollIntervalMs: 1 }), logger, quick)
    await warned

    expect(warmup.done).toBe(false)
    expect(await readinessOf(warmup)).toMatch(/^search engine meilisearch not set up: /)
    fake = await startFakeMeilisearch({ masterKey, port })
    await warmup.finished
    expect(warmup.done).toBe(true)
    expect(await readinessOf(warmup)).toBeUndefined()
    expect(lines.at(-1)).toEqual({ level: 'info', message: 'search: meilisearch is set up' })
  })

  it('answers searches while new settings are applied, and readiness names the task until they are', async () => {
    fake = await startFakeMeilisearch()
    fake.seedIndex('truongso', [], { ...indexSettings(), synonyms: {} })
    fake.pauseTasks()
    const { logger, next } = recordingLogger()
    const told = next('info')

    const warmup = setUpInBackground(createMeilisearchEngine({ apiKey: fake.masterKey, host: fake.url, taskPollIntervalMs: 1 }), logger, quick)
    await told

    expect(await readinessOf(warmup)).toMatch(/^Meilisearch task \d+ applies new index settings \(synonyms\)$/)
    fake.resumeTasks()
    await warmup.finished
    expect(await readinessOf(warmup)).toBeUndefined()
  })

  it('stays ready when the new settings fail, keeping the old ones, and logs why', async () => {
    fake = await startFakeMeilisearch()
    fake.seedIndex('truongso', [], { ...indexSettings(), synonyms: {} })
    fake.failNextTask({ code: 'internal', message: 'no space left on device', type: 'settingsUpdate' })
    const { lines, logger } = recordingLogger()

    const warmup = setUpInBackground(createMeilisearchEngine({ apiKey: fake.masterKey, host: fake.url, taskPollIntervalMs: 1 }), logger, quick)
    await expect(warmup.finished).rejects.toThrow('no space left on device')

    expect(warmup).toMatchObject({ done: true, failed: true })
    expect(await readinessOf(warmup)).toBeUndefined()
    expect(lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
      'search: the new index settings could not be applied; searches keep the previous ones',
    ])
  })
})

describe('a CMS started while Meilisearch does not answer', () => {
  const saved = { host: process.env.MEILI_HOST, index: process.env.MEILI_INDEX, key: process.env.MEILI_MASTER_KEY }
  const masterKey = 'startup-master-key'
  let payload: Payload
  let port: number
  let fake: FakeMeilisearch | undefined

  beforeAll(async () => {
    port = await freePort()
    process.env.MEILI_HOST = `http://127.0.0.1:${port}`
    process.env.MEILI_MASTER_KEY = masterKey
    payload = await bootPayload('search-startup', { waitForSearch: false })
  })
  afterAll(async () => {
    await shutdownPayload(payload)
    await fake?.close()
    for (const [name, value] of [['MEILI_HOST', saved.host], ['MEILI_INDEX', saved.index], ['MEILI_MASTER_KEY', saved.key]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('has started, and is not ready for search, saying why', async () => {
    expect(await searchIndexComplete(payload)()).toMatch(/^search engine meilisearch (being set up|not set up: )/)
    expect((await payload.find({ collection: 'users', limit: 1, overrideAccess: true })).docs).toBeDefined()
  })

  it('answers a search with 503 in Vietnamese', async () => {
    const response = await searchResponse(payload, { q: 'học liệu' }, { headers: { 'Accept-Language': 'vi' } })
    expect(response.status).toBe(503)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/tìm kiếm/i)
  })

  it('sets search up once Meilisearch answers, and then searches', async () => {
    fake = await startFakeMeilisearch({ masterKey, port })
    await searchSettingsOf(payload).warmup.finished

    expect(await searchIndexComplete(payload)()).toBeUndefined()
    expect((await searchResponse(payload, { q: 'học liệu' })).status).toBe(200)
  })
})
