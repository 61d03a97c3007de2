/**
 * P2/P3 (a REST list against the Local API's own cost) and P6 (a full reindex against the engine's
 * own bulk add), measured against a running server and this process's Payload on the same
 * database. `npm run bench` calls these; `npm run bench:lists` runs them alone, on a data folder
 * generated once and kept (BENCH_DATA_DIR, default bench/out/lists-data):
 *
 *   npm run bench:lists [-- p2|p6]
 */
import type { Payload } from 'payload'

import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { SearchDocument, SearchEngine } from '../src/plugins/search/engines/types.js'

import { readOpsTokenOf, reindexOnce, type ReindexRun } from './search.js'
import { getKeptAlive, processCpuMs, ratio, startBenchServer, stats, stopChild, timed, type Stats } from './lib.js'

/** Counts SQL statements sent by this process's Payload (drizzle calls the client per statement). */
export const countStatements = (payload: Payload) => {
  const client = (payload.db as unknown as { client: Record<string, (...args: unknown[]) => unknown> }).client
  let count = 0
  for (const method of ['execute', 'batch', 'executeMultiple'] as const) {
    const original = client[method]?.bind(client)
    if (original) client[method] = (...args: unknown[]) => (count++, original(...args))
  }
  return { reset: () => (count = 0), read: () => count }
}

/**
 * A different address for every list asked, across calls too: the server keeps anonymous answers
 * in memory, and P2/P3 are about answering the query (P4 measures the kept answers).
 */
let uncachedRound = 0

type ListCall = 'local0' | 'localAnon0' | 'localAnon1' | 'rest0' | 'rest1'

