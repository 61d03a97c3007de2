import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { SearchDocument, SearchEngine } from '../../src/plugins/search/engines/types.js'
import type { DriftReport, ReindexReport } from '../../src/plugins/search/ops.js'

import { reindexAll } from '../../src/plugins/search/ops.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { type Accounts, createAccounts, driftOf, runSearchQueue, search } from './support.js'

let payload: Payload
let accounts: Accounts
let engine: SearchEngine
const materialIds: number[] = []

const titles = ['Bộ tranh: Mùa xuân trên quê em', 'Bộ tranh: Mùa hạ rực rỡ', 'Bộ tranh: Mùa thu lá vàng', 'Bộ tranh: Mùa đông ấm áp']

beforeAll(async () => {
  payload = await bootPayload('search-ops')
  accounts = await createAccounts(payload, 'ops')
  engine = searchSettingsOf(payload).engine
  for (const title of titles) {
    const { id } = await payload.create({
      collection: 'learning-materials',
      data: { _status: 'published', accessLevel: 'public', materialType: 'pictures', title },
      depth: 0,
      overrideAccess: false,
      user: accounts.reviewer.user,
    })
    materialIds.push(id)
  }
  await runSearchQueue(payload)
})
afterAll(async () => shutdownPayload(payload))

const entry = (id: number) => `learning-materials-${id}`

const bogus: SearchDocument = {
  accessLevel: 'public',
  collection: 'learning-materials',
  docId: '999999',
  facets: {},
  id: 'learning-materials-999999',
  title: 'Bộ tranh: Mùa của một tài liệu đã xóa',
  url: '/hoc-lieu/da-xoa',
}

const check = async (): Promise<DriftReport> => {
  const response = await rest(payload, '/search/check', { token: accounts.admin.token })
  expect(response.status).toBe(200)
  return (await response.json()) as DriftReport
}

const reindex = async (): Promise<ReindexReport> => {
  const response = await rest(payload, '/search/reindex', { method: 'POST', token: accounts.admin.token })
  expect(response.status).toBe(200)
  return (await response.json()) as ReindexReport
}

const foundIds = async (q: string) => (await search(payload, { limit: '50', q })).hits.map((hit) => hit.id)

/**
 * What the query finds with every one of its words: a search that matches nothing in full relaxes
 * and says which words it left out (issue 15); those answers hold none of the words' entries.
 */
const foundWithEveryWord = async (q: string) => {
  const answer = (await search(payload, { limit: '50', q })) as { hits: Array<{ id: string }>; ignored?: string[] }
  return answer.ignored?.length ? [] : answer.hits.map((hit) => hit.id)
}

/**
 * Holds the engine's rebuild just before it swaps the new index in, so the test can act while a
 * reindex is under way. `started` resolves once every batch has been read from the database.
 */
const holdReindexBeforeSwap = () => {
  const original = engine.replaceAll
  let release!: () => void
  let markStarted!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  engine.replaceAll = (batches, onProgress) =>
    original(
      (async function* () {
        yield* batches
        markStarted()
        await gate
      })(),
      onProgress,
    )
  return { release, restore: () => (engine.replaceAll = original), started }
}

describe('an index that drifted from the database', () => {
  beforeAll(async () => {
    await engine.remove([entry(materialIds[1])])
    await engine.upsert([bogus])
  })

  it('is reported by checkDrift, both ways', async () => {
    expect(await driftOf(payload)).toEqual({ extra: [bogus.id], inSync: false, missing: [entry(materialIds[1])] })
  })

  it('is reported by /api/search/check to an administrator', async () => {
    expect(await check()).toEqual({ extra: [bogus.id], inSync: false, missing: [entry(materialIds[1])] })
  })

  it('is repaired by /api/search/reindex, after which check reports it in sync', async () => {
    const report = await reindex()
    expect(report).toMatchObject({
      counts: { announcements: 0, 'learning-materials': titles.length, 'library-items': 0, 'regulatory-documents': 0 },
      indexed: titles.length,
    })
    expect(await check()).toEqual({ extra: [], inSync: true, missing: [] })
    expect(await foundIds('mùa hạ rực rỡ')).toEqual([entry(materialIds[1])])
    expect(await foundIds('tài liệu đã xóa')).toEqual([])
  })
})

