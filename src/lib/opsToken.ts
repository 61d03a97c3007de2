import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { dataDir } from './paths.js'

const tokenFile = () => path.join(dataDir(), '.ops-token')

/**
 * A random token kept next to the database (mode 0600) that lets the operator's command-line tools
 * (`npm run search:reindex`, `search:check`) ask the running server for maintenance: whoever can
 * read the data folder already holds the data.
 */
export const ensureOpsToken = (): string => {
  if (!existsSync(tokenFile())) {
    mkdirSync(dataDir(), { recursive: true })
    writeFileSync(tokenFile(), randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(tokenFile(), 'utf8').trim()
}

export const readOpsToken = (): string | undefined =>
  existsSync(tokenFile()) ? readFileSync(tokenFile(), 'utf8').trim() : undefined

export const isOpsToken = (candidate: null | string | undefined): boolean => {
  const expected = readOpsToken()
  if (!candidate || !expected || candidate.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(candidate), Buffer.from(expected))
}

export const opsTokenHeader = 'x-truongso-ops-token'
