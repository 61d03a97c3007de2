/**
 * The embedded engine on its own thread, as the server runs it: it answers as the engine does in
 * one thread, a rebuild reads ahead of indexing by a few batches only, a thread that ends says so
 * until a rebuild replaces it, a script ends once the thread owes it nothing, and Payload's end
 * ends the thread.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/plugins/search/engines/types.js'

import { createEmbeddedEngine } from '../../src/plugins/search/engines/embedded.js'
import { createThreadedEmbeddedEngine } from '../../src/plugins/search/engines/embeddedThread.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { userEnvironment } from '../helpers/server.js'

const subjects = ['Bé tập đếm', 'Cây xanh quanh bé', 'Các con vật nuôi', 'Kế hoạch năm học', 'Phiếu học tập tô màu', 'Bài hát mùa xuân']
const ages = ['nha-tre', 'mau-giao-be', 'mau-giao-nho', 'mau-giao-lon']

const entry = (n: number, fields: Partial<SearchDocument> = {}): SearchDocument => ({
  accessLevel: (['public', 'parents', 'staff', 'leadership'] as const)[n % 4],
  collection: n % 3 ? 'learning-materials' : 'regulatory-documents',
  docId: String(n),
  ...(n % 3 ? {} : { documentNumber: `${n}/KH-UBND` }),
  facets: { ageGroups: [ages[n % 4]], type: n % 2 ? 'giao-an' : 'video', year: 2020 + (n % 5) },
  id: `doc-${n}`,
  publishedAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
  summary: `Tóm tắt số ${n}: ${subjects[(n + 2) % subjects.length]} cho lớp ${ages[n % 4]}`,
  text: `${subjects[n % subjects.length]} — bài số ${n}. `.repeat(20),
  title: `${subjects[n % subjects.length]} ${n}`,
  url: `/hoc-lieu/bai-${n}`,
  ...fields,
})

const batchesOf = (documents: SearchDocument[], size: number) =>
  (async function* () {
    for (let start = 0; start < documents.length; start += size) yield documents.slice(start, start + size)
  })()

/** A promise the test settles when it chooses. */
const gate = () => {
  let open = () => undefined as void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

const query = (q: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  filters: {},
  levels: ['public', 'parents', 'staff', 'leadership'],
  limit: 20,
  page: 1,
  q,
  ...more,
})

/** A result without the engine's own timing, which differs by nature. */
const answerOf = async (engine: SearchEngine, asked: SearchQuery) => {
  const { engineMs: _engineMs, ...answer } = await engine.search(asked)
  return answer
}

const queries: SearchQuery[] = [
  query('bé'),
  query('be tap dem'),
  query('cay xanh', { page: 2, limit: 5 }),
  query('ke hoach nam hoc'),
  query('12/KH-UBND'),
  query('bai hat', { filters: { ageGroups: ['mau-giao-lon'] } }),
  query('phieu hoc tap', { filters: { type: ['video'], year: ['2022', '2023'] } }),
  query('con vật -nuôi'),
  query('"tô màu"', { levels: ['public'] }),
  query(''),
  query('xyzzy không có'),
]

