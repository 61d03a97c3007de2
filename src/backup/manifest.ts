/** One file of an archive, as the manifest promises it. */
export type ManifestFile = { bytes: number; path: string; sha256: string }

/** What an archive holds, written beside it and checked before a restore touches anything. */
export type Manifest = {
  app: { name: string; version: string }
  createdAt: string
  /**
   * The database copy. A SQLite copy taken under the write lock keeps its write-ahead log beside
   * it (`wal`, the same name with `-wal`); SQLite folds the log in when it first opens the file.
   */
  database: { kind: 'mongodb' | 'sqlite'; path: string; wal?: string }
  /** Rows per table of the snapshot: collections, their versions (`_…_v`) and Payload's own. */
  documents: Record<string, number>
  files: ManifestFile[]
  /** Migrations applied to the database when it was copied, oldest first. */
  migrations: string[]
}

export const manifestName = 'manifest.json'
export const databaseEntry = 'database'
export const mediaEntry = 'media'
export const secretEntry = 'payload-secret'
