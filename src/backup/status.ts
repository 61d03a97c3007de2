import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../lib/paths.js'

/** Where archives go: `BACKUP_DIR`, by default `backups` in the data folder. */
export const backupDirOf = (env: NodeJS.ProcessEnv = process.env): string => path.resolve(env.BACKUP_DIR ?? path.join(dataDir(env), 'backups'))

/** What the dashboard shows of the last backup, and what the log says of it. */
export type BackupOutcome = {
  /** When it finished (ISO). */
  at: string
  /** The archive written, when it was. */
  archive?: string
  bytes?: number
  /** Why it failed, in the words of the error. */
  error?: string
  ms: number
  ok: boolean
  /** `manual` for `npm run backup`, `nightly` for the server's own, `before-restore` for `restore --force`. */
  kind: 'before-restore' | 'manual' | 'nightly'
}

const statusFile = (backupDir: string) => path.join(backupDir, 'last-backup.json')

/**
 * Kept beside the archives rather than in the database: a backup that failed because the
 * database could not be read must still be able to say so.
 */
export const recordBackupOutcome = async (backupDir: string, outcome: BackupOutcome): Promise<void> => {
  await mkdir(backupDir, { recursive: true })
  await writeFile(`${statusFile(backupDir)}.tmp`, JSON.stringify(outcome, null, 2))
  await rename(`${statusFile(backupDir)}.tmp`, statusFile(backupDir))
}

export const lastBackupOutcome = async (backupDir: string): Promise<BackupOutcome | null> =>
  readFile(statusFile(backupDir), 'utf8').then(
    (text) => JSON.parse(text) as BackupOutcome,
    () => null,
  )
