/**
 * A query means the same on both engines: the same table of queries runs on the embedded engine
 * (in this thread and on its own) and on the Meilisearch engine (on the fake, and on a real server when `MEILI_HOST` and
 * `MEILI_MASTER_KEY` name one), and must find the same entries.
 */
import type { SearchDocument, SearchEngine } from '../../src/plugins/search/engines/types.js'

import { createEmbeddedEngine } from '../../src/plugins/search/engines/embedded.js'
import { createThreadedEmbeddedEngine } from '../../src/plugins/search/engines/embeddedThread.js'
import { createMeilisearchEngine } from '../../src/plugins/search/engines/meilisearch/index.js'
import { maxTotalHits, maxValuesPerFacet } from '../../src/plugins/search/engines/types.js'
import { startTarget, type Target, targetNames } from './meilisearch-conformance/target.js'

const entry = (id: string, title: string, fields: Partial<SearchDocument> = {}): SearchDocument => ({
  accessLevel: 'public',
  collection: 'learning-materials',
  docId: id,
  facets: {},
  id: `learning-materials-${id}`,
  title,
  url: `/hoc-lieu/${id}`,
  ...fields,
})

const entries = [
  entry('hoc-lieu', 'Học liệu mầm non', { publishedAt: '2024-03-01' }),
  entry('lieu-hoc', 'Liều thuốc học đường', { publishedAt: '2024-02-01' }),
  entry('dem', 'Bé học đếm đến mười', { publishedAt: '2024-04-01' }),
  entry('ve', 'Bé học vẽ tranh', { publishedAt: '2024-01-01' }),
  entry('cau', 'Cây cầu bắc qua sông. Học sinh đi học', { publishedAt: '2024-05-01' }),
  entry('muoi', 'một hai ba bốn năm sáu bảy tám chín mười', { publishedAt: '2023-01-01' }),
  entry('kh', 'Kế hoạch năm học', { documentNumber: '227/KH-UBND', publishedAt: '2023-06-01' }),
]

/** Query, and the entries it finds (in any order). */
const table: [string, string[]][] = [
  ['học liệu', ['hoc-lieu', 'lieu-hoc']],
  ['"học liệu"', ['hoc-lieu']],
  ['“học liệu”', ['hoc-lieu']],
  ['"hoc lieu"', ['hoc-lieu']],
  ['bé học -vẽ', ['dem']],
  ['bé -"học vẽ"', ['dem']],
  ['học -"học liệu" -liều', ['dem', 've', 'cau', 'kh']],
  ['-học', ['muoi']],
  ['"sông học"', []],
  ['"sông. học"', ['cau']],
  ['227/KH-UBND', ['kh']],
  ['kế hoạch - năm', ['kh']],
  ['một hai ba bốn năm sáu bảy tám chín mười lăm', ['muoi']],
  ['một hai ba bốn năm sáu bảy tám chín "mười một"', []],
]

type Engine = { engine: SearchEngine; target?: Target }

const engines: [string, () => Promise<Engine>][] = [
  ['embedded', async () => ({ engine: createEmbeddedEngine() })],
  ['embedded on its thread', async () => ({ engine: createThreadedEmbeddedEngine() })],
  ...targetNames().map((name): [string, () => Promise<Engine>] => [
    `Meilisearch (${name})`,
    async () => {
      const target = await startTarget(name)
      const engine = createMeilisearchEngine({ apiKey: target.masterKey, host: target.url, indexUid: target.newIndexUid(), taskPollIntervalMs: 5 })
      await (await engine.setup()).settled
      return { engine, target }
    },
  ]),
]

describe.each(engines)('the %s engine', (_name, start) => {
  let engine: SearchEngine
  let target: Target | undefined
  const found = async (q: string, limit = 50) =>
    (await engine.search({ filters: {}, levels: ['public'], limit, page: 1, q })).hits.map((hit) => hit.docId)

  beforeAll(async () => {
    ;({ engine, target } = await start())
    await engine.upsert(entries)
  })
  afterAll(async () => {
    await engine.close?.()
    await target?.cleanUp()
    await target?.close()
  })

  it.each(table)('finds for %s: %j', async (q, expected) => {
    expect((await found(q)).sort()).toEqual([...expected].sort())
  })

  it('lists a query of exclusions alone newest first, as an empty query', async () => {
    expect(await found('-vẽ -đếm')).toEqual(['cau', 'hoc-lieu', 'lieu-hoc', 'kh', 'muoi'])
  })

  it(`counts up to ${maxTotalHits.toLocaleString('en')} hits and counts at most ${maxValuesPerFacet.toLocaleString('en')} values per facet, the most frequent first`, async () => {
    const many = Array.from({ length: maxTotalHits + 2 }, (_, i) =>
      entry(`n${i}`, 'Thông báo nghỉ lễ', { facets: { issuer: i < 2 ? 'PGDĐT' : `CQ${String(i % (maxValuesPerFacet + 50)).padStart(4, '0')}` } }),
    )
    await engine.upsert(many)
    const result = await engine.search({ filters: {}, levels: ['public'], limit: 10, page: maxTotalHits / 10 + 1, q: 'thong bao' })

    expect(result.total).toBe(maxTotalHits)
    expect(result.hits).toEqual([])
    expect(Object.keys(result.facets.issuer!)).toHaveLength(maxValuesPerFacet)
    expect(Object.entries(result.facets.issuer!)[0][1]).toBeGreaterThan(2)
    await engine.remove(many.map((each) => each.id))
  }, 180_000)
})
