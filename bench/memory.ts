/**
 * P8 and P9: what the number of documents costs the built server at start and in memory. Three
 * data folders are started in turn, each several times and interleaved so the machine's other
 * work falls on all of them alike:
 * - 10,000 generated documents (or the folder `bench/run.ts` already filled);
 * - the demo school (about 100 documents, real files), loaded by a first start as a user meets it;
 * - no documents: the accounts and a few images only, as generated with a count of 0 (a folder
 *   with no accounts at all would load the demo instead).
 *
 * P9 is the peak resident memory (VmHWM) from spawn to the end of the P4 load (the announcements
 * list, 32 in flight, revalidated then read whole, two rounds); P8 the time from spawn to the
 * first content answer.
 *
 *   npm run bench:memory [-- runs]        # BENCH_DOCS (10,000), BENCH_DATA_DIR as in bench/backup.ts
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { type BenchServer, get, load, peakRssMb, ratio, startBenchServer, stats, stopChild } from './lib.js'
import { searchQueries } from './search.js'

/** Resident memory now, in MB (Linux). */
const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((each) => each.startsWith('VmRSS:'))
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024)
}

/** Fills `dataDir` with `count` generated documents in a process of its own (Payload is one per process). */
export const generateInChild = (dataDir: string, count: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env.DATABASE_URL
    delete env.MEILI_HOST
    const script = fileURLToPath(new URL('./generate.ts', import.meta.url))
    const child = spawn(process.execPath, [...process.execArgv, script, dataDir, String(count)], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate ${count} exited with ${code}:\n${output}`))))
  })

/** The demo as a first `npm start` loads it: the server seeds the empty folder, then stops. */
export const loadDemo = async (dataDir: string): Promise<void> => {
  const server = await startBenchServer(dataDir)
  await stopChild(server.child)
}

export type StartRun = {
  start: BenchServer['start']
  /** VmHWM once `/readyz` answers (the search index complete), and at the end of the load. */
  peakReadyMb: number
  peakMb: number
  /** VmRSS once ready and at the end of the load. */
  rssReadyMb: number
  rssAfterLoadMb: number
  loadRps?: number[]
  /** VmHWM after the P4 load and then the bench's search queries, six times over, one at a time. */
  peakAfterSearchesMb?: number
}

/** One cold start of the built server on `dataDir`, then (with `underLoad`) the P4 load. */
export const startOnce = async (dataDir: string, underLoad: boolean): Promise<StartRun> => {
  const server = await startBenchServer(dataDir)
  try {
    const peakReadyMb = peakRssMb(server.pid)
    const rssReadyMb = rssMb(server.pid)
    const loadRps: number[] = []
    if (underLoad) {
      const url = `${server.url}/api/announcements?limit=10&depth=1`
      const etag = (await get(url)).response.headers.get('etag') ?? ''
      for (let round = 0; round < 2; round++) {
        loadRps.push((await load(() => ({ url, headers: { 'if-none-match': etag } }))).rps)
        loadRps.push((await load(() => ({ url }))).rps)
      }
    }
    const run: StartRun = { start: server.start, peakReadyMb, peakMb: peakRssMb(server.pid), rssReadyMb, rssAfterLoadMb: rssMb(server.pid) }
    if (!underLoad) return run
    // Not part of P9, but what made the peak of the whole bench: a search drops all it built at once.
    for (let i = 0; i < 6 * searchQueries.length; i++) await get(`${server.url}/api/search?q=${encodeURIComponent(searchQueries[i % searchQueries.length])}`)
    return { ...run, loadRps, peakAfterSearchesMb: peakRssMb(server.pid) }
  } finally {
    await stopChild(server.child)
  }
}

export type Footprint = {
  count: number
  runs: { demo: StartRun[]; empty: StartRun[]; large: StartRun[] }
  /** Median VmHWM under load, MB. */
  peakLargeMb: number
  peakDemoMb: number
  p9: number
  /** Median milliseconds from spawn to the first content answer. */
  contentLargeMs: number
  contentEmptyMs: number
  p8: number
}

/**
 * Measures P8 and P9, `runs` starts of each folder, interleaved. `largeDir` is a folder already
 * holding `count` generated documents (no server running on it); without it one is generated.
 */
export const measureFootprint = async ({ count = 10_000, largeDir, runs = 3 }: { count?: number; largeDir?: string; runs?: number } = {}): Promise<Footprint> => {
  const folder = (name: string) => mkdtempSync(path.join(tmpdir(), `truongso-bench-${name}-`))
  const large = largeDir ?? folder('large')
  if (!largeDir) await generateInChild(large, count)
  const empty = folder('empty')
  await generateInChild(empty, 0)
  const demo = folder('demo')
  await loadDemo(demo)
  const result: Footprint['runs'] = { demo: [], empty: [], large: [] }
  for (let i = 0; i < runs; i++) {
    result.large.push(await startOnce(large, true))
    result.empty.push(await startOnce(empty, false))
    result.demo.push(await startOnce(demo, true))
  }
  const median = (values: number[]) => stats(values).p50
  const peakLargeMb = median(result.large.map((run) => run.peakMb))
  const peakDemoMb = median(result.demo.map((run) => run.peakMb))
  const contentLargeMs = median(result.large.map((run) => run.start.contentMs))
  const contentEmptyMs = median(result.empty.map((run) => run.start.contentMs))
  return {
    count,
    runs: result,
    peakLargeMb,
    peakDemoMb,
    p9: ratio(peakLargeMb, peakDemoMb),
    contentLargeMs,
    contentEmptyMs,
    p8: ratio(contentLargeMs, contentEmptyMs),
  }
}

/** One line per start: when it answered, and its memory once ready and after the load. */
export const describeRuns = (runs: StartRun[]): string =>
  runs
    .map((run) =>
      `content ${run.start.contentMs} ms, ready ${run.start.readyMs} ms, VmHWM ${run.peakReadyMb}→${run.peakMb} MB${run.peakAfterSearchesMb ? ` (after searches ${run.peakAfterSearchesMb} MB)` : ''}, VmRSS ${run.rssReadyMb}→${run.rssAfterLoadMb} MB`,
    )
    .join('; ')

/** The rows of `bench/run.ts`, in its shape. */
export const footprintRows = (f: Footprint) => [
  {
    id: 'P9', measure: `peak RSS (VmHWM) of the built server from spawn to the end of the P4 load with ${f.count} documents ÷ the same with the demo (median of ${f.runs.large.length} starts each)`,
    ours: `${f.peakLargeMb} MB (${describeRuns(f.runs.large)})`, reference: `demo ${f.peakDemoMb} MB (${describeRuns(f.runs.demo)})`,
    ratio: f.p9, target: '≤ 1.5 and ≤ 600 MB', pass: f.p9 <= 1.5 && f.peakLargeMb <= 600,
  },
  {
    id: 'P8', measure: `cold start of the built server to its first content answer (GET /api/announcements 200) with ${f.count} documents ÷ with none (accounts only), median of ${f.runs.large.length} starts each`,
    ours: `${f.contentLargeMs} ms`, reference: `${f.contentEmptyMs} ms (${describeRuns(f.runs.empty)})`,
    ratio: f.p8, target: '≤ 1.3', pass: f.p8 <= 1.3,
  },
]

/** `BENCH_DATA_DIR` starts a data folder generated before (by an earlier run) instead of a new one. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const footprint = await measureFootprint({ count: Number(process.env.BENCH_DOCS ?? 10_000), largeDir: process.env.BENCH_DATA_DIR, runs: Number(process.argv[2] ?? 3) })
  process.stdout.write(`${JSON.stringify({ ...footprint, rows: footprintRows(footprint) }, null, 2)}\n`)
  process.exit(0)
}
