/** What every benchmark shares: the server under test, a loopback baseline, timers and a load loop. */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { freePort } from '../tests/helpers/server.js'

export type Stats = { max: number; mean: number; n: number; p50: number; p95: number }

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN

const round = (value: number) => Math.round(value * 100) / 100

export const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1)
  return { max: round(sorted.at(-1) ?? NaN), mean: round(mean), n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) }
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The API rate limit (600/min per client address) would throttle any benchmark; the server trusts
 * `X-Forwarded-For` from loopback, so each request presents itself as one of many clients.
 */
let client = 0
export const asSomeClient = (): Record<string, string> => {
  client = (client + 1) % 60_000
  return { 'x-forwarded-for': `10.${client >> 8 & 255}.${client & 255}.7` }
}

export type BenchServer = {
  child: ChildProcess
  /** Milliseconds from spawning the process to its first `/healthz`, content answer and `/readyz`. */
  start: { contentMs: number; healthMs: number; readyMs: number }
  logs: () => string
  pid: number
  url: string
}

/**
 * Builds what changed and spawns the built server exactly as `npm start` does, then polls it:
 * first `/healthz` (listening), then a content list (Payload and Next up), then `/readyz` (the
 * embedded index of every document complete). Resolves once ready.
 */
export const startBenchServer = async (dataDir: string): Promise<BenchServer> => {
  const { buildIfNeeded, serverBundle } = await import('../scripts/build.mjs')
  const { serverNodeArgs } = await import('../scripts/serverArgs.mjs')
  buildIfNeeded()
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    NODE_OPTIONS: '',
    PORT: String(port),
  }
  delete env.DATABASE_URL
  let output = ''
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [...serverNodeArgs, serverBundle], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-200_000)))
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-200_000)))
  const url = `http://127.0.0.1:${port}`
  const answers = (path: string) => fetch(`${url}${path}`, { headers: asSomeClient() }).then((response) => response.ok, () => false)
  const start: Partial<BenchServer['start']> = {}
  const deadline = Date.now() + 5 * 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    const since = () => Math.round(performance.now() - spawnedAt)
    if (start.healthMs === undefined && (await answers('/healthz'))) start.healthMs = since()
    if (start.healthMs !== undefined && start.contentMs === undefined && (await answers('/api/announcements?limit=1&depth=0'))) start.contentMs = since()
    if (start.contentMs !== undefined && (await answers('/readyz'))) {
      return { child, start: { ...start, readyMs: since() } as BenchServer['start'], logs: () => output, pid: child.pid!, url }
    }
    await sleep(10)
  }
  child.kill('SIGKILL')
  throw new Error(`server not up in time:\n${output}`)
}

export const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })

/** A bare Node `http` hello-world in its own process: the loopback round-trip baseline. */
export const startHello = async (): Promise<{ child: ChildProcess; url: string }> => {
  const source = `const s=require('http').createServer((q,r)=>{r.setHeader('content-type','application/json');r.end('{"hello":"world"}')});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } })
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk) => resolve(String(chunk).trim())))
  return { child, url: `http://127.0.0.1:${port}/` }
}

/** Peak resident memory of a process so far, in MB (Linux). */
export const peakRssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((each) => each.startsWith('VmHWM:'))
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024)
}

/**
 * CPU time (user + system, all threads) a process has used so far, from `/proc`, in ms. `/proc`
 * counts in clock ticks, taken here as 100 a second (10 ms each): Linux's USER_HZ is 100 on every
 * common build, whatever the kernel's own HZ.
 */
export const processCpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Milliseconds a call takes. */
export const timed = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now()
  const value = await fn()
  return { ms: performance.now() - started, value }
}

/** GET with the body read, as a client would; throws on an unexpected status. */
export const get = async (url: string, headers: Record<string, string> = {}, expect = [200]) => {
  const response = await fetch(url, { headers: { ...asSomeClient(), ...headers } })
  const body = await response.text()
  if (!expect.includes(response.status)) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`)
  return { body, response }
}

const keptAlive = new http.Agent({ keepAlive: true })

/**
 * A GET with `node:http` over a connection kept open, for timing a server's answers one after
 * another: the client runs on the same two cores as the server, and `fetch` (undici) spent 1.13 ms
 * of CPU per list of 20 where `node:http` spends 0.47 (bench/results.md, P2) — the client's cost,
 * not the API's.
 */
export const getKeptAlive = (url: string, headers: Record<string, string> = {}, expect = [200]): Promise<{ body: string; status: number }> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { agent: keptAlive, headers: { ...asSomeClient(), ...headers } }, (response) => {
        const status = response.statusCode ?? 0
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('error', reject)
        response.on('end', () => (expect.includes(status) ? resolve({ body, status }) : reject(new Error(`GET ${url}: ${status} ${body.slice(0, 300)}`))))
      })
      .on('error', reject)
  })

/** Logs in through REST and returns the `Authorization` header of the session. */
export const login = async (url: string, email: string, password = process.env.DEMO_PASSWORD ?? 'truongso-demo') => {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...asSomeClient() },
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(body)}`)
  return { authorization: `JWT ${body.token}` }
}

/**
 * A fixed-duration load: `concurrency` loops each issuing one GET after another. The same loop
 * drives every target, so their requests/s compare.
 */
export const load = async (
  request: () => { headers?: Record<string, string>; url: string },
  { concurrency = 32, durationMs = 5000 } = {},
): Promise<{ errors: number; requests: number; rps: number; statuses: Record<number, number> }> => {
  const statuses: Record<number, number> = {}
  let requests = 0
  let errors = 0
  const until = performance.now() + durationMs
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const { url, headers } = request()
        try {
          const response = await fetch(url, { headers: { ...asSomeClient(), ...headers } })
          await response.arrayBuffer()
          statuses[response.status] = (statuses[response.status] ?? 0) + 1
          requests++
        } catch {
          errors++
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return { errors, requests, rps: Math.round(requests / seconds), statuses }
}

export { sleep }
