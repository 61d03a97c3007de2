import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'

import { archivePrefix } from './backup.js'

/** How many nightly archives to keep: the newest of each of the last days and weeks. */
export type Retention = { daily: number; weekly: number }

const nightlyPattern = new RegExp(`^${archivePrefix}nightly-(\\d{8})-(\\d{6})\\.tar$`)

/** The Monday of the ISO week a `YYYYMMDD` day falls in, as a key. */
const weekOf = (day: string): string => {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))))
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}

/** The newest archive of each of the `count` most recent buckets (names sorted newest first). */
const newestPerBucket = (names: string[], bucketOf: (name: string) => string, count: number): string[] => {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const name of names) {
    const bucket = bucketOf(name)
    if (seen.has(bucket)) continue
    if (seen.size >= count) break
    seen.add(bucket)
    kept.push(name)
  }
  return kept
}

/**
 * Which nightly archives to delete: all but the newest of each of the `daily` most recent days
 * and the newest of each of the `weekly` most recent weeks (as `restic forget --keep-daily
 * --keep-weekly` counts them: the two sets overlap). Manual archives and those made before a
 * restore are never counted nor deleted.
 */
export const archivesToPrune = (names: string[], retention: Retention): string[] => {
  const nightly = names.filter((name) => nightlyPattern.test(name)).sort().reverse()
  const dayOf = (name: string) => nightlyPattern.exec(name)![1]!
  const keep = new Set([...newestPerBucket(nightly, dayOf, retention.daily), ...newestPerBucket(nightly, (name) => weekOf(dayOf(name)), retention.weekly)])
  return nightly.filter((name) => !keep.has(name))
}

export const pruneArchives = async (backupDir: string, retention: Retention): Promise<string[]> => {
  const doomed = archivesToPrune(await readdir(backupDir).catch(() => []), retention)
  for (const name of doomed) await rm(path.join(backupDir, name), { force: true })
  return doomed
}
