import type { Payload } from 'payload'

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Boots real Payload on a database of its own: a fresh SQLite file per suite, or, when
 * `DATABASE_URL` names a MongoDB server, a fresh database on it. Migrations run at init, as at start.
 */
export const bootPayload = async (suite: string, { waitForSearch = true }: { waitForSearch?: boolean } = {}): Promise<Payload> => {
  const dir = mkdtempSync(path.join(tmpdir(), `truongso-${suite}-`))
  process.env.DATA_DIR = dir
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
  // Suites run in parallel: on a shared Meilisearch server each gets its own index.
  if (process.env.MEILI_HOST) process.env.MEILI_INDEX = `truongso_test_${suite.replace(/[^a-z0-9]/gi, '_')}_${path.basename(dir).replace(/[^a-z0-9]/gi, '_')}`
  const mongo = process.env.DATABASE_URL?.match(/^(mongodb(?:\+srv)?:\/\/[^/]+)\/?([^?]*)(.*)$/)
  if (mongo) {
    process.env.DATABASE_URL = `${mongo[1]}/truongso-test-${suite}-${path.basename(dir)}${mongo[3]}`
  }
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../src/payload.config.js')
  const payload = await getPayload({ config })
  // Suites start from a complete index, as a server does once /readyz answers; a suite about
  // starting without one says so.
  if (waitForSearch) {
    const { searchSettingsOf } = await import('../../src/plugins/search/settingsOf.js')
    await searchSettingsOf(payload).warmup.finished
  }
  return payload
}

/** Drops a MongoDB test database and closes the connection; SQLite files die with the temp dir. */
export const shutdownPayload = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as { connection?: { dropDatabase?: () => Promise<void> } }
  await db.connection?.dropDatabase?.()
  await payload.destroy()
}
