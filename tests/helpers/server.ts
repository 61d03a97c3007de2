import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type RunningServer = { dataDir: string; logs: () => string; process: ChildProcess; url: string }

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
 * Starts the server as `npm start` does (its script, without npm in between so signals reach it
 * directly) on a free port and a fresh data folder, and resolves once `/readyz` answers. The first
 * start also builds the web app, hence the long wait.
 */
export const startServer = async ({
  beforeStart,
}: { beforeStart?: (env: NodeJS.ProcessEnv) => void } = {}): Promise<RunningServer> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-server-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL?.replace(/\/([^/?]*)(\?|$)/, `/truongso-server-${port}$2`),
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    NODE_OPTIONS: '',
    PORT: String(port),
  }
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL
  beforeStart?.(env)
  let output = ''
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))

  const deadline = Date.now() + 8 * 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false)
    if (ready) return { dataDir, logs: () => output, process: child, url }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  child.kill('SIGKILL')
  throw new Error(`server not ready in time:\n${output}`)
}

/** Sends SIGTERM and resolves with the exit code once the server has shut down. */
export const stopServer = (server: RunningServer): Promise<null | number> =>
  new Promise((resolve) => {
    if (server.process.exitCode !== null) return resolve(server.process.exitCode)
    server.process.once('exit', (code) => resolve(code))
    server.process.kill('SIGTERM')
  })

/** Runs `npm run seed:demo` with the server's environment: the explicit way to fill a database. */
export const seedDemoInto = (env: NodeJS.ProcessEnv): void => {
  execFileSync('npm', ['run', 'seed:demo'], { env, stdio: 'inherit' })
}
