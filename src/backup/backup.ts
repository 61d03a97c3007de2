import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { isMongoUrl } from '../database.js'
import { regularFilesIn, sha256Of, snapshotFile } from './files.js'
import { databaseEntry, type Manifest, type ManifestFile, manifestName, mediaEntry, secretEntry } from './manifest.js'
import type { Progress } from './progress.js'
import { appliedMigrations, countDocuments, namedFiles, openSqlite, snapshotSqlite, sqliteFileOf } from './sqlite.js'
import { runTar } from './tar.js'

export type BackupSettings = {
  backupDir: string
  dataDir: string
  databaseUrl?: string
  mediaDir: string
  /** Written into the archive's name, so retention can tell the nightly archives apart. */
  kind: 'before-restore' | 'manual' | 'nightly'
  onProgress?: (progress: Progress) => void
}

export type BackupResult = { archive: string; bytes: number; manifest: Manifest; ms: number }

/** Thrown when the database cannot be copied with what is installed; the message says what to do. */
export class BackupUnavailable extends Error {}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')

export const archivePrefix = 'truongso-'

const appVersion = async (): Promise<Manifest['app']> => {
  const text = await readFile(path.resolve('package.json'), 'utf8').catch(() => '{}')
  const { name = 'truong-so', version = 'unknown' } = JSON.parse(text) as { name?: string; version?: string }
  return { name, version }
}

const sqliteSnapshot = async (settings: BackupSettings, staging: string) => {
  const source = sqliteFileOf(settings)
  const target = path.join(staging, databaseEntry, path.basename(source))
  await mkdir(path.dirname(target), { recursive: true })
  await snapshotSqlite(source, target)
  const snapshot = await openSqlite(target)
  try {
    return {
      database: { kind: 'sqlite' as const, path: `${databaseEntry}/${path.basename(source)}` },
      documents: await countDocuments(snapshot),
      migrations: await appliedMigrations(snapshot),
      named: await namedFiles(snapshot),
    }
  } finally {
    snapshot.close()
  }
}

const mongoSnapshot = async (settings: BackupSettings, staging: string) => {
  const probe = spawnSync('mongodump', ['--version'], { stdio: 'ignore' })
  if (probe.error || probe.status !== 0) {
    throw new BackupUnavailable(
      'Không tìm thấy mongodump. Hãy cài MongoDB Database Tools (https://www.mongodb.com/docs/database-tools/installation/) rồi sao lưu lại. / mongodump not found: install the MongoDB Database Tools and back up again.',
    )
  }
  const target = path.join(staging, databaseEntry, 'mongodb.archive')
  await mkdir(path.dirname(target), { recursive: true })
  const dump = spawnSync('mongodump', [`--uri=${settings.databaseUrl}`, `--archive=${target}`], { encoding: 'utf8' })
  if (dump.status !== 0) throw new Error(`mongodump exited with ${dump.status}: ${dump.stderr}`)
  return { database: { kind: 'mongodb' as const, path: `${databaseEntry}/mongodb.archive` }, documents: {}, migrations: [], named: undefined }
}

/**
 * Writes one archive of the school's records while the site keeps serving: a snapshot of the
 * database, every media file, the generated secret, and a manifest with the sha256 of each.
 *
 * Files are linked before the database is copied, so a file the snapshot names but a replacement
 * retires meanwhile is still held; a file the snapshot names that arrived after the links is
 * linked after. The archive appears under its name only once complete.
 */
export const createBackup = async (settings: BackupSettings): Promise<BackupResult> => {
  const started = Date.now()
  await mkdir(settings.backupDir, { recursive: true })
  const staging = await mkdtemp(path.join(settings.backupDir, '.staging-'))
  try {
    const mediaStaging = path.join(staging, mediaEntry)
    await mkdir(mediaStaging, { recursive: true })
    const held = new Set<string>()
    for (const name of await regularFilesIn(settings.mediaDir)) {
      if (await snapshotFile(path.join(settings.mediaDir, name), path.join(mediaStaging, name))) held.add(name)
    }
    const snapshot = isMongoUrl(settings.databaseUrl) ? await mongoSnapshot(settings, staging) : await sqliteSnapshot(settings, staging)
    for (const name of snapshot.named ?? []) {
      if (!held.has(name) && (await snapshotFile(path.join(settings.mediaDir, name), path.join(mediaStaging, name)))) held.add(name)
    }
    const secret = path.join(settings.dataDir, '.payload-secret')
    const entries = [manifestName, databaseEntry, mediaEntry]
    if (await snapshotFile(secret, path.join(staging, secretEntry))) entries.push(secretEntry)

    const paths = [snapshot.database.path, ...[...held].sort().map((name) => `${mediaEntry}/${name}`), ...(entries.includes(secretEntry) ? [secretEntry] : [])]
    const sizes = await Promise.all(paths.map(async (relative) => (await stat(path.join(staging, relative))).size))
    const progress: Progress = { bytes: 0, files: 0, step: 'Sao lưu / backing up', totalBytes: sizes.reduce((a, b) => a + b, 0), totalFiles: paths.length }
    const files: ManifestFile[] = []
    for (const [index, relative] of paths.entries()) {
      const sha256 = await sha256Of(path.join(staging, relative), (bytes) => {
        progress.bytes += bytes
        settings.onProgress?.(progress)
      })
      files.push({ bytes: sizes[index]!, path: relative, sha256 })
      progress.files += 1
      settings.onProgress?.(progress)
    }
    const manifest: Manifest = {
      app: await appVersion(),
      createdAt: new Date(started).toISOString(),
      database: snapshot.database,
      documents: snapshot.documents,
      files,
      migrations: snapshot.migrations,
    }
    await writeFile(path.join(staging, manifestName), JSON.stringify(manifest, null, 2))
    const archive = path.join(settings.backupDir, `${archivePrefix}${settings.kind}-${stamp(new Date(started))}.tar`)
    try {
      await runTar(['-cf', `${archive}.partial`, '-C', staging, ...entries])
      await rename(`${archive}.partial`, archive)
    } catch (error) {
      await rm(`${archive}.partial`, { force: true })
      throw error
    }
    return { archive, bytes: (await stat(archive)).size, manifest, ms: Date.now() - started }
  } finally {
    await rm(staging, { force: true, recursive: true })
  }
}
