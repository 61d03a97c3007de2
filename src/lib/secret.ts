import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { launchedForProduction } from './launchEnvironment.js'
import { dataDir } from './paths.js'

/**
 * Makes sure `PAYLOAD_SECRET` is set before Payload or Next load. In production it must come from
 * the environment; on an embedded demo a random secret is generated once and kept in `data/`, so
 * sessions survive restarts without anyone choosing a secret. `env` is the process's own unless
 * a caller (a test) hands another.
 */
export const ensurePayloadSecret = ({ production = launchedForProduction(), env = process.env } = {}): void => {
  if (env.PAYLOAD_SECRET) return
  if (production) {
    throw new Error('PAYLOAD_SECRET is required in production. Set it to a long random string.')
  }
  const file = path.join(dataDir(env), '.payload-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir(env), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  env.PAYLOAD_SECRET = readFileSync(file, 'utf8').trim()
}
