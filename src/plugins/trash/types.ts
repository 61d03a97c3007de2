import type { CollectionSlug } from 'payload'

export type TrashPluginOptions = {
  /** The collections whose deleted documents go to the trash instead of disappearing. */
  collections: CollectionSlug[]
  /**
   * Days a document stays in the trash before the emptying job deletes it for good (its files too).
   * @default trashRetentionDays() — `TRASH_RETENTION_DAYS`, else 30
   */
  retentionDays?: number
  /**
   * When the emptying job is queued (cron, server time).
   * @default '17 * * * *' (hourly: nothing stays more than an hour past its term)
   */
  schedule?: string
}

export type SanitizedTrashPluginOptions = Required<TrashPluginOptions>