export type ListsMeasure = {
  /**
   * The first call of each block, which follows a block of another kind: the cold side of each
   * measure (the server's list path after Local API calls had the cores, and the other way round).
   */
  firstOfBlock: Record<ListCall, Stats>
  /**
   * P2 (REST depth 0 ÷ Local override depth 0) and P3 (REST depth 1 ÷ depth 0), each the median
   * over the rounds of the two blocks' medians in the same round; `byRound` keeps each round's.
   */
  ratios: { byRound: { p2: number[]; p3: number[] }; p2: number; p3: number }
  s: Record<ListCall, Stats>
  statementsDepth0: number
  statementsDepth1: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const rounded = (value: number): number => Math.round(value * 1000) / 1000

/**
 * Each round's ratio of `a`'s block median to `b`'s in the same round. The machine's speed here
 * drifts from minute to minute (the same REST list: 6.89 and 5.02 ms p50 in two runs a minute
 * apart); blocks a quarter of a second apart share the moment's speed, which the medians of a
 * whole run mix.
 */
const ratiosByRound = (a: number[][], b: number[][]): number[] => a.map((block, round) => ratio(median(block), median(b[round]!)))

/**
 * The same list of 20 published materials asked for over REST (anonymous) and through the Local
 * API, each kind of call in blocks of `blockSize` in a row, the blocks interleaved round by round
 * so the machine's load falls on all of them alike. The rounds vary where they start along the
 * circle of calls and the stride they take around it (the circle has 5 calls, a prime, so strides
 * 1–4 each visit every call): over any 20 rounds in a row every block comes right after each of
 * the others as often, so `measuredRounds` is a multiple of 20.
 *
 * Each side is measured in its steady state, as a server answering a stream of requests is: a
 * call at a time interleaved had each REST list follow Local API calls that had the two cores to
 * themselves, and the server's list path, idle meanwhile, came back to it cold — 1.6–1.8 ms more
 * of its main thread per list than back to back (README, "Benchmarks"), which a Local API call
 * following another never paid. That cold side is kept too: `firstOfBlock`.
 */
export const measureLists = async (
  serverUrl: string,
  payload: Payload,
  statements: ReturnType<typeof countStatements>,
  { blockSize = 10, measuredRounds = 40 } = {},
): Promise<ListsMeasure> => {
  const where = { _status: { equals: 'published' } } as const
  const listUrl = (depth: number) => `${serverUrl}/api/learning-materials?limit=20&depth=${depth}&where[_status][equals]=published&round=${uncachedRound++}`
  const local = (depth: number, overrideAccess: boolean) =>
    payload.find({ collection: 'learning-materials', depth, limit: 20, overrideAccess, where })
  const calls: Record<keyof ListsMeasure['s'], () => Promise<unknown>> = {
    rest0: () => getKeptAlive(listUrl(0)),
    local0: () => local(0, true),
    rest1: () => getKeptAlive(listUrl(1)),
    localAnon0: () => local(0, false),
    localAnon1: () => local(1, false),
  }
  const circle = Object.keys(calls) as ListCall[]
  const blocks = Object.fromEntries(circle.map((key) => [key, [] as number[][]])) as Record<ListCall, number[][]>
  // V8 was still compiling the server's list path for its first ~1,500 requests (TurboFan's
  // compile time per 100 requests fell from 389 to 30–110 ms, `--trace-opt`): these rounds make
  // 1,500 REST lists and 2,250 Local API calls before any is timed.
  const warmUpRounds = Math.ceil(750 / blockSize)
  for (let i = 0; i < warmUpRounds + measuredRounds; i++) {
    const start = i % circle.length
    const stride = 1 + (Math.floor(i / circle.length) % (circle.length - 1))
    for (let step = 0; step < circle.length; step++) {
      const key = circle[(start + step * stride) % circle.length]!
      const block: number[] = []
      for (let call = 0; call < blockSize; call++) block.push((await timed(calls[key])).ms)
      if (i >= warmUpRounds) blocks[key].push(block)
    }
  }
  const s = Object.fromEntries(circle.map((key) => [key, stats(blocks[key].flat())])) as ListsMeasure['s']
  const firstOfBlock = Object.fromEntries(circle.map((key) => [key, stats(blocks[key].map((block) => block[0]!))])) as ListsMeasure['firstOfBlock']
  const byRound = { p2: ratiosByRound(blocks.rest0, blocks.local0), p3: ratiosByRound(blocks.rest1, blocks.rest0) }
  const ratios = { byRound, p2: rounded(median(byRound.p2)), p3: rounded(median(byRound.p3)) }
  statements.reset()
  await local(0, false)
  const statementsDepth0 = statements.read()
  statements.reset()
  await local(1, false)
  const statementsDepth1 = statements.read()
  return { firstOfBlock, ratios, s, statementsDepth0, statementsDepth1 }
}

export type ListCpu = { answerBytes: number; localMs: number; serverMs: number }

/**
 * CPU per list rather than wall time, which the machine's load moves by ±50 % here: the server's
 * own CPU per anonymous REST list of 20 (depth 0), less what it spends idle meanwhile (its job
 * queue), and this process's CPU per Local API find, overrideAccess, depth 0.
 */
export const measureListCpu = async (serverUrl: string, serverPid: number, payload: Payload, requests = 300): Promise<ListCpu> => {
  const listUrl = () => `${serverUrl}/api/learning-materials?limit=20&depth=0&where[_status][equals]=published&round=${uncachedRound++}`
  const answerBytes = Buffer.byteLength((await getKeptAlive(listUrl())).body)
  const idleStart = processCpuMs(serverPid)
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const idlePerMs = (processCpuMs(serverPid) - idleStart) / 3000
  const serverStart = processCpuMs(serverPid)
  const { ms } = await timed(async () => {
    for (let i = 0; i < requests; i++) await getKeptAlive(listUrl())
  })
  const serverMs = (processCpuMs(serverPid) - serverStart - idlePerMs * ms) / requests
  const local = process.cpuUsage()
  for (let i = 0; i < requests; i++) {
    await payload.find({ collection: 'learning-materials', depth: 0, limit: 20, overrideAccess: true, where: { _status: { equals: 'published' } } })
  }
  const used = process.cpuUsage(local)
  const round2 = (value: number) => Math.round(value * 100) / 100
  return { answerBytes, localMs: round2((used.user + used.system) / 1000 / requests), serverMs: round2(serverMs) }
}

/** The documents a full reindex feeds the engine, shaped by the plugin's own pipeline. */
const shapedDocuments = async (payload: Payload): Promise<SearchDocument[][]> => {
  const { searchSettingsOf } = await import('../src/plugins/search/settingsOf.js')
  const { reindexAll } = await import('../src/plugins/search/ops.js')
  const { createLocalReq } = await import('payload')
  const options = searchSettingsOf(payload)
  const batches: SearchDocument[][] = []
  const capture: SearchEngine = {
    ...options.engine,
    replaceAll: async (input) => {
      for await (const batch of input) batches.push(batch)
      return { indexed: batches.flat().length }
    },
  }
  await reindexAll({ ...options, engine: capture }, await createLocalReq({}, payload))
  return batches
}

export type ReindexMeasure = {
  bulkRates: number[]
  reindexRates: number[]
  reindexRuns: ReindexRun[]
  shapedCount: number
  /** Documents per second of CPU time: the server process's during each reindex, this process's during each bulk add (GC threads included on both sides). */
  cpuRates?: { bulk: number[]; reindex: number[] }
}

/**
 * Full reindexes over REST, each followed by the engine's own bulk add of the same shaped documents:
 * the engine in this thread, with no hand-over to a thread to pay, as the stricter reference.
 * With the server's `pid` on Linux, the CPU time of both sides too: on a shared machine the wall
 * clock of the same reindex varies twofold, its CPU time by about a tenth.
 */
export const measureReindex = async (serverUrl: string, payload: Payload, dataDir: string, runs = 3, serverPid?: number): Promise<ReindexMeasure> => {
  const batches = await shapedDocuments(payload)
  const shapedCount = batches.flat().length
  const { createEmbeddedEngine } = await import('../src/plugins/search/engines/embedded.js')
  const opsToken = readOpsTokenOf(dataDir)
  const reindexRates: number[] = []
  const bulkRates: number[] = []
  const reindexRuns: ReindexRun[] = []
  const measuresCpu = serverPid !== undefined && existsSync(`/proc/${serverPid}/stat`)
  const cpuRates = { bulk: [] as number[], reindex: [] as number[] }
  for (let i = 0; i < runs; i++) {
    const serverCpu = measuresCpu ? processCpuMs(serverPid) : 0
    const run = await reindexOnce(serverUrl, opsToken)
    if (measuresCpu) cpuRates.reindex.push(Math.round(run.indexed / ((processCpuMs(serverPid) - serverCpu) / 1000)))
    reindexRuns.push(run)
    reindexRates.push(run.docsPerSecond)
    const ownCpu = process.cpuUsage()
    const { ms } = await timed(() => createEmbeddedEngine().replaceAll((async function* () { yield* batches })()))
    const { system, user } = process.cpuUsage(ownCpu)
    cpuRates.bulk.push(Math.round(shapedCount / ((system + user) / 1e6)))
    bulkRates.push(Math.round(shapedCount / (ms / 1000)))
  }
  return { bulkRates, reindexRates, reindexRuns, shapedCount, ...(measuresCpu ? { cpuRates } : {}) }
}

const main = async () => {
  const which = process.argv[2]
  const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/out/lists-data')
  process.env.DATA_DIR = dataDir
  process.env.MEDIA_DIR = path.join(dataDir, 'media')
  delete process.env.DATABASE_URL
  const { ensurePayloadSecret } = await import('../src/lib/secret.js')
  ensurePayloadSecret()
  const generatedBefore = existsSync(path.join(dataDir, '.ops-token'))
  // This process searches nothing of its own (P6 builds its engines itself): opening 10,000
  // documents, it would build its embedded index in the background while P2 measures. Generating
  // starts from an empty database, where the build costs nothing.
  if (generatedBefore) (await import('../src/lib/serverProcess.js')).markProcessThatNeverSearches()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config.js')
  // Generating opens Payload, and Payload is one per process: the bench reads through that one.
  const payload = generatedBefore
    ? await getPayload({ config })
    : await (async () => {
        const { generate } = await import('./generate.js')
        process.stdout.write(`generating 10000 documents into ${dataDir}…\n`)
        return (await generate({ count: Number(process.env.BENCH_DOCS ?? 10_000), dataDir, keepOpen: true })).payload!
      })()
  // The server writes too (its jobs queue): wait for its writes rather than fail with SQLITE_BUSY.
  await (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute('PRAGMA busy_timeout = 5000')
  const statements = countStatements(payload)
  const server = await startBenchServer(dataDir)
  try {
    if (which !== 'p6') {
      const { firstOfBlock, ratios, s } = await measureLists(server.url, payload, statements)
      const cpu = await measureListCpu(server.url, server.pid, payload)
      process.stdout.write(
        `P2 REST depth 0 p50 ${s.rest0.p50} ms (p95 ${s.rest0.p95}) ÷ Local override p50 ${s.local0.p50} ms (p95 ${s.local0.p95}) = ${ratio(s.rest0.p50, s.local0.p50)}; ` +
          `by round ${ratios.p2} (Local anonymous ${s.localAnon0.p50} ms; REST depth 1 ${s.rest1.p50} ms, Local anonymous depth 1 ${s.localAnon1.p50} ms)\n` +
          `P3 REST depth 1 ÷ depth 0 = ${ratio(s.rest1.p50, s.rest0.p50)}; by round ${ratios.p3}\n` +
          `P2 first call of each block: REST ${firstOfBlock.rest0.p50} ms ÷ Local override ${firstOfBlock.local0.p50} ms = ${ratio(firstOfBlock.rest0.p50, firstOfBlock.local0.p50)}\n` +
          `P2 CPU per list: server ${cpu.serverMs} ms for REST (${cpu.answerBytes} bytes) ÷ Local override ${cpu.localMs} ms = ${ratio(cpu.serverMs, cpu.localMs)}\n`,
      )
    }
    if (which !== 'p2') {
      const p6 = await measureReindex(server.url, payload, dataDir, 3, server.pid)
      process.stdout.write(
        `P6 reindex ${p6.reindexRates.join(', ')} docs/s ÷ replaceAll ${p6.bulkRates.join(', ')} docs/s (${p6.shapedCount} docs) = ` +
          `${ratio(median(p6.reindexRates), median(p6.bulkRates))}\n`,
      )
      if (p6.cpuRates) {
        process.stdout.write(
          `P6 by CPU time: reindex ${p6.cpuRates.reindex.join(', ')} docs/CPU-s ÷ replaceAll ${p6.cpuRates.bulk.join(', ')} docs/CPU-s = ` +
            `${ratio(median(p6.cpuRates.reindex), median(p6.cpuRates.bulk))}\n`,
        )
      }
    }
  } finally {
    await stopChild(server.child)
    await payload.destroy()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
  process.exit(0)
}
