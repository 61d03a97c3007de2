/**
 * `npm run files:check` lists drift between the database and the files on disk, both ways, and
 * exits with 1 when there is any. `npm run files:check -- --fix` moves files no row names into the
 * quarantine folder (never deleting them) and leaves rows whose files are missing for the
 * administrators, on the dashboard.
 */
import { getPayload } from 'payload'

import { ensurePayloadSecret } from '../lib/secret.js'
import { markProcessThatNeverSearches } from '../lib/serverProcess.js'
import { checkFiles, fixFiles, type FilesReport } from './filesCheck.js'

const fix = process.argv.includes('--fix')

const print = (report: FilesReport) => {
  process.stdout.write(`Đã kiểm tra ${report.checkedRows} bản ghi và ${report.checkedFiles} tệp / checked ${report.checkedRows} rows and ${report.checkedFiles} files\n`)
  if (report.missing.length === 0 && report.orphans.length === 0) {
    process.stdout.write('Tệp trên đĩa khớp với cơ sở dữ liệu. / The files on disk match the database.\n')
    return
  }
  process.stdout.write(`Thiếu trên đĩa / missing from disk (${report.missing.length}):\n`)
  for (const file of report.missing) process.stdout.write(`  - ${file.collection}/${file.id} ${file.filename}${file.filename === file.original ? '' : ` (size of ${file.original})`}\n`)
  process.stdout.write(`Không bản ghi nào dùng / named by no row (${report.orphans.length}):\n`)
  for (const file of report.orphans) process.stdout.write(`  + ${file.collection} ${file.filename}\n`)
}

ensurePayloadSecret()
markProcessThatNeverSearches()
const { default: config } = await import('../payload.config.js')
const payload = await getPayload({ config })
const report = await checkFiles(payload)
print(report)
if (fix) {
  const { quarantined } = await fixFiles(payload, report)
  for (const target of quarantined) process.stdout.write(`Đã chuyển vào khu cách ly / quarantined: ${target}\n`)
  if (report.missing.length > 0) process.stdout.write('Các tệp thiếu được báo cho quản trị viên trên bảng điều khiển. / Missing files are shown to administrators on the dashboard.\n')
  // What remains after a fix is what only a person can settle: a row whose file is gone.
  process.exitCode = report.missing.length > 0 ? 1 : 0
} else {
  process.exitCode = report.missing.length > 0 || report.orphans.length > 0 ? 1 : 0
}
await payload.destroy()
