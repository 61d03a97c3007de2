/**
 * Builds the Next app when its sources changed since the last build (a fingerprint of the inputs
 * is kept in .next). Used by `npm start` and, once before all suites, by the tests.
 */
import { spawnSync } from 'node:child_process'
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

export const buildIfNeeded = () => {
  const current = fingerprint()
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : ''
  if (existsSync(path.join('.next', 'BUILD_ID')) && built === current) return
  console.info('Đang build giao diện (next build)… / Building the web app…')
  const result = spawnSync('npx', ['next', 'build', '--webpack'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '' },
  })
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`)
  writeFileSync(stampFile, current)
}
