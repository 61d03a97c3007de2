import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { isMongoUrl } from '../database.js'
import { regularFilesIn, snapshotFile } from './files.js'
import { databaseEntry, type Manifest, type ManifestFile, manifestName, mediaEntry, secretEntry } from './manifest.js'
import type { Progress } from './progress.js'
import { copySqlite, sqliteFileOf } from './sqlite.js'
import { ArchiveWriter } from './tar.js'

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

type Snapshot = {
  database: Manifest['database']
  documents: Record<string, number>
  migrations: string[]
  named?: Set<string>
}

/** Copies the database into the archive, hashing as it goes; `files` receives each entry. */
const sqliteSnapshot = async (settings: BackupSettings, staging: string, writer: ArchiveWriter, files: ManifestFile[], onBytes: (bytes: number) => void): Promise<Snapshot> => {
  const source = sqliteFileOf(settings)
  const entry = `${databaseEntry}/${path.basename(source)}`
  let wal: string | undefined
  const contents = await copySqlite(source, staging, async (parts) => {
    for (const part of parts) {
      const name = `${entry}${part.suffix}`
      files.push({ bytes: part.size, path: name, sha256: await writer.addFile(name, part.file, part.size, onBytes) })
      if (part.suffix === '-wal') wal = name
    }
  })
  return { database: { kind: 'sqlite', path: entry, ...(wal ? { wal } : {}) }, ...contents }
}

const mongoSnapshot = async (settings: BackupSettings, staging: string, writer: ArchiveWriter, files: ManifestFile[], onBytes: (bytes: number) => void): Promise<Snapshot> => {
  const probe = spawnSync('mongodump', ['--version'], { stdio: 'ignore' })
  if (probe.error || probe.status !== 0) {
    throw new BackupUnavailable(
      'Không tìm thấy mongodump. Hãy cài MongoDB Database Tools (https://www.mongodb.com/docs/database-tools/installation/) rồi sao lưu lại. / mongodump not found: install the MongoDB Database Tools and back up again.',
    )
  }
  const target = path.join(staging, 'mongodb.archive')
  const dump = spawnSync('mongodump', [`--uri=${settings.databaseUrl}`, `--archive=${target}`], { encoding: 'utf8' })
  if (dump.status !== 0) throw new Error(`mongodump exited with ${dump.status}: ${dump.stderr}`)
  const entry = `${databaseEntry}/mongodb.archive`
  const size = (await stat(target)).size
  files.push({ bytes: size, path: entry, sha256: await writer.addFile(entry, target, size, onBytes) })
  return { database: { kind: 'mongodb', path: entry }, documents: {}, migrations: [] }
}

/** Runs `work` over `items`, at most `limit` at a time, keeping their order in the answer. */
const inTurns = async <T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** Files copied at once: the thread pool's four threads kept busy with small files. */
const filesAtOnce = 4

/**
 * Writes one archive of the school's records while the site keeps serving: a snapshot of the
 * database, every media file, the generated secret, and a manifest with the sha256 of each.
 *
 * Files are linked before the database is copied, so a file the snapshot names but a replacement
 * retires meanwhile is still held; a file the snapshot names that arrived after the links is
 * linked after. Each file is read once, hashed as it is copied into the archive; the manifest,
 * which needs every hash, comes last. The archive appears under its name only once complete.
 */
export const createBackup = async (settings: BackupSettings): Promise<BackupResult> => {
  const started = Date.now()
  await mkdir(settings.backupDir, { recursive: true })
  const staging = await mkdtemp(path.join(settings.backupDir, '.staging-'))
  const archive = path.join(settings.backupDir, `${archivePrefix}${settings.kind}-${stamp(new Date(started))}.tar`)
  const partial = `${archive}.partial`
  const writer = await ArchiveWriter.create(partial)
  try {
    const mediaStaging = path.join(staging, mediaEntry)
    await mkdir(mediaStaging, { recursive: true })
    const held = new Set<string>()
    for (const name of await regularFilesIn(settings.mediaDir)) {
      if (await snapshotFile(path.join(settings.mediaDir, name), path.join(mediaStaging, name))) held.add(name)
    }
    const sizeOf = (file: string) => stat(file).then((stats) => stats.size, () => 0)
    const heldBytes = (await Promise.all([...held].map((name) => sizeOf(path.join(mediaStaging, name))))).reduce((a, b) => a + b, 0)
    const source = isMongoUrl(settings.databaseUrl) ? 0 : (await sizeOf(sqliteFileOf(settings))) + (await sizeOf(`${sqliteFileOf(settings)}-wal`))
    const progress: Progress = { bytes: 0, files: 0, step: 'Sao lưu / backing up', totalBytes: heldBytes + source, totalFiles: held.size + 1 }
    const onBytes = (bytes: number) => {
      progress.bytes += bytes
      settings.onProgress?.(progress)
    }

    const files: ManifestFile[] = []
    const snapshot = isMongoUrl(settings.databaseUrl)
      ? await mongoSnapshot(settings, staging, writer, files, onBytes)
      : await sqliteSnapshot(settings, staging, writer, files, onBytes)
    progress.files += 1
    for (const name of snapshot.named ?? []) {
      if (!held.has(name) && (await snapshotFile(path.join(settings.mediaDir, name), path.join(mediaStaging, name)))) held.add(name)
    }
    const secret = path.join(staging, secretEntry)
    const hasSecret = await snapshotFile(path.join(settings.dataDir, '.payload-secret'), secret)

    const media = await Promise.all(
      [...held].sort().map(async (name) => ({ file: path.join(mediaStaging, name), name: `${mediaEntry}/${name}`, size: (await stat(path.join(mediaStaging, name))).size })),
    )
    if (hasSecret) media.push({ file: secret, name: secretEntry, size: (await stat(secret)).size })
    progress.totalFiles = media.length + 1
    const positions: number[] = []
    for (const file of media) positions.push(await writer.reserve(file.name, file.size))
    const hashes = await inTurns(media.map((file, index) => ({ ...file, position: positions[index]! })), filesAtOnce, async (file) => {
      const sha256 = await writer.copyInto(file.file, file.position, file.size, onBytes)
      progress.files += 1
      settings.onProgress?.(progress)
      return sha256
    })
    files.push(...media.map((file, index) => ({ bytes: file.size, path: file.name, sha256: hashes[index]! })))

    const manifest: Manifest = {
      app: await appVersion(),
      createdAt: new Date(started).toISOString(),
      database: snapshot.database,
      documents: snapshot.documents,
      files,
      migrations: snapshot.migrations,
    }
    await writer.addBuffer(manifestName, Buffer.from(JSON.stringify(manifest, null, 2)))
    const bytes = await writer.finish()
    await rename(partial, archive)
    return { archive, bytes, manifest, ms: Date.now() - started }
  } catch (error) {
    await writer.abandon()
    await rm(partial, { force: true })
    throw error
  } finally {
    await rm(staging, { force: true, recursive: true })
  }
}
