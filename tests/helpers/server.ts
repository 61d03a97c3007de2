import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { MongoClient } from 'mongodb'

import { mediaTextQueue } from '../../src/collections/Media/jobs/extractMediaText.js'
import { mailQueue } from '../../src/plugins/review/defaults.js'
import { isMongoUrl } from '../../src/database.js'

export type RunningServer = { dataDir: string; env: Environment; logs: () => string; process: ChildProcess; url: string }

/** A port nothing listens on now; the benchmarks use it too. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
    probe.once('error', reject)
  })

/**
 * The environment a person's shell gives `npm start`: `PATH` and `HOME`, and nothing inherited
 * from jest (which sets `NODE_ENV=test` and its own `NODE_OPTIONS`). Only the engines the suite
 * was asked to run against pass on, each server with a database and an index of its own.
 */
/** Next's types declare `NODE_ENV` always set; a user's shell often has none. */
export type Environment = Record<string, string | undefined>

const asProcessEnv = (env: Environment) => env as NodeJS.ProcessEnv

export const userEnvironment = (settings: Environment): Environment => {
  const env: Environment = { PATH: process.env.PATH, HOME: process.env.HOME }
  const name = `truongso-server-${settings.PORT ?? process.pid}`
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL.replace(/\/([^/?]*)(\?|$)/, `/${name}$2`)
  if (process.env.MEILI_HOST) {
    env.MEILI_HOST = process.env.MEILI_HOST
    for (const key of ['MEILI_MASTER_KEY', 'MEILI_API_KEY'] as const) if (process.env[key]) env[key] = process.env[key]
    env.MEILI_INDEX = name.replace(/-/g, '_')
  }
  return { ...env, ...settings }
}

/**
 * Starts the server as `npm start` does (its script, without npm in between so signals reach it
 * directly) with a user's environment, on a free port and a fresh data folder, and resolves once
 * `/readyz` answers — or, with `until: 'listening'`, once `/healthz` does. The first start also
 * builds the web app, hence the long wait.
 */
export const startServer = async ({
  beforeStart,
  dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-server-')),
  env: settings = {},
  until = 'ready',
}: {
  beforeStart?: (env: Environment) => void
  /** The data folder of a server started before, to start again on what it left. */
  dataDir?: string
  env?: Environment
  until?: 'listening' | 'ready'
} = {}): Promise<RunningServer> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env = userEnvironment({ DATA_DIR: dataDir, MEDIA_DIR: path.join(dataDir, 'media'), PORT: String(port), ...settings })
  beforeStart?.(env)
  let output = ''
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: asProcessEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  // Decoded as a stream: a Vietnamese letter split between two reads of the pipe stays whole.
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))

  const deadline = Date.now() + 8 * 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    const ready = await fetch(`${url}/${until === 'ready' ? 'readyz' : 'healthz'}`).then((response) => response.ok, () => false)
    if (ready) return { dataDir, env, logs: () => output, process: child, url }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  child.kill('SIGKILL')
  throw new Error(`server not ready in time:\n${output}`)
}

/**
 * The server's output written after `since`, once it includes `expected` `times` times (or after
 * 10 s, then throws with it): Payload's pino writes asynchronously, so a line can reach the pipe
 * well after an answer sent after it, the later the busier the machine.
 */
