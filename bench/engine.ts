/**
 * `P10`: what the embedded engine's understanding of a query (Telex and VNI readings, synonyms,
 * relaxation, facet words, tones and highlights) costs over the index it is built on. The same
 * generated documents go into the engine, on its thread as the server runs it (each search
 * crosses to the thread and back), and into a plain MiniSearch index in this thread (default
 * options, one field set, no facets); both answer the bench's queries, one after the other, in
 * rounds.
 *
 *   NODE_OPTIONS=--conditions=development tsx bench/engine.ts [documents] [rounds]
 */
import MiniSearch from 'minisearch'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { SearchQuery } from '../src/plugins/search/engines/types.js'

import { createThreadedEmbeddedEngine } from '../src/plugins/search/engines/embeddedThread.js'
import { searchDocuments } from './generate.js'
import { ratio, stats, timed, type Stats } from './lib.js'
import { searchQueries } from './search.js'

export type EngineCost = { documents: number; embedded: Stats; plain: Stats; p10: number }

const everyLevel: SearchQuery['levels'] = ['public', 'parents', 'staff', 'leadership']

export const measureEngineCost = async (documentCount = 10_000, rounds = 20): Promise<EngineCost> => {
  const documents = searchDocuments(documentCount)
  const engine = createThreadedEmbeddedEngine()
  const plain = new MiniSearch({ fields: ['title', 'summary', 'text'] })
  plain.addAll(documents)
  const embeddedMs: number[] = []
  const plainMs: number[] = []
  try {
    await engine.replaceAll(
      (async function* () {
        yield documents
      })(),
    )
    // The first round warms both up and is not counted.
    for (let round = 0; round <= rounds; round++) {
      for (const q of searchQueries) {
        const ours = await timed(() => engine.search({ filters: {}, levels: everyLevel, limit: 20, page: 1, q }))
        const theirs = await timed(async () => plain.search(q))
        if (round === 0) continue
        embeddedMs.push(ours.ms)
        plainMs.push(theirs.ms)
      }
    }
  } finally {
    await engine.close?.()
  }
  const embedded = stats(embeddedMs)
  const reference = stats(plainMs)
  return { documents: documentCount, embedded, plain: reference, p10: ratio(embedded.p95, reference.p95) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cost = await measureEngineCost(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 20))
  process.stdout.write(
    `P10 on ${cost.documents} documents, ${cost.embedded.n} searches each: embedded p50 ${cost.embedded.p50} ms, p95 ${cost.embedded.p95} ms; ` +
      `plain MiniSearch p50 ${cost.plain.p50} ms, p95 ${cost.plain.p95} ms; ratio ${cost.p10} (target ≤ 2)\n`,
  )
  process.exit(0)
}
