/**
 * `B1`–`B3`: `npm run backup` and `npm run restore` of the generated school against a plain
 * `cp -r` of the same data folder, in turns (cp, backup, restore) so the load others put on the
 * machine falls on each alike; best of nine, as on a shared machine one run of 30–50 ms in three
 * can easily be slowed fourfold by a neighbour. Backup and restore are timed as the library calls
 * they run (database snapshot, every file hashed, the archive written; unpacked, every checksum
 * verified, put in place), without the start of a Node process around them. The restore's
 * migration and reindex steps boot Payload and are not part of the copy.
 *
 *   BENCH_DOCS=2000 NODE_OPTIONS=--conditions=development tsx bench/backup.ts
 *   BENCH_DATA_DIR=/tmp/truongso-bench-… NODE_OPTIONS=--conditions=development tsx bench/backup.ts
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createBackup } from '../src/backup/backup.js'
import { restoreBackup } from '../src/backup/restore.js'
import { generate } from './generate.js'
import { ratio, timed } from './lib.js'

export type BackupBench = {
  archiveBytes: number
  backupMs: number[]
  bytes: number
  copyMs: number[]
  restoreMs: number[]
  backup: number
  restore: number
  size: number
}

/** Bytes of every file under a folder, the backups folder left out. */
const bytesUnder = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    if (entry.name === 'backups') return sum
    const target = path.join(dir, entry.name)
    return sum + (entry.isDirectory() ? bytesUnder(target) : statSync(target).size)
  }, 0)

const megabytesPerSecond = (bytes: number, ms: number) => Math.round((bytes / 1024 / 1024 / (ms / 1000)) * 10) / 10

export const measureBackupRestore = async (dataDir: string, rounds = 9): Promise<BackupBench> => {
  const bytes = bytesUnder(dataDir)
  const scratch = mkdtempSync(path.join(tmpdir(), 'truongso-bench-backup-'))
  const copyMs: number[] = []
  const backupMs: number[] = []
  const restoreMs: number[] = []
  let archiveBytes = 0
  try {
    for (let round = 0; round < rounds; round += 1) {
      const copy = path.join(scratch, `copy-${round}`)
      copyMs.push((await timed(async () => execFileSync('cp', ['-r', dataDir, copy]))).ms)
      rmSync(copy, { force: true, recursive: true })

      const backupDir = path.join(scratch, `backups-${round}`)
      const backup = await timed(() => createBackup({ backupDir, dataDir, kind: 'manual', mediaDir: path.join(dataDir, 'media') }))
      backupMs.push(backup.ms)
      archiveBytes = backup.value.bytes

      const target = path.join(scratch, `restored-${round}`)
      restoreMs.push(
        (await timed(() => restoreBackup({ archive: backup.value.archive, backupDir, dataDir: target, force: false, mediaDir: path.join(target, 'media') }))).ms,
      )
      rmSync(target, { force: true, recursive: true })
      rmSync(backupDir, { force: true, recursive: true })
    }
  } finally {
    rmSync(scratch, { force: true, recursive: true })
  }
  const best = (runs: number[]) => Math.min(...runs)
  return {
    archiveBytes,
    backup: ratio(best(copyMs), best(backupMs)),
    backupMs,
    bytes,
    copyMs,
    restore: ratio(best(copyMs), best(restoreMs)),
    restoreMs,
    size: ratio(archiveBytes, bytes),
  }
}

/** The rows `npm run bench` reports. */
export const backupRows = (b: BackupBench) => {
  const best = (runs: number[]) => Math.min(...runs)
  const copy = `cp -r ${megabytesPerSecond(b.bytes, best(b.copyMs))} MB/s (${b.copyMs.join(', ')} ms)`
  const folder = `${(b.bytes / 1024 / 1024).toFixed(1)} MB data folder`
  return [
    {
      id: 'B1', measure: `npm run backup (snapshot, sha256 of every file, tar) MB/s ÷ cp -r of the same ${folder} MB/s (best of ${b.backupMs.length})`,
      ours: `${megabytesPerSecond(b.bytes, best(b.backupMs))} MB/s (${b.backupMs.join(', ')} ms)`, reference: copy, ratio: b.backup, target: '≥ 0.5', pass: b.backup >= 0.5,
    },
    {
      id: 'B2', measure: `npm run restore (unpack, verify every checksum, put in place) MB/s ÷ cp -r of the same ${folder} MB/s (best of ${b.restoreMs.length})`,
      ours: `${megabytesPerSecond(b.bytes, best(b.restoreMs))} MB/s (${b.restoreMs.join(', ')} ms)`, reference: copy, ratio: b.restore, target: '≥ 0.5', pass: b.restore >= 0.5,
    },
    {
      id: 'B3', measure: 'archive size ÷ data folder size', ours: `${(b.archiveBytes / 1024 / 1024).toFixed(1)} MB archive`, reference: folder,
      ratio: b.size, target: 'report', pass: null,
    },
  ]
}

/** `BENCH_DATA_DIR` measures a data folder generated before (by an earlier run) instead of a new one. */
const main = async () => {
  let dataDir = process.env.BENCH_DATA_DIR
  if (!dataDir) {
    const count = Number(process.env.BENCH_DOCS ?? 10_000)
    dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-'))
    process.stdout.write(`generating ${count} documents into ${dataDir}…\n`)
    const generated = await generate({ count, dataDir })
    process.stdout.write(`generated in ${generated.ms} ms\n`)
  }
  process.stdout.write(`backup and restore of ${dataDir} against cp -r…\n`)
  const result = await measureBackupRestore(dataDir)
  process.stdout.write(`${JSON.stringify({ ...result, rows: backupRows(result) }, null, 2)}\n`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