export const logsOnceWritten = async (server: RunningServer, expected: string, since = 0, times = 1): Promise<string> => {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const written = server.logs().slice(since)
    if (written.split(expected).length > times) return written
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the server did not write ${JSON.stringify(expected)} ${times} times in 10 s; it wrote:\n${server.logs().slice(since)}`)
}

/** Sends SIGTERM and resolves with the exit code once the server has shut down. */
export const stopServer = (server: RunningServer): Promise<null | number> =>
  new Promise((resolve) => {
    if (server.process.exitCode !== null) return resolve(server.process.exitCode)
    server.process.once('exit', (code) => resolve(code))
    server.process.kill('SIGTERM')
  })

/**
 * Kills the server as a power cut or the OOM killer would: SIGKILL to its whole process group
 * (the `npm start` script and the server it runs), nothing flushed, no handler run.
 */
export const killServer = (server: RunningServer): Promise<void> =>
  new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve()
    server.process.once('exit', () => resolve())
    process.kill(-server.process.pid!, 'SIGKILL')
  })

/** Runs `npm run seed:demo` with the server's environment: the explicit way to fill a database. */
export const seedDemoInto = (env: Environment): void => {
  execFileSync('npm', ['run', 'seed:demo'], { env: asProcessEnv(env), stdio: 'inherit' })
}

/**
 * The demo school's server: the embedded database loads the demo at its first start; against
 * MongoDB the demo is loaded on request first, as an operator would.
 */
export const startDemoServer = (options: Omit<Parameters<typeof startServer>[0] & object, 'beforeStart'> = {}): Promise<RunningServer> =>
  startServer({ ...options, beforeStart: isMongoUrl(process.env.DATABASE_URL) ? seedDemoInto : undefined })

/** Jobs of `queues` the server has queued, due now and not yet run (or given up on). */
const pendingJobs = async (server: RunningServer, queues: string[]): Promise<number> => {
  const url = server.env.DATABASE_URL
  if (isMongoUrl(url)) {
    const client = await MongoClient.connect(url!)
    try {
      return await client
        .db()
        .collection('payload-jobs')
        .countDocuments({ completedAt: null, hasError: { $ne: true }, queue: { $in: queues }, waitUntil: { $not: { $gt: new Date() } } })
    } finally {
      await client.close()
    }
  }
  const client = createClient({ url: url?.startsWith('file:') ? url : `file:${path.join(server.dataDir, 'truongso.db')}` })
  try {
    const { rows } = await client.execute({
      sql: `select count(*) as pending from payload_jobs
            where queue in (${queues.map(() => '?').join(', ')}) and completed_at is null and not has_error
              and (wait_until is null or wait_until <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      args: queues,
    })
    return Number(rows[0]!.pending)
  } finally {
    client.close()
  }
}

const jobsDone = async (server: RunningServer, queues: string[], what: string, timeoutMs: number): Promise<void> => {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if ((await pendingJobs(server, queues)) === 0) return
  }
  throw new Error(`the server was still ${what} after ${timeoutMs / 1000} s`)
}

/**
 * Resolves once the server has read the text of every file waiting for it. Extraction runs as a
 * job in the seconds after `/readyz` (the demo's files included): it adds the files' words to the
 * index and writes a line per file to the log, so suites comparing search answers wait for it.
 */
export const filesTextRead = (server: RunningServer, timeoutMs = 120_000): Promise<void> =>
  jobsDone(server, [mediaTextQueue], "reading files' text", timeoutMs)

/**
 * Resolves once every line the server logged so far has reached its output: the lines are
 * formatted on a thread of their own, in order, so the access line of a request sent now comes
 * after them. A quiet half-second was not enough under CI's load: a job's lines came later.
 */
const logsCaughtUp = async (server: RunningServer): Promise<void> => {
  const mark = `/api/log-mark-${randomUUID()}`
  const since = server.logs().length
  await (await fetch(`${server.url}${mark}`)).arrayBuffer()
  await logsOnceWritten(server, mark, since)
}

/**
 * Resolves once the server has done what the demo left it to do in the background: read the
 * files' text and sent (or logged) the review mails the demo's submissions queued, and written
 * their lines. Suites reading the log wait for it, so a test's window holds its requests' lines and at
 * most the queues' periodic ones (a scheduled sweep, a job the index queued meanwhile).
 */
export const backgroundWorkDone = async (server: RunningServer, timeoutMs = 120_000): Promise<void> => {
  await jobsDone(server, [mediaTextQueue, mailQueue], 'working its queues', timeoutMs)
  await logsCaughtUp(server)
}
