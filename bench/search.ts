/**
 * `npm run bench:search`: 10,000 generated Vietnamese documents; p50/p95 of `/api/search` over
 * real HTTP and of the engine call alone, against a bare Node round trip; reindex docs/s; and the
 * lag from publishing a material to finding it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { generate } from './generate.js'
import { asSomeClient, get, login, ratio, sleep, startBenchServer, startHello, stats, stopChild, timed, type Stats } from './lib.js'

/** What people type: with and without tones, abbreviations, document numbers, a typo. */
export const searchQueries = [
  'giáo án', 'giao an', 'trường mầm non', 'truong mam non', 'bé tập đếm', 'be tap dem', 'an toàn giao thông',
  'an toan giao thong', 'thực đơn tuần', 'thuc don', 'tuyển sinh', 'tuyen sinh', 'tết nguyên đán', 'tet nguyen dan',
  'bác hồ', 'bac ho', 'con vật nuôi', 'con vat nuoi', 'cây xanh', 'rửa tay xà phòng', 'rua tay', 'truyện cổ tích',
  'truyen co tich', 'kế hoạch UBND', 'ke hoach phong chong dich', '15/KH-UBND', 'thông tư BGDĐT', 'dinh dưỡng',
  'montessori', 'tạo hình mùa xuân',
]

type SearchAnswer = { hits: Array<{ title: string }>; timing: { engineMs: number; totalMs: number }; total: number }

const searchUrl = (url: string, q: string) => `${url}/api/search?q=${encodeURIComponent(q)}`

export type SearchLatency = { engine: Stats; hello: Stats; http: Stats; serverTotal: Stats; p1: number }

/**
 * One search request, then one bare round trip, one after the other, `rounds` times: both see the
 * same machine load. Half the searches are anonymous, half as a parent.
 */
export const measureSearchLatency = async (url: string, helloUrl: string, parent: Record<string, string>, rounds = 300): Promise<SearchLatency> => {
  const one = async (i: number) => {
    const headers = i % 2 ? parent : {}
    const { ms, value } = await timed(() => get(searchUrl(url, searchQueries[i % searchQueries.length]), headers))
    return { ms, answer: JSON.parse(value.body) as SearchAnswer }
  }
  for (let i = 0; i < 60; i++) {
    await one(i)
    await get(helloUrl)
  }
  const http: number[] = []
  const engine: number[] = []
  const serverTotal: number[] = []
  const hello: number[] = []
  for (let i = 0; i < rounds; i++) {
    const { ms, answer } = await one(i)
    http.push(ms)
    engine.push(answer.timing.engineMs)
    serverTotal.push(answer.timing.totalMs)
    hello.push((await timed(() => get(helloUrl))).ms)
  }
  const result = { engine: stats(engine), hello: stats(hello), http: stats(http), serverTotal: stats(serverTotal) }
  return { ...result, p1: ratio(result.http.p95, result.engine.p95 + result.hello.p95) }
}

export type ReindexRun = { docsPerSecond: number; indexed: number; ms: number; wallMs: number }

/** A full rebuild through the operators' endpoint, as `npm run search:reindex` asks for it. */
export const reindexOnce = async (url: string, opsToken: string): Promise<ReindexRun> => {
  const { ms: wallMs, value } = await timed(async () => {
    const response = await fetch(`${url}/api/search/reindex`, { method: 'POST', headers: { 'x-truongso-ops-token': opsToken, ...asSomeClient() } })
    if (!response.ok) throw new Error(`reindex: ${response.status} ${await response.text()}`)
    return (await response.json()) as { indexed: number; ms: number }
  })
  return { docsPerSecond: Math.round(value.indexed / (value.ms / 1000)), indexed: value.indexed, ms: value.ms, wallMs: Math.round(wallMs) }
}

export const readOpsTokenOf = (dataDir: string) => readFileSync(path.join(dataDir, '.ops-token'), 'utf8').trim()

/**
 * Publishes a material with a unique word in its title as the reviewer, then searches for that
 * word every 50 ms until it is found: the time an editor waits before readers can find her work.
 */
export const measurePublishLag = async (url: string, reviewer: Record<string, string>, times = 20): Promise<{ lag: Stats; samples: number[] }> => {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const code = `dotre${Date.now().toString(36)}${i}`
    const started = performance.now()
    const response = await fetch(`${url}/api/learning-materials?draft=false&depth=0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reviewer, ...asSomeClient() },
      body: JSON.stringify({
        _status: 'published',
        accessLevel: 'public',
        ageGroups: ['mau-giao-lon'],
        materialType: 'game',
        summary: 'Trò chơi dùng để đo độ trễ của tìm kiếm.',
        title: `Trò chơi đo độ trễ ${code}`,
      }),
    })
    if (!response.ok) throw new Error(`publish: ${response.status} ${await response.text()}`)
    await response.arrayBuffer()
    for (;;) {
      const { body } = await get(searchUrl(url, code))
      if ((JSON.parse(body) as SearchAnswer).hits.some((hit) => hit.title.includes(code))) break
      if (performance.now() - started > 30_000) throw new Error(`material ${code} not searchable after 30 s`)
      await sleep(50)
    }
    samples.push(Math.round(performance.now() - started))
  }
  return { lag: stats(samples), samples }
}

const row = (cells: Array<number | string>) => `| ${cells.join(' | ')} |`

const main = async () => {
  const count = Number(process.env.BENCH_DOCS ?? 10_000)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-'))
  process.stdout.write(`generating ${count} documents into ${dataDir}…\n`)
  const generated = await generate({ count, dataDir })
  process.stdout.write(`generated in ${generated.ms} ms; starting the server…\n`)
  const server = await startBenchServer(dataDir)
  const hello = await startHello()
  try {
    const parent = await login(server.url, 'phuhuynh@truongso.test')
    const reviewer = await login(server.url, 'totruong@truongso.test')
    const latency = await measureSearchLatency(server.url, hello.url, parent)
    const opsToken = readOpsTokenOf(dataDir)
    const reindex = [await reindexOnce(server.url, opsToken), await reindexOnce(server.url, opsToken), await reindexOnce(server.url, opsToken)]
    const lag = await measurePublishLag(server.url, reviewer)
    const results = { start: server.start, dataDir, documents: generated, latency, lag, reindex }
    mkdirSync('bench/out', { recursive: true })
    writeFileSync('bench/out/search.json', `${JSON.stringify(results, null, 2)}\n`)
    const lines = [
      row(['measure', 'n', 'p50 ms', 'p95 ms', 'max ms']),
      row(['---', '---', '---', '---', '---']),
      ...(
        [
          ['/api/search over HTTP', latency.http],
          ['  server-side totalMs', latency.serverTotal],
          ['  engine call (engineMs)', latency.engine],
          ['bare Node http round trip', latency.hello],
          ['publish → searchable', lag.lag],
        ] as const
      ).map(([name, s]) => row([name, s.n, s.p50, s.p95, s.max])),
      '',
      `HTTP p95 ÷ (engine p95 + bare round trip p95) = ${latency.p1}`,
      `reindex: ${reindex.map((run) => `${run.indexed} docs in ${run.ms} ms = ${run.docsPerSecond} docs/s`).join('; ')}`,
      `server cold start: listening ${server.start.healthMs} ms, first content answer ${server.start.contentMs} ms, index of ${count} documents complete ${server.start.readyMs} ms`,
      'written: bench/out/search.json',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await stopChild(hello.child)
    await stopChild(server.child)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
  process.exit(0)
}
