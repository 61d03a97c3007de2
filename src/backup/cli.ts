/**
 * `npm run backup` writes one archive into `BACKUP_DIR` (default `data/backups`) while the site
 * keeps serving. `npm run restore ARCHIVE [--force]` restores one into an empty data folder (or,
 * with --force, over existing data after backing it up), then applies newer migrations, rebuilds
 * the search index and prints its counts beside the manifest's. Exit codes: 0 done, 1 failed,
 * 2 wrong usage.
 */
import { createLocalReq, getPayload } from 'payload'

import { isMongoUrl } from '../database.js'
import { dataDir, mediaDir } from '../lib/paths.js'
import { ensurePayloadSecret } from '../lib/secret.js'
import { markProcessThatNeverSearches } from '../lib/serverProcess.js'
import { reindexAll } from '../plugins/search/ops.js'
import { searchSettingsOf } from '../plugins/search/settingsOf.js'
import { emitBackupEvent } from './events.js'
import { checkFiles } from './filesCheck.js'
import { progressPrinter } from './progress.js'
import { restoreBackup, RestoreRefused } from './restore.js'
import { backupAndRecord } from './run.js'
import { countDocuments, openSqlite, sqliteFileOf } from './sqlite.js'
import { backupDirOf } from './status.js'

const [command, ...rest] = process.argv.slice(2)
const say = (line: string) => process.stdout.write(`${line}\n`)
const settings = { backupDir: backupDirOf(), dataDir: dataDir(), databaseUrl: process.env.DATABASE_URL, mediaDir: mediaDir(), onProgress: progressPrinter() }

const backup = async () => {
  const { error, result } = await backupAndRecord({ ...settings, kind: 'manual' })
  if (!result) {
    process.stderr.write(`Sao lưu thất bại / backup failed: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  const { documents, files } = result.manifest
  say(`Đã sao lưu vào / archive written: ${result.archive}`)
  say(`  ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${files.length} tệp/files, ${Object.values(documents).reduce((a, b) => a + b, 0)} bản ghi/rows, ${result.ms} ms`)
  return 0
}

const restore = async () => {
  const archive = rest.find((arg) => !arg.startsWith('--'))
  if (!archive) {
    process.stderr.write('usage: npm run restore -- ARCHIVE [--force]\n')
    return 2
  }
  let restored
  try {
    restored = await restoreBackup({ ...settings, archive, force: rest.includes('--force') })
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error
    process.stderr.write(`Không khôi phục / not restored: ${error.message}\n`)
    return 1
  }
  const { backupOfReplaced, manifest } = restored
  if (backupOfReplaced) say(`Dữ liệu cũ đã được sao lưu vào / the replaced data was backed up to: ${backupOfReplaced.archive}`)
  say(`Đã khôi phục bản sao lưu ngày ${manifest.createdAt} (phiên bản ${manifest.app.version}) / restored the archive of ${manifest.createdAt}`)

  ensurePayloadSecret()
  // An embedded index is built by the server as it starts, not here.
  markProcessThatNeverSearches()
  // Booting applies the migrations newer than the archive and settles any half-done file change.
  const { default: config } = await import('../payload.config.js')
  const payload = await getPayload({ config })
  try {
    if (process.env.MEILI_HOST) {
      const report = await reindexAll(searchSettingsOf(payload), await createLocalReq({}, payload))
      say(`Đã lập lại chỉ mục tìm kiếm: ${report.indexed} mục / search index rebuilt: ${report.indexed} entries`)
    } else {
      say('Chỉ mục tìm kiếm nhúng được lập lại khi máy chủ khởi động. / The embedded search index is rebuilt as the server starts.')
    }
    const counts = isMongoUrl(process.env.DATABASE_URL) ? {} : await countDocuments(await openSqlite(sqliteFileOf(settings)))
    say(`${'bảng / table'.padEnd(40)} ${'khôi phục / restored'.padStart(20)} ${'bản kê / manifest'.padStart(18)}`)
    for (const table of [...new Set([...Object.keys(manifest.documents), ...Object.keys(counts)])].sort()) {
      const restoredCount = counts[table]
      const promised = manifest.documents[table]
      const mark = restoredCount === promised || table === 'payload_migrations' ? '' : '  ≠'
      say(`${table.padEnd(40)} ${String(restoredCount ?? '—').padStart(20)} ${String(promised ?? '—').padStart(18)}${mark}`)
    }
    const files = await checkFiles(payload)
    say(`Tệp: ${files.checkedFiles} trên đĩa, ${manifest.files.filter((file) => file.path.startsWith('media/')).length} trong bản kê, thiếu ${files.missing.length}, thừa ${files.orphans.length} / files on disk, in the manifest, missing, unnamed`)
    await emitBackupEvent({ archive, counts, kind: 'restore', payload }, (err) => payload.logger.error({ err }, 'restore: a listener failed'))
  } finally {
    await payload.destroy()
  }
  return 0
}

if (command === 'backup') process.exitCode = await backup()
else if (command === 'restore') process.exitCode = await restore()
else {
  process.stderr.write('usage: backup | restore ARCHIVE [--force]\n')
  process.exitCode = 2
}
