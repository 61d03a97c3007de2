import type { Migration, Payload } from 'payload'

import { isMongoUrl } from '../database.js'
import { migrations } from '../migrations/index.js'

type SqlClient = { execute: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }> }

/**
 * Payload's SQLite schema indexes a localized table by (`_locale`, `_parent_id`) and a text-list
 * table by (`order`, `parent_id`); neither serves the lookup by parent that every read makes
 * once per row, so each list scanned those tables whole per row (a list of 20 materials took
 * 0.75 s with 4,000 of them). Every such table, present or added later, gets an index on its
 * parent column; creating one that exists is a no-op.
 */
const indexParentLookups = async (client: SqlClient): Promise<void> => {
  const { rows } = await client.execute(
    `select m.name as "table", p.name as "column" from sqlite_master m join pragma_table_info(m.name) p
     where m.type = 'table' and ((m.name like '%\\_locales' escape '\\' and p.name = '_parent_id')
       or (m.name like '%\\_texts' escape '\\' and p.name = 'parent_id'))`,
  )
  for (const { column, table } of rows as Array<{ column: string; table: string }>) {
    await client.execute(`create index if not exists "${table}_parent_lookup_idx" on "${table}" ("${column}")`)
  }
}

/**
 * Brings the embedded SQLite schema up to date from the committed migrations. MongoDB needs none:
 * its collections and indexes are created by the adapter.
 */
export const applyMigrations = async (payload: Payload): Promise<void> => {
  if (isMongoUrl(process.env.DATABASE_URL)) return
  // Generated migrations type their arguments precisely; the adapter's signature is looser.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  await indexParentLookups((payload.db as unknown as { client: SqlClient }).client)
}
