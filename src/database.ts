import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import { dataDir } from './lib/paths.js'
import { refusingQueriesClearly } from './lib/queryRefused.js'

/** `DATABASE_URL` decides: MongoDB for `mongodb://` and `mongodb+srv://`, else embedded SQLite. */
export const isMongoUrl = (url: string | undefined): boolean => /^mongodb(\+srv)?:\/\//.test(url ?? '')

export const sqliteUrl = (url: string | undefined): string =>
  url?.startsWith('file:') ? url : `file:${path.join(dataDir(), 'truongso.db')}`

export const databaseAdapter = (url = process.env.DATABASE_URL): DatabaseAdapterObj => {
  if (isMongoUrl(url)) return refusingQueriesClearly(mongooseAdapter({ url: url!, allowIDOnCreate: true }))
  if (url && !url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must start with mongodb://, mongodb+srv:// or file: (got "${url.split(':')[0]}:…")`)
  }
  return refusingQueriesClearly(
    sqliteAdapter({
      client: { url: sqliteUrl(url) },
      // The schema comes from committed migrations, applied by `applyMigrations` at init; never pushed.
      push: false,
      // The server's job runner, the CLI tools and backups open the same file: readers wait for a
      // writer instead of failing, and write-ahead logging lets them read while it writes.
      busyTimeout: 5000,
      // Only an administrator's import keeps the ids it was given (src/plugins/importExport/keepIds.ts).
      allowIDOnCreate: true,
      wal: true,
    }),
  )
}
