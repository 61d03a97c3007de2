import type { Payload } from 'payload'

import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { isMongoUrl, sqliteUrl } from '../../database'

/** Bytes of every file under `dir` (image sizes, quarantine and all); 0 when it does not exist yet. */
export const folderBytes = async (dir: string): Promise<{ bytes: number; files: number }> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  let bytes = 0
  let files = 0
  for (const entry of entries) {
    if (!entry.isFile()) continue
    // A file removed between the listing and its stat is simply no longer counted.
    const found = await stat(path.join(entry.parentPath, entry.name)).catch(() => null)
    if (!found) continue
    bytes += found.size
    files++
  }
  return { bytes, files }
}

type MongoStats = { indexSize: number; storageSize: number }

/**
 * What the database takes on disk: the SQLite file with its write-ahead log, or what MongoDB
 * reports for this database (storage and indexes). `undefined` when it cannot be told.
 */
export const databaseBytes = async (payload: Payload, url = process.env.DATABASE_URL): Promise<number | undefined> => {
  if (isMongoUrl(url)) {
    const db = (payload.db as unknown as { connection?: { db?: { stats: () => Promise<MongoStats> } } }).connection?.db
    const stats = await db?.stats().catch(() => undefined)
    return stats ? stats.storageSize + stats.indexSize : undefined
  }
  const file = sqliteUrl(url).replace(/^file:/, '')
  const filePath = file.startsWith('//') ? fileURLToPath(`file:${file}`) : path.resolve(file)
  const sizes = await Promise.all([filePath, `${filePath}-wal`].map((each) => stat(each).then((found) => found.size, () => 0)))
  return sizes[0] ? sizes[0] + sizes[1] : undefined
}
