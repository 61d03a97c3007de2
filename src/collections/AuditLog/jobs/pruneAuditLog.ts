import type { Payload, TaskConfig } from 'payload'

import { housekeepingQueue } from '../../../plugins/trash/defaults.js'
import { auditCollectionSlug } from '../actions.js'

const dayMs = 24 * 60 * 60 * 1000

export const pruneAuditLogTaskSlug = 'pruneAuditLog'

/**
 * `AUDIT_RETENTION_DAYS`: a whole number of days from 1, else 730 (two years). An unreadable
 * setting keeps the default rather than pruning early.
 */
export const auditRetentionDays = (value = process.env.AUDIT_RETENTION_DAYS): number => {
  const days = Number(value)
  return value && Number.isInteger(days) && days >= 1 ? days : 730
}

/**
 * Removes entries older than the retention, the only deletion the log knows. It works below the
 * operation layer, where the collection's refusal of deletes does not reach; `now` is the clock.
 */
export const pruneAuditLog = async (payload: Payload, { now = new Date(), retentionDays }: { now?: Date; retentionDays: number }): Promise<number> => {
  const where = { at: { less_than: new Date(now.getTime() - retentionDays * dayMs).toISOString() } }
  const count = (await payload.db.count({ collection: auditCollectionSlug, where })).totalDocs
  if (count === 0) return 0
  await payload.db.deleteMany({ collection: auditCollectionSlug, where })
  payload.logger.info(`audit: ${count} entries older than ${retentionDays} days removed`)
  return count
}

export const pruneAuditLogTask = ({ retentionDays, schedule }: { retentionDays: number; schedule: string }): TaskConfig => ({
  slug: pruneAuditLogTaskSlug,
  schedule: [{ cron: schedule, queue: housekeepingQueue }],
  retries: 3,
  handler: async ({ req }) => ({ output: { removed: await pruneAuditLog(req.payload, { retentionDays }) } }),
})
