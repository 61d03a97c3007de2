/**
 * The embedded engine on its own: entries replaced and removed while writes keep arriving, as a
 * server seeding or importing content sees them.
 */
import type { SearchDocument, SearchEngine } from '../../src/plugins/search/engines/types.js'

import { createEmbeddedEngine } from '../../src/plugins/search/engines/embedded.js'

const entry = (id: string, title: string): SearchDocument => ({
  accessLevel: 'public',
  collection: 'learning-materials',
  docId: id,
  facets: {},
  id,
  title,
  url: `/hoc-lieu/${id}`,
})

const titlesFound = async (engine: SearchEngine, q: string) =>
  (await engine.search({ filters: {}, levels: ['public'], limit: 50, page: 1, q })).hits.map((hit) => hit.title)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Many distinct long terms, so walking the index takes several batches. */
const code = (prefix: string, n: number) => `${prefix}${String(n).padStart(7, '0')}`

describe('the embedded engine under a stream of writes', () => {
  it('survives replacing hundreds of entries while new words keep arriving (lucaong/minisearch#306)', async () => {
    const engine = createEmbeddedEngine()
    const failures: unknown[] = []
    const onUncaught = (error: unknown) => failures.push(error)
    process.on('uncaughtException', onUncaught)
    try {
      const titleOf = (i: number) => `${code('qz', (i * 7919) % 1_000_003)} ${code('qy', (i * 104_729) % 1_000_003)}`
      for (let i = 0; i < 3000; i++) await engine.upsert([entry(`d${i}`, titleOf(i))])
      // Replacing a fifth of the entries is what used to start MiniSearch's background vacuum.
      for (let i = 0; i < 600; i++) await engine.upsert([entry(`d${i}`, titleOf(i))])
      // Shorter words sharing the long words' beginnings split the nodes a vacuum would be walking.
      for (let k = 0; k < 100; k++) {
        await pause(2)
        await engine.upsert([entry(`n${k}`, `qz${String(k * 37).padStart(3, '0')} qy${String(k * 53).padStart(2, '0')}`)])
      }
      await pause(300)
      expect(failures).toEqual([])
      expect(await engine.listIds()).toHaveLength(3100)
    } finally {
      process.off('uncaughtException', onUncaught)
    }
  })

  it('forgets the words of a replaced entry and everything of a removed one', async () => {
    const engine = createEmbeddedEngine()
    await engine.upsert([entry('a', 'Bé tập đếm đến 10'), entry('b', 'Cây xanh quanh bé')])
    await engine.upsert([entry('a', 'Các con vật nuôi trong gia đình')])
    expect(await titlesFound(engine, 'tap dem')).toEqual([])
    expect(await titlesFound(engine, 'con vat')).toEqual(['Các con vật nuôi trong gia đình'])

    await engine.remove(['b', 'never-indexed'])
    expect(await titlesFound(engine, 'cay xanh')).toEqual([])
    expect(await engine.listIds()).toEqual(['a'])
  })

  it('keeps the latest version when a rebuild meets the same entry twice', async () => {
    const engine = createEmbeddedEngine()
    await engine.replaceAll(
      (async function* () {
        yield [entry('a', 'Tết Nguyên đán cổ truyền')]
        yield [entry('a', 'Quê hương Thủy Nguyên')]
      })(),
    )
    expect(await titlesFound(engine, 'tet')).toEqual([])
    expect(await titlesFound(engine, 'que huong')).toEqual(['Quê hương Thủy Nguyên'])
    await engine.remove(['a'])
    expect(await titlesFound(engine, 'que huong')).toEqual([])
  })
})
