import { rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { type Client, createClient, type Transaction } from '@libsql/client'

/** A connection or a transaction: what the readers below need. */
type Queryable = Pick<Transaction, 'execute'>

/** Opens a SQLite file the way the server does: waiting for a writer rather than failing. */
export const openSqlite = async (file: string): Promise<Client> => {
  const client = createClient({ url: `file:${file}` })
  await client.execute('PRAGMA busy_timeout = 5000')
  return client
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Rows per table, for every table that holds documents (collections, versions, Payload's own). */
export const countDocuments = async (client: Queryable): Promise<Record<string, number>> => {
  const { rows } = await client.execute(
    `select m.name as name from sqlite_master m where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) p where p.name = 'updated_at') order by m.name`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of rows as unknown as Array<{ name: string }>) {
    const { rows: [row] } = await client.execute(`select count(*) as n from ${quoted(name)}`)
    counts[name] = Number((row as unknown as { n: number }).n)
  }
  return counts
}

/** The migrations the database has applied, oldest first. */
export const appliedMigrations = async (client: Queryable): Promise<string[]> => {
  const { rows } = await client.execute(`select name from payload_migrations where batch > -1 order by id`).catch(() => ({ rows: [] }))
  return (rows as unknown as Array<{ name: string }>).map((row) => row.name)
}

/**
 * Every file name the rows of upload collections give, read from the columns Payload stores them
 * in (`filename` and each size's `sizes_<size>_filename`).
 */
export const namedFiles = async (client: Queryable): Promise<Set<string>> => {
  const { rows } = await client.execute(
    `select m.name as "table", p.name as "column" from sqlite_master m join pragma_table_info(m.name) p
     where m.type = 'table' and m.name not like '\\_%' escape '\\' and (p.name = 'filename' or p.name like 'sizes\\_%\\_filename' escape '\\')
       and exists (select 1 from pragma_table_info(m.name) q where q.name = 'mime_type')`,
  )
  const names = new Set<string>()
  for (const { column, table } of rows as unknown as Array<{ column: string; table: string }>) {
    const { rows: values } = await client.execute(`select ${quoted(column)} as name from ${quoted(table)} where ${quoted(column)} is not null`)
    for (const { name } of values as unknown as Array<{ name: string }>) names.add(name)
  }
  return names
}

/** The embedded database's file: `DATABASE_URL` when it names one, else `truongso.db` in the data folder. */
export const sqliteFileOf = ({ dataDir, databaseUrl }: { dataDir: string; databaseUrl?: string }): string =>
  path.resolve(databaseUrl?.startsWith('file:') ? databaseUrl.slice('file:'.length) : path.join(dataDir, 'truongso.db'))

/** What a backup learns of the database at the moment it copies it. */
export type SqliteContents = { documents: Record<string, number>; migrations: string[]; named: Set<string> }

const contentsOf = async (client: Queryable): Promise<SqliteContents> => ({
  documents: await countDocuments(client),
  migrations: await appliedMigrations(client),
  named: await namedFiles(client),
})

/**
 * Databases up to this size are copied under the write lock (writers wait the fraction of a
 * second the copy takes, well inside their 5 s busy timeout); larger ones with `VACUUM INTO`,
 * which never makes a writer wait but rebuilds every table and index as it copies.
 */
export const lockedCopyLimitBytes = 256 * 1024 * 1024

const sizeOf = (file: string) => stat(file).then((stats) => stats.size, (error: NodeJS.ErrnoException) => {
  if (error.code === 'ENOENT') return 0
  throw error
})

/**
 * Hands the database, as of one moment, to `copy` while the site keeps reading, with what it holds.
 * Holding the write lock, no commit can land and no checkpoint can restart the write-ahead log,
 * so the file and its log copied together are one consistent state, which SQLite folds together
 * when it next opens them; the counts are read in the same transaction, so they describe exactly
 * the copied state. Over `lockedCopyLimitBytes`, `VACUUM INTO` writes a single-file copy into
 * `staging` instead, and that is handed over.
 */
export const copySqlite = async (
  source: string,
  staging: string,
  copy: (files: Array<{ file: string; size: number; suffix: '' | '-wal' }>) => Promise<void>,
): Promise<SqliteContents> => {
  const live = await openSqlite(source)
  try {
    if ((await stat(source)).size > lockedCopyLimitBytes) {
      const target = path.join(staging, path.basename(source))
      await live.execute({ sql: 'VACUUM INTO ?', args: [target] })
      const snapshot = await openSqlite(target)
      try {
        const contents = await contentsOf(snapshot)
        await copy([{ file: target, size: (await stat(target)).size, suffix: '' }])
        return contents
      } finally {
        snapshot.close()
        await rm(target, { force: true })
      }
    }
    const lock = await live.transaction('write')
    try {
      const contents = await contentsOf(lock)
      const wal = await sizeOf(`${source}-wal`)
      await copy([{ file: source, size: (await stat(source)).size, suffix: '' as const }, ...(wal > 0 ? [{ file: `${source}-wal`, size: wal, suffix: '-wal' as const }] : [])])
      return contents
    } finally {
      // Nothing was written: rolling back only lets the writers go.
      await lock.rollback()
    }
  } finally {
    live.close()
  }
}
