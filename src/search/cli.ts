/**
 * `npm run search:reindex` and `npm run search:check`.
 * With Meilisearch the index is shared, so the work is done here. The embedded index lives inside
 * the running server, so there the server is asked (with the ops token from the data folder).
 * `check` exits with 1 when the index and the database disagree.
 */
import { createLocalReq, getPayload } from 'payload'

import { opsTokenHeader, readOpsToken } from '../lib/opsToken.js'
import { ensurePayloadSecret } from '../lib/secret.js'
import { checkDrift, type DriftReport, reindexAll, type ReindexReport } from '../plugins/search/ops.js'
import { searchSettingsOf } from '../plugins/search/settingsOf.js'

const command = process.argv[2]
if (command !== 'reindex' && command !== 'check') {
  process.stderr.write('usage: search (reindex | check)\n')
  process.exit(2)
}

const printReindex = (report: ReindexReport) => {
  for (const [collection, count] of Object.entries(report.counts)) process.stdout.write(`  ${collection.padEnd(22)} ${count}\n`)
  process.stdout.write(`Đã lập chỉ mục ${report.indexed} mục trong ${report.ms} ms / indexed ${report.indexed} entries\n`)
}

const printDrift = (report: DriftReport) => {
  if (report.inSync) {
    process.stdout.write('Chỉ mục khớp với cơ sở dữ liệu. / The index matches the database.\n')
    return
  }
  process.stdout.write(`Thiếu trong chỉ mục / missing from the index (${report.missing.length}):\n`)
  report.missing.forEach((id) => process.stdout.write(`  + ${id}\n`))
  process.stdout.write(`Thừa trong chỉ mục / left over in the index (${report.extra.length}):\n`)
  report.extra.forEach((id) => process.stdout.write(`  - ${id}\n`))
}

const progressBar = (total: number) => (indexed: number) => {
  const width = 30
  const filled = total ? Math.round((indexed / total) * width) : width
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${indexed}/${total}`)
}

const askServer = async <T>(path: string, method: 'GET' | 'POST'): Promise<T> => {
  const base = process.env.SERVER_URL || `http://127.0.0.1:${process.env.PORT ?? 3000}`
  const token = readOpsToken()
  if (!token) throw new Error('no ops token in the data folder: start the server once first')
  const response = await fetch(`${base}/api${path}`, { headers: { [opsTokenHeader]: token }, method })
  if (!response.ok) throw new Error(`${base}/api${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

ensurePayloadSecret()
if (!process.env.MEILI_HOST) {
  if (command === 'reindex') printReindex(await askServer<ReindexReport>('/search/reindex', 'POST'))
  else {
    const report = await askServer<DriftReport>('/search/check', 'GET')
    printDrift(report)
    process.exitCode = report.inSync ? 0 : 1
  }
} else {
  const { default: config } = await import('../payload.config.js')
  const payload = await getPayload({ config })
  const settings = searchSettingsOf(payload)
  const req = await createLocalReq({}, payload)
  if (command === 'reindex') {
    let total = 0
    for (const collection of Object.keys(settings.collections)) {
      total += (await payload.count({ collection: collection as 'announcements', overrideAccess: true, where: { _status: { equals: 'published' } } })).totalDocs
    }
    const report = await reindexAll(settings, req, progressBar(total))
    process.stderr.write('\n')
    printReindex(report)
  } else {
    const report = await checkDrift(settings, req)
    printDrift(report)
    process.exitCode = report.inSync ? 0 : 1
  }
  await payload.destroy()
}
