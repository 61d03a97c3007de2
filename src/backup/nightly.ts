import type { Payload } from 'payload'

import { dataDir, mediaDir } from '../lib/paths.js'
import { emitBackupEvent } from './events.js'
import { pruneArchives, type Retention } from './retention.js'
import { backupAndRecord } from './run.js'
import { backupDirOf, lastBackupOutcome } from './status.js'

/** When the nightly backup runs and how many archives it keeps, from the environment. */
export type NightlySettings = { retention: Retention; time: { hour: number; minute: number } }

/** `BACKUP_TIME` (`HH:MM`, the server's local time, default 02:00), `BACKUP_KEEP_DAILY` (7), `BACKUP_KEEP_WEEKLY` (4). */
export const nightlySettings = (env: NodeJS.ProcessEnv = process.env): NightlySettings => {
  const [hour = 2, minute = 0] = (env.BACKUP_TIME ?? '02:00').split(':').map(Number)
  if (!(hour >= 0 && hour < 24 && minute >= 0 && minute < 60)) throw new Error(`BACKUP_TIME must be HH:MM (got "${env.BACKUP_TIME}")`)
  const count = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback)
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got "${env[name]}")`)
    return value
  }
  return { retention: { daily: count('BACKUP_KEEP_DAILY', 7), weekly: count('BACKUP_KEEP_WEEKLY', 4) }, time: { hour, minute } }
}

/** Milliseconds from `now` to the next `hour:minute` of the local clock. */
export const untilNext = ({ hour, minute }: NightlySettings['time'], now = new Date()): number => {
  const next = new Date(now)
  next.setHours(hour, minute, 0, 0)
  if (next <= now) next.setDate(next.getDate() + 1)
  return next.getTime() - now.getTime()
}

/** One nightly run: back up, log and record the result, then prune old nightly archives. */
export const runNightlyBackup = async (payload: Payload, settings: NightlySettings): Promise<void> => {
  const backupDir = backupDirOf()
  const { error, result } = await backupAndRecord({ backupDir, dataDir: dataDir(), databaseUrl: process.env.DATABASE_URL, kind: 'nightly', mediaDir: mediaDir() })
  if (result) {
    payload.logger.info({ archive: result.archive, bytes: result.bytes, ms: result.ms }, 'backup: nightly archive written')
    const pruned = await pruneArchives(backupDir, settings.retention)
    if (pruned.length > 0) payload.logger.info({ pruned }, 'backup: older nightly archives removed')
  } else payload.logger.error({ err: error }, 'backup: the nightly backup failed')
  const outcome = await lastBackupOutcome(backupDir)
  if (outcome) await emitBackupEvent({ kind: 'backup', outcome, payload }, (err) => payload.logger.error({ err }, 'backup: a listener failed'))
}

/**
 * Schedules the nightly backup in the server. A timer rather than a queued job: the backup must
 * run even when the database it copies cannot be written, and one server runs it once.
 */
export const scheduleNightlyBackups = (payload: Payload, settings = nightlySettings()): (() => void) => {
  let timer: NodeJS.Timeout
  const arm = () => {
    timer = setTimeout(() => {
      void runNightlyBackup(payload, settings).finally(arm)
    }, untilNext(settings.time))
    timer.unref()
  }
  arm()
  return () => clearTimeout(timer)
}
