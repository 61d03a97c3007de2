/**
 * `npm start`: builds the Next app when its sources changed since the last build, then runs the
 * express server (which applies migrations and, on an empty embedded database, loads the demo).
 */
import { spawn } from 'node:child_process'

import { buildIfNeeded, serverBundle } from './build.mjs'
import { serverNodeArgs } from './serverArgs.mjs'

try {
  buildIfNeeded()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

const server = spawn(
  process.execPath,
  [...serverNodeArgs, serverBundle, ...process.argv.slice(2)],
  { stdio: 'inherit', env: process.env },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
