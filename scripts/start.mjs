/**
 * `npm start`: builds the Next app when its sources changed since the last build, then runs the
 * express server (which applies migrations and, on an empty embedded database, loads the demo).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const buildInputs = ['src', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const stampFile = path.join('.next', 'truongso-build-stamp')

const filesUnder = (entry) =>
  statSync(entry).isDirectory()
    ? readdirSync(entry).flatMap((name) => filesUnder(path.join(entry, name)))
    : [entry]

const fingerprint = () => {
  const hash = createHash('sha256')
  for (const file of buildInputs.filter(existsSync).flatMap(filesUnder).sort()) {
    hash.update(file).update(readFileSync(file))
  }
  return hash.digest('hex')
}

const current = fingerprint()
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : ''
if (!existsSync(path.join('.next', 'BUILD_ID')) || built !== current) {
  console.info('Đang build giao diện (next build)… / Building the web app…')
  const result = spawnSync('npx', ['next', 'build', '--webpack'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
  writeFileSync(stampFile, current)
}

// Node-side code loads lexical through its development build: its production ESM entry hangs at
// random under Node 20's loader (top-level await).
const server = spawn(
  process.execPath,
  ['--conditions=development', '--import', 'tsx', 'src/server.ts', ...process.argv.slice(2)],
  { stdio: 'inherit', env: process.env },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
