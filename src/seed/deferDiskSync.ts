import type { Payload } from 'payload'

/** What this needs of Payload's SQLite adapter: its libSQL client and its WAL settings. */
type SqliteAdapter = {
  name: 'sqlite'
  client: { execute: (sql: string) => Promise<unknown> }
  wal: false | { synchronous: 'EXTRA' | 'FULL' | 'NORMAL' | 'OFF' }
}

const walSqliteOf = (payload: Payload): (SqliteAdapter & { wal: Exclude<SqliteAdapter['wal'], false> }) | undefined => {
  const db = payload.db as unknown as Partial<SqliteAdapter>
  return db.name === 'sqlite' && db.client && db.wal ? (db as SqliteAdapter & { wal: Exclude<SqliteAdapter['wal'], false> }) : undefined
}

/**
 * Runs a bulk load without waiting for the disk at every commit, then puts it all on disk at once.
 *
 * Payload writes the embedded database without transactions, so each of the demo seed's 1,600
 * writes is a commit, and with `synchronous = FULL` each commit waits for an fsync (about 3 ms
 * on the machine we measured): five seconds of waiting. In WAL mode `synchronous = NORMAL` keeps
 * the database consistent whatever happens (a power cut can only lose the last commits, never
 * corrupt it). At the end the adapter's setting is put back, and a checkpoint syncs the log and
 * copies it into the database. Other databases run `work` as is.
 */
export const withDiskSyncAtEnd = async <T>(payload: Payload, work: () => Promise<T>): Promise<T> => {
  const sqlite = walSqliteOf(payload)
  if (!sqlite) return work()
  await sqlite.client.execute('PRAGMA synchronous = NORMAL')
  try {
    return await work()
  } finally {
    await sqlite.client.execute(`PRAGMA synchronous = ${sqlite.wal.synchronous}`)
    await sqlite.client.execute('PRAGMA wal_checkpoint(FULL)')
  }
}
