import type { CollectionSlug } from 'payload'

export type AuditPluginOptions = {
  /** Collections whose creations, changes and deletions are recorded. */
  collections: CollectionSlug[]
  /**
   * The collection of accounts, whose sign-ins, locks, roles and passwords are recorded too.
   * @default 'users'
   */
  users?: CollectionSlug
  /**
   * Days an entry is kept.
   * @default auditRetentionDays() — `AUDIT_RETENTION_DAYS`, else 730 (two years)
   */
  retentionDays?: number
  /**
   * When the retention job is queued (cron, server time).
   * @default '41 3 * * *' (daily, at night)
   */
  schedule?: string
}
