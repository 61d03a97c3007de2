import { spawnSync } from 'node:child_process'
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { isMongoUrl } from '../database.js'
import { createBackup, type BackupResult } from './backup.js'
import { joinInside, regularFilesIn } from './files.js'
import { type Manifest, manifestName, mediaEntry, secretEntry } from './manifest.js'
import type { Progress } from './progress.js'
import { sqliteFileOf } from './sqlite.js'
import { extractArchive, type Unpacked } from './tar.js'

export type RestoreSettings = {
  archive: string
  backupDir: string
  dataDir: string
  databaseUrl?: string
  /** Restore over existing data, after backing it up. */
  force: boolean
  mediaDir: string
  onProgress?: (progress: Progress) => void
}

/** A restore that stopped before touching anything; the message says why and what to do. */
export class RestoreRefused extends Error {}

export type RestoreResult = { backupOfReplaced?: BackupResult; manifest: Manifest }

const exists = (target: string) => access(target).then(() => true, () => false)

/** What is already there: a database file or media files (the backups folder does not count). */
const existingData = async (settings: RestoreSettings): Promise<string[]> => {
  const found: string[] = []
  if (!isMongoUrl(settings.databaseUrl)) {
    const database = sqliteFileOf(settings)
    if (await exists(database)) found.push(database)
  }
  const media = await regularFilesIn(settings.mediaDir)
  if (media.length > 0) found.push(`${settings.mediaDir} (${media.length})`)
  return found
}

const archiveSize = (archive: string) =>
  stat(archive).then(
    (stats) => stats.size,
    (error: Error) => {
      throw new RestoreRefused(`Không đọc được bản sao lưu ${archive}: ${error.message}`)
    },
  )

/** Every file the manifest promises, unpacked with its size and its sha256; nothing else decides. */
const verify = (manifest: Manifest, unpacked: Map<string, Unpacked>) => {
  for (const file of manifest.files) {
    const found = unpacked.get(file.path)
    if (!found) throw new RestoreRefused(`Bản sao lưu thiếu tệp ${file.path}. / The archive lacks ${file.path}.`)
    if (found.bytes !== file.bytes) throw new RestoreRefused(`Tệp ${file.path} có ${found.bytes} byte, bản kê ghi ${file.bytes}. / ${file.path} has ${found.bytes} bytes, the manifest says ${file.bytes}.`)
    if (found.sha256 !== file.sha256) throw new RestoreRefused(`Tổng kiểm tra của ${file.path} không khớp: bản sao lưu bị hỏng. / The checksum of ${file.path} does not match: the archive is damaged.`)
  }
}

/**
 * Puts an archive's database and files in place. It unpacks beside the data folder, hashing each
 * file as it is written, and compares every checksum before anything is moved into place: a
 * damaged archive changes nothing. A folder that holds data is refused unless `force`, which
 * backs that data up before replacing it.
 */
export const restoreBackup = async (settings: RestoreSettings): Promise<RestoreResult> => {
  const existing = await existingData(settings)
  if (existing.length > 0 && !settings.force) {
    throw new RestoreRefused(`Thư mục dữ liệu đã có dữ liệu (${existing.join(', ')}). Dùng --force để sao lưu rồi thay thế. / The data folder holds data; --force backs it up, then replaces it.`)
  }
  await mkdir(settings.dataDir, { recursive: true })
  const work = await mkdtemp(path.join(settings.dataDir, '.restore-'))
  try {
    const progress: Progress = { bytes: 0, files: 0, step: 'Giải nén và kiểm tra / unpacking and verifying', totalBytes: await archiveSize(settings.archive) }
    const unpacked = await extractArchive(path.resolve(settings.archive), work, (bytes) => {
      progress.bytes += bytes
      settings.onProgress?.(progress)
    }).catch((error: Error) => {
      throw new RestoreRefused(`Không đọc được bản sao lưu ${settings.archive}: ${error.message}`)
    })
    const manifest = JSON.parse(await readFile(path.join(work, manifestName), 'utf8').catch(() => {
      throw new RestoreRefused(`${settings.archive} không có bản kê (manifest.json). / ${settings.archive} has no manifest.`)
    })) as Manifest
    verify(manifest, unpacked)
    if ((manifest.database.kind === 'mongodb') !== isMongoUrl(settings.databaseUrl)) {
      throw new RestoreRefused(`Bản sao lưu chứa cơ sở dữ liệu ${manifest.database.kind}, DATABASE_URL chỉ tới loại khác. / The archive holds a ${manifest.database.kind} database; DATABASE_URL names another kind.`)
    }

    let backupOfReplaced: BackupResult | undefined
    if (existing.length > 0) backupOfReplaced = await createBackup({ ...settings, kind: 'before-restore' })

    if (manifest.database.kind === 'sqlite') {
      const database = sqliteFileOf(settings)
      await mkdir(path.dirname(database), { recursive: true })
      for (const suffix of ['-wal', '-shm']) await rm(`${database}${suffix}`, { force: true })
      await rename(joinInside(work, manifest.database.path), database)
      if (manifest.database.wal) await rename(joinInside(work, manifest.database.wal), `${database}-wal`)
    } else {
      const restored = spawnSync('mongorestore', [`--uri=${settings.databaseUrl}`, '--drop', `--archive=${joinInside(work, manifest.database.path)}`], { encoding: 'utf8' })
      if (restored.error) throw new RestoreRefused('Không tìm thấy mongorestore: hãy cài MongoDB Database Tools. / mongorestore not found: install the MongoDB Database Tools.')
      if (restored.status !== 0) throw new Error(`mongorestore exited with ${restored.status}: ${restored.stderr}`)
    }

    await mkdir(settings.mediaDir, { recursive: true })
    const replaced = path.join(work, 'replaced')
    await mkdir(replaced)
    for (const name of await regularFilesIn(settings.mediaDir)) await rename(path.join(settings.mediaDir, name), path.join(replaced, name))
    for (const name of await readdir(path.join(work, mediaEntry))) await rename(path.join(work, mediaEntry, name), path.join(settings.mediaDir, name))
    if (await exists(path.join(work, secretEntry))) await rename(path.join(work, secretEntry), path.join(settings.dataDir, '.payload-secret'))
    return { backupOfReplaced, manifest }
  } finally {
    await rm(work, { force: true, recursive: true })
  }
}