describe('searches during a reindex', () => {
  it('keep answering, with results, while the new index is being built', async () => {
    const hold = holdReindexBeforeSwap()
    try {
      const reindexing = reindex()
      await hold.started
      const answers = await Promise.all(['mùa xuân', 'mua thu', 'bộ tranh', ''].map((q) => search(payload, { q })))
      expect(answers.map((answer) => answer.total)).toEqual([1, 1, titles.length, titles.length])
      hold.release()
      expect(await reindexing).toMatchObject({ indexed: titles.length })
    } finally {
      hold.restore()
    }
    expect(await foundIds('bộ tranh')).toHaveLength(titles.length)
  })

  it('keep answering when the reindex and the searches are simply started together', async () => {
    const [report, ...answers] = await Promise.all([
      reindex(),
      ...Array.from({ length: 20 }, (_, n) => search(payload, { q: n % 2 ? 'mùa đông' : 'bo tranh' })),
    ])
    expect(report).toMatchObject({ indexed: titles.length })
    for (const [n, answer] of (answers as Awaited<ReturnType<typeof search>>[]).entries()) {
      expect(answer.total).toBe(n % 2 ? 1 : titles.length)
    }
  })
})

describe('a write made while a reindex runs', () => {
  const asReviewer = () => ({ depth: 0, overrideAccess: false, user: accounts.reviewer.user })

  /** Runs `write` and the queue while a reindex is held before its swap, then lets it finish. */
  const duringReindex = async <T>(write: () => Promise<T>): Promise<T> => {
    const hold = holdReindexBeforeSwap()
    try {
      const reindexing = reindex()
      await hold.started
      const result = await write()
      await runSearchQueue(payload)
      hold.release()
      await reindexing
      return result
    } finally {
      hold.restore()
    }
  }

  afterEach(async () => {
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
  })

  it('is not lost when it publishes a document', async () => {
    const { id } = await duringReindex(() =>
      payload.create({
        collection: 'learning-materials',
        data: { _status: 'published', accessLevel: 'public', materialType: 'pictures', title: 'Bộ tranh: Mùa lúa chín' },
        ...asReviewer(),
      }),
    )
    expect(await foundIds('mùa lúa chín')).toEqual([entry(id)])
  })

  it('is not undone when it unpublishes a document', async () => {
    await duringReindex(() =>
      payload.update({ collection: 'learning-materials', data: { _status: 'draft' }, id: materialIds[0], ...asReviewer() }),
    )
    expect(await foundWithEveryWord('mùa xuân')).toEqual([])
  })

  it('is not undone when it deletes a document', async () => {
    await duringReindex(() => payload.update({ collection: 'learning-materials', id: materialIds[2], data: { deletedAt: new Date().toISOString() }, ...asReviewer() }))
    expect(await foundWithEveryWord('mùa thu lá vàng')).toEqual([])
  })

  it('is not lost when it renames the author of indexed documents', async () => {
    await duringReindex(() =>
      payload.update({ collection: 'users', data: { name: 'Lương Thị Bích Ngọc' }, id: accounts.reviewer.user.id, depth: 0, overrideAccess: false, user: accounts.admin.user }),
    )
    expect(await foundIds('Bích Ngọc')).toContain(entry(materialIds[3]))
  })
})

describe('a rebuild of many documents', () => {
  it('lets the server answer other requests between its pages', async () => {
    // More than one page of announcements, written straight to the database (no hooks, no queue).
    for (let i = 0; i < 230; i++) {
      await payload.db.create({
        collection: 'announcements',
        data: { _status: 'published', accessLevel: 'public', category: 'notice', slug: `thong-bao-so-${i}`, title: { vi: `Thông báo số ${i}` } },
      })
    }
    // Whether other work (an HTTP request) got its turn since the previous page arrived.
    const turns: boolean[] = []
    let otherWorkRan = true
    const watching: SearchEngine = {
      ...engine,
      replaceAll: async (batches) => {
        let indexed = 0
        for await (const batch of batches) {
          turns.push(otherWorkRan)
          otherWorkRan = false
          setImmediate(() => (otherWorkRan = true))
          indexed += batch.length
        }
        return { indexed }
      },
    }
    const report = await reindexAll({ ...searchSettingsOf(payload), engine: watching }, await createLocalReq({}, payload))
    expect(report.counts.announcements).toBe(230)
    expect(turns.length).toBeGreaterThan(2)
    expect(turns.every(Boolean)).toBe(true)
  })
})
