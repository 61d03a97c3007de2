import type { CollectionSlug, Payload } from 'payload'

import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'

import { filenamesOfRow, filesDirOf } from '../plugins/atomicFiles/filesDir.js'
import { quarantine } from '../plugins/atomicFiles/store.js'

/** A row that names a file (the original or one of its sizes) the folder does not have. */
export type MissingFile = { collection: string; filename: string; id: number | string; original: string }

/** A file in a collection's folder that no row names. */
export type OrphanFile = { collection: string; filename: string }

export type FilesReport = { checkedFiles: number; checkedRows: number; missing: MissingFile[]; orphans: OrphanFile[] }

/** The kv key under which the last check's missing files wait for an administrator. */
export const missingFilesKey = 'files-check:missing'

export type MissingFilesNotice = { checkedAt: string; missing: MissingFile[] }

const pageSize = 500

/** Every row of an upload collection, trashed ones too: their files stay until they are purged. */
async function* rowsOf(payload: Payload, collection: CollectionSlug) {
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.db.find({ collection, limit: pageSize, page, pagination: true, sort: 'id' })
    yield* docs as Array<{ id: number | string }>
    if (!hasNextPage) return
  }
}

/** Regular files directly in the folder; dot-folders hold pending changes and the quarantine. */
const filesIn = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return entries.filter((entry) => !entry.name.startsWith('.') && !entry.isDirectory()).map((entry) => entry.name)
}

const isFile = (target: string) => lstat(target).then((stats) => stats.isFile(), () => false)

/**
 * Lists drift between database and disk in both directions: rows naming a file or an image size
 * that is not on disk, and files on disk that no row names.
 */
export const checkFiles = async (payload: Payload): Promise<FilesReport> => {
  const report: FilesReport = { checkedFiles: 0, checkedRows: 0, missing: [], orphans: [] }
  for (const { config } of Object.values(payload.collections)) {
    if (!config.upload) continue
    const dir = filesDirOf(config)
    const named = new Set<string>()
    for await (const row of rowsOf(payload, config.slug)) {
      report.checkedRows += 1
      const names = filenamesOfRow(row)
      for (const filename of names) {
        named.add(filename)
        if (!(await isFile(path.join(dir, filename)))) report.missing.push({ collection: config.slug, filename, id: row.id, original: names[0]! })
      }
    }
    const onDisk = await filesIn(dir)
    report.checkedFiles += onDisk.length
    for (const filename of onDisk) if (!named.has(filename)) report.orphans.push({ collection: config.slug, filename })
  }
  return report
}

/**
 * Repairs what can be repaired without losing anything: orphans move into the quarantine folder
 * (never deleted), and rows whose files are missing are left for an administrator, who sees them
 * on the dashboard until a check finds none.
 */
export const fixFiles = async (payload: Payload, report: FilesReport): Promise<{ quarantined: string[] }> => {
  const quarantined: string[] = []
  for (const orphan of report.orphans) {
    const dir = filesDirOf(payload.collections[orphan.collection as CollectionSlug].config)
    quarantined.push(await quarantine(dir, orphan.filename))
  }
  await reportMissingFiles(payload, report.missing)
  return { quarantined }
}

/** Keeps the missing files where the dashboard shows them; a clean check clears the notice. */
export const reportMissingFiles = async (payload: Payload, missing: MissingFile[]): Promise<void> => {
  if (missing.length === 0) return payload.kv.delete(missingFilesKey)
  const notice: MissingFilesNotice = { checkedAt: new Date().toISOString(), missing }
  await payload.kv.set(missingFilesKey, notice)
}
