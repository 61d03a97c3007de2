/**
 * Builds the Next app and the server bundle when their sources changed since the last build (a
 * fingerprint of the inputs is kept beside each). Used by `npm start` and, once before all
 * suites, by the tests.
 */
import { buildSync } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const buildInputs = ['src', 'scripts/build.mjs', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const stampFile = path.join('.next', 'truongso-build-stamp')
export const serverBundle = path.join('.server', 'server.mjs')
const serverStampFile = path.join('.server', 'build-stamp')

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

const stampOf = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')

/**
 * Our server code in one file, the packages left to node_modules: started through tsx, Node's
 * loader hooks made loading Payload and Next about twice as slow (cold start 5 s → 3 s).
 */
const buildServer = () => {
  buildSync({
    // Worker threads (src/lib/workerThread.ts) are loaded from beside the server.
    entryPoints: {
      server: 'src/server.ts',
      pdfWorker: 'src/seed/demo/pdfWorker.ts',
      embeddedWorker: 'src/plugins/search/engines/embeddedWorker.ts',
    },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: path.dirname(serverBundle),
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    logLevel: 'warning',
  })
}

export const buildIfNeeded = () => {
  const current = fingerprint()
  if (!existsSync(serverBundle) || stampOf(serverStampFile) !== current) {
    buildServer()
    writeFileSync(serverStampFile, current)
  }
  if (existsSync(path.join('.next', 'BUILD_ID')) && stampOf(stampFile) === current) return
  console.info('Đang build giao diện (next build)… / Building the web app…')
  const result = spawnSync('npx', ['next', 'build', '--webpack'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '' },
  })
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`)
  writeFileSync(stampFile, current)
}