describe('the embedded engine on its own thread', () => {
  const engines: SearchEngine[] = []
  const threaded = (options?: Parameters<typeof createThreadedEmbeddedEngine>[0]) => {
    const engine = createThreadedEmbeddedEngine(options)
    engines.push(engine)
    return engine
  }
  afterAll(async () => {
    for (const engine of engines) await engine.close?.()
  })

  it('answers every search as the engine in one thread does, through rebuilds, writes and removals', async () => {
    const inline = createEmbeddedEngine()
    const engine = threaded()
    const documents = Array.from({ length: 600 }, (_, n) => entry(n))
    for (const each of [inline, engine]) await each.replaceAll(batchesOf(documents, 50))
    for (const asked of queries) expect(await answerOf(engine, asked)).toEqual(await answerOf(inline, asked))

    const writes: ((each: SearchEngine) => Promise<unknown>)[] = [
      (each) => each.upsert([entry(5, { title: 'Bé tập múa' }), entry(1000)]),
      (each) => each.remove(['doc-6', 'doc-7', 'never-indexed']),
      (each) => each.useVocabulary({ facetPhrases: [], stopwords: [], synonyms: [['múa', 'nhảy']], weakWords: [] }),
    ]
    for (const write of writes) {
      for (const each of [inline, engine]) await write(each)
      for (const asked of [...queries, query('nhảy')]) expect(await answerOf(engine, asked)).toEqual(await answerOf(inline, asked))
    }
    expect((await engine.listIds()).sort()).toEqual((await inline.listIds()).sort())
  })

  it('refuses what the engine refuses, with its reason', async () => {
    const engine = threaded()
    await expect(engine.search(query('bé', { levels: [] }))).rejects.toThrow('search without access levels refused')
    // The refusal ended nothing: the next search is answered.
    expect((await engine.search(query('bé'))).total).toBe(0)
  })

  it('keeps answering from the previous index while a rebuild reads, and swaps in the new one at its end', async () => {
    const engine = threaded()
    await engine.upsert([entry(1, { title: 'Chỉ mục cũ' })])
    const { open: release, opened: held } = gate()
    const { open: firstIndexed, opened: indexed } = gate()
    const rebuilding = engine.replaceAll(
      (async function* () {
        yield [entry(2, { title: 'Chỉ mục mới' })]
        await held
      })(),
      firstIndexed,
    )
    // The first batch is indexed on the thread while the reading still goes on.
    await indexed
    expect((await engine.search(query('chi muc'))).hits.map((hit) => hit.title)).toEqual(['Chỉ mục cũ'])
    release()
    expect(await rebuilding).toEqual({ indexed: 1 })
    expect((await engine.search(query('chi muc'))).hits.map((hit) => hit.title)).toEqual(['Chỉ mục mới'])
  })

  it('keeps the previous index when reading for a rebuild fails, and says why', async () => {
    const engine = threaded()
    await engine.upsert([entry(1)])
    const failing = (async function* () {
      yield [entry(2), entry(3)]
      throw new Error('SQLITE_BUSY: database is locked')
    })()
    await expect(engine.replaceAll(failing)).rejects.toThrow('SQLITE_BUSY: database is locked')
    expect(await engine.listIds()).toEqual(['doc-1'])
    // The thread is free for the next rebuild.
    expect(await engine.replaceAll(batchesOf([entry(4), entry(5)], 1))).toEqual({ indexed: 2 })
    expect((await engine.listIds()).sort()).toEqual(['doc-4', 'doc-5'])
  })

  it('reads at most a few batches ahead of what the thread has indexed', async () => {
    const engine = threaded()
    const ahead: number[] = []
    let read = 0
    let indexed = 0
    const documents = Array.from({ length: 4000 }, (_, n) => entry(n))
    await engine.replaceAll(
      (async function* () {
        for (let start = 0; start < documents.length; start += 100) {
          ahead.push(read - indexed)
          read++
          yield documents.slice(start, start + 100)
        }
      })(),
      () => indexed++,
    )
    expect(indexed).toBe(40)
    expect(Math.max(...ahead)).toBeLessThanOrEqual(4)
    // It does read ahead: the thread indexes while the next batch is read.
    expect(Math.max(...ahead)).toBeGreaterThanOrEqual(2)
  })

  it('fails the rebuild at once, keeping the previous index, when the index on the thread refuses a batch', async () => {
    const engine = threaded()
    await engine.upsert([entry(1)])
    const refused = (async function* () {
      yield [entry(2), null as unknown as SearchDocument]
      // More than the thread may have waiting: the reader must not wait for batches never indexed.
      for (let n = 3; n < 20; n++) yield [entry(n)]
    })()
    await expect(engine.replaceAll(refused)).rejects.toThrow(/Cannot read properties of null/)
    expect(await engine.listIds()).toEqual(['doc-1'])
  })

  describe('once its thread runs out of memory', () => {
    /** An engine whose thread ran out of memory, and the error its last write got. */
    const lostEngine = async () => {
      const engine = threaded({ resourceLimits: { maxOldGenerationSizeMb: 48 } })
      await engine.upsert([entry(1)])
      let failure: Error | undefined
      // Every entry brings 4,000 words of its own: the index outgrows 48 MB within a few hundred.
      for (let n = 0; n < 2000 && !failure; n += 50) {
        const words = (m: number) => Array.from({ length: 4000 }, (_, k) => `w${m}x${k}`).join(' ')
        await engine.upsert(Array.from({ length: 50 }, (_, k) => entry(n + k, { text: words(n + k) }))).catch((error: Error) => (failure = error))
      }
      return { engine, failure }
    }
    const gone = /its index is gone until POST \/api\/search\/reindex rebuilds it/

    it('fails every call with the reason', async () => {
      const { engine, failure } = await lostEngine()
      expect(failure?.message).toMatch(/the embedded search thread (failed|ended)/)
      await expect(engine.search(query('bé'))).rejects.toThrow(gone)
      await expect(engine.upsert([entry(2)])).rejects.toThrow(gone)
      await expect(engine.listIds()).rejects.toThrow(gone)
    })

    it('answers again once a reindex, the vocabulary first, has built the index on a new thread', async () => {
      const { engine } = await lostEngine()
      // What POST /api/search/reindex does (reindexAll): the school's vocabulary, then the rebuild.
      await engine.useVocabulary({ facetPhrases: [], stopwords: [], synonyms: [['dựng lại', 'xây lại']], weakWords: [] })
      expect(await engine.replaceAll(batchesOf([entry(3, { title: 'Chỉ mục dựng lại' })], 1))).toEqual({ indexed: 1 })
      expect((await engine.search(query('xay lai'))).hits.map((hit) => hit.title)).toEqual(['Chỉ mục dựng lại'])
      await engine.upsert([entry(4, { title: 'Viết sau khi dựng lại' })])
      expect((await engine.listIds()).sort()).toEqual(['doc-3', 'doc-4'])
    })

    it('gives the new thread a vocabulary saved while it was being built', async () => {
      const { engine } = await lostEngine()
      const { open: release, opened: held } = gate()
      const { open: firstIndexed, opened: indexed } = gate()
      const rebuilding = engine.replaceAll(
        (async function* () {
          yield [entry(3, { title: 'Chỉ mục dựng lại' })]
          await held
        })(),
        firstIndexed,
      )
      await indexed
      await engine.useVocabulary({ facetPhrases: [], stopwords: [], synonyms: [['dựng lại', 'xây lại']], weakWords: [] })
      release()
      expect(await rebuilding).toEqual({ indexed: 1 })
      expect((await engine.search(query('xay lai'))).hits.map((hit) => hit.title)).toEqual(['Chỉ mục dựng lại'])
    })

    it('does not answer from the new thread before its index is complete, nor after its rebuild failed', async () => {
      const { engine } = await lostEngine()
      const { open: release, opened: held } = gate()
      const { open: firstIndexed, opened: indexed } = gate()
      const rebuilding = engine.replaceAll(
        (async function* () {
          yield [entry(5, { title: 'Nửa chỉ mục' })]
          await held
          throw new Error('SQLITE_BUSY: database is locked')
        })(),
        firstIndexed,
      )
      await indexed
      await expect(engine.search(query('nua chi muc'))).rejects.toThrow(gone)
      release()
      await expect(rebuilding).rejects.toThrow('SQLITE_BUSY: database is locked')
      await expect(engine.search(query('nua chi muc'))).rejects.toThrow(gone)
    })
  })

  it('lets a script end once the thread owes it nothing, and not before', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truongso-thread-'))
    const script = path.join(dir, 'script.mts')
    const engineModule = path.resolve('src/plugins/search/engines/embeddedThread.ts')
    // No timer or socket keeps this script alive: only the answers it awaits from the thread.
    writeFileSync(
      script,
      `import { createThreadedEmbeddedEngine } from ${JSON.stringify(engineModule)}
const engine = createThreadedEmbeddedEngine()
await engine.replaceAll((async function* () { yield [${JSON.stringify(entry(1, { title: 'Bé tập đếm' }))}] })())
const { total } = await engine.search(${JSON.stringify(query('be tap dem'))})
console.log('found ' + total)
`,
    )
    const run = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), script], {
      encoding: 'utf8',
      env: userEnvironment({ NODE_OPTIONS: '--conditions=development' }) as NodeJS.ProcessEnv,
      timeout: 60_000,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('found 1')
    expect(run.status).toBe(0)
  })

  it('starts no thread until it is asked to index or search: set up and given its vocabulary, a script starts none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truongso-thread-'))
    const script = path.join(dir, 'script.mts')
    const engineModule = path.resolve('src/plugins/search/engines/embeddedThread.ts')
    writeFileSync(
      script,
      `import { readdirSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createThreadedEmbeddedEngine } from ${JSON.stringify(engineModule)}
const threads = () => readdirSync('/proc/self/task').length
// libuv starts its pool of threads with the first file operation: before counting.
await stat('.')
const before = threads()
const engine = createThreadedEmbeddedEngine()
await engine.setup()
await engine.useVocabulary({ facetPhrases: [], stopwords: [], synonyms: [['dựng lại', 'xây lại']], weakWords: [] })
const idle = threads() - before
await engine.replaceAll((async function* () { yield [${JSON.stringify(entry(1, { title: 'Chỉ mục dựng lại' }))}] })())
const { total } = await engine.search(${JSON.stringify(query('xay lai'))})
console.log(JSON.stringify({ idle, working: threads() - before > 0, total }))
await engine.close()
`,
    )
    const run = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), script], {
      encoding: 'utf8',
      env: userEnvironment({ NODE_OPTIONS: '--conditions=development' }) as NodeJS.ProcessEnv,
      timeout: 60_000,
    })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ idle: 0, working: true, total: 1 })
  })

  it('answers the calls in flight when it closes, and refuses those made after', async () => {
    const engine = threaded()
    await engine.replaceAll(batchesOf(Array.from({ length: 300 }, (_, n) => entry(n)), 100))
    const inFlight = [engine.search(query('be tap dem')), engine.upsert([entry(1000, { title: 'Viết lúc đóng' })])]
    await engine.close?.()
    const [found] = await Promise.all(inFlight)
    expect((found as Awaited<ReturnType<SearchEngine['search']>>).total).toBeGreaterThan(0)
    await expect(engine.search(query('bé'))).rejects.toThrow('the embedded search engine was closed')
  })

  it('ends with the Payload it serves', async () => {
    const payload = await bootPayload('embedded-thread')
    const { engine } = searchSettingsOf(payload)
    await shutdownPayload(payload)
    if (engine.name === 'embedded') await expect(engine.search(query('bé'))).rejects.toThrow('the embedded search engine was closed')
    else expect(engine.close).toBeUndefined()
  })
})
