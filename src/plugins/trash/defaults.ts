/** Housekeeping runs in the queue the server works every minute (see payload.config.ts). */
export const housekeepingQueue = 'default'

export const emptyTrashTaskSlug = 'emptyTrash'

export const defaultTrashSchedule = '17 * * * *'

/**
 * `TRASH_RETENTION_DAYS`: a whole number of days from 1, else 30. A setting that cannot be read
 * keeps the default (and says so at start) rather than emptying the trash early.
 */
export const trashRetentionDays = (value = process.env.TRASH_RETENTION_DAYS): number => {
  const days = Number(value)
  return value && Number.isInteger(days) && days >= 1 ? days : 30
}
