/**
 * How well search answers the judged queries (`relevance/judged.ts`): nDCG@5 over the set, over
 * the demo content as an administrator sees it, through `/api/search` on the engine the
 * environment names (the embedded one, or Meilisearch when `MEILI_HOST` is set), and through the
 * Meilisearch engine on the request-level fake with the same entries. Each query's figure and top
 * five go to `test-results/relevance-<engine>.json` for `bench/results.md`.
 */
import type { Payload } from 'payload'

import { mkdirSync, writeFileSync } from 'node:fs'
import { createLocalReq } from 'payload'

import type { SearchDocument, SearchEngine } from '../../src/plugins/search/engines/types.js'

import { createMeilisearchEngine } from '../../src/plugins/search/engines/meilisearch/index.js'
import { reindexAll } from '../../src/plugins/search/ops.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { vocabularyWith } from '../../src/plugins/search/vocabulary.js'
import { readSchoolVocabulary } from '../../src/plugins/search/vocabularyGlobal.js'
import { seedDemo } from '../../src/seed/seedDemo.js'
import { tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { startFakeMeilisearch } from './fakeMeilisearch.js'
import { judgedQueries, ndcgAt } from './relevance/judged.js'
import { runSearchQueue, search } from './support.js'

let payload: Payload
let token: string

beforeAll(async () => {
  payload = await bootPayload('search-relevance')
  await seedDemo(payload)
  await runSearchQueue(payload)
  token = await tokenFor(payload, 'admin@truongso.test', 'truongso-demo')
}, 600_000)
afterAll(async () => shutdownPayload(payload))

/** nDCG@5 of every judged query and their mean, written down for `bench/results.md`. */
const measure = async (engine: string, titlesFor: (q: string) => Promise<string[]>) => {
  const queries = []
  for (const judged of judgedQueries) {
    const top = await titlesFor(judged.q)
    queries.push({ kind: judged.kind, ndcg: Math.round(ndcgAt(5, judged.relevant, top) * 1000) / 1000, q: judged.q, top })
  }
  const mean = queries.reduce((sum, each) => sum + each.ndcg, 0) / queries.length
  mkdirSync('test-results', { recursive: true })
  writeFileSync(`test-results/relevance-${engine}.json`, `${JSON.stringify({ engine, ndcgAt5: Math.round(mean * 1000) / 1000, queries }, null, 2)}\n`)
  return { mean, worst: queries.filter((each) => each.ndcg < 0.5) }
}

/** The entries the index holds, shaped from the database as a rebuild shapes them. */
const shapedEntries = async (): Promise<SearchDocument[]> => {
  const settings = searchSettingsOf(payload)
  const entries: SearchDocument[] = []
  const capture: SearchEngine = {
    ...settings.engine,
    replaceAll: async (batches) => {
      for await (const batch of batches) entries.push(...batch)
      return { indexed: entries.length }
    },
  }
  await reindexAll({ ...settings, engine: capture }, await createLocalReq({}, payload))
  return entries
}

it('holds at least 50 judged queries of every kind people type', () => {
  expect(judgedQueries.length).toBeGreaterThanOrEqual(50)
  expect(new Set(judgedQueries.map((each) => each.kind))).toEqual(new Set(['natural', 'school', 'telex', 'typo', 'unaccented', 'vni']))
})

it('ranks the judged answers with an nDCG@5 of at least 0.8 through /api/search', async () => {
  const engine = searchSettingsOf(payload).engine.name
  const { mean, worst } = await measure(engine, async (q) => (await search(payload, { limit: '5', q }, { token })).hits.map((hit) => hit.title))
  expect({ mean: mean >= 0.8 ? 'at least 0.8' : mean, worst }).toEqual({ mean: 'at least 0.8', worst: expect.anything() })
}, 120_000)

it('ranks them with an nDCG@5 of at least 0.8 on the Meilisearch engine against the fake', async () => {
  const fake = await startFakeMeilisearch()
  try {
    // The school's words as the demo saved them in "Từ đồng nghĩa và viết tắt", as the plugin reads them.
    const vocabulary = vocabularyWith(await readSchoolVocabulary(searchSettingsOf(payload), await createLocalReq({}, payload)))
    const engine = createMeilisearchEngine({ apiKey: fake.masterKey, host: fake.url, indexUid: 'judged', taskPollIntervalMs: 5, vocabulary })
    await (await engine.setup()).settled
    await engine.upsert(await shapedEntries())
    const levels = ['public', 'parents', 'staff', 'leadership'] as const
    const { mean, worst } = await measure('meilisearch-fake', async (q) =>
      (await engine.search({ filters: {}, levels: [...levels], limit: 5, page: 1, q })).hits.map((hit) => hit.title),
    )
    expect({ mean: mean >= 0.8 ? 'at least 0.8' : mean, worst }).toEqual({ mean: 'at least 0.8', worst: expect.anything() })
  } finally {
    await fake.close()
  }
}, 300_000)
