import type { Migration, Payload } from 'payload'

import { isMongoUrl } from '../database.js'
import { migrations } from '../migrations/index.js'

/**
 * Brings the embedded SQLite schema up to date from the committed migrations. MongoDB needs none:
 * its collections and indexes are created by the adapter.
 */
export const applyMigrations = async (payload: Payload): Promise<void> => {
  if (isMongoUrl(process.env.DATABASE_URL)) return
  // Generated migrations type their arguments precisely; the adapter's signature is looser.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
