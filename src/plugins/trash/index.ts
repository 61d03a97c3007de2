import type { Access, CollectionConfig, Config } from 'payload'

import type { SanitizedTrashPluginOptions, TrashPluginOptions } from './types.js'

import { deleteThroughTrash, readOutsideTrash } from './access.js'
import { defaultTrashSchedule, trashRetentionDays } from './defaults.js'
import { refuseDeletingOutsideTrash } from './hooks/refuseDeletingOutsideTrash.js'
import { emptyTrashTask } from './jobs/emptyTrash.js'

const withTrash = (collection: CollectionConfig): CollectionConfig => {
  const { read, update } = collection.access ?? {}
  if (!read || !update) throw new Error(`trash: ${collection.slug} needs its own read and update rules`)
  return {
    ...collection,
    trash: true,
    access: {
      ...collection.access,
      read: readOutsideTrash(read as Access, update as Access),
      delete: deleteThroughTrash(update as Access),
    },
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseDeletingOutsideTrash],
    },
  }
}

/**
 * Deleting a document moves it to the trash (Payload's own `trash`): it leaves the website, readers'
 * answers and the search index at once, its editors can restore it, and a job empties what stayed
 * past the retention. Whoever may edit a document may move it to the trash and restore it;
 * administrators see the whole trash and alone delete for good.
 */
export const trashPlugin =
  (options: TrashPluginOptions) =>
  (config: Config): Config => {
    const sanitized: SanitizedTrashPluginOptions = {
      collections: options.collections,
      retentionDays: options.retentionDays ?? trashRetentionDays(),
      schedule: options.schedule ?? defaultTrashSchedule,
    }
    const inTrash = new Set<string>(sanitized.collections)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => (inTrash.has(collection.slug) ? withTrash(collection) : collection)),
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), emptyTrashTask(sanitized)],
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (process.env.TRASH_RETENTION_DAYS && trashRetentionDays() !== Number(process.env.TRASH_RETENTION_DAYS)) {
          payload.logger.warn(`TRASH_RETENTION_DAYS="${process.env.TRASH_RETENTION_DAYS}" is not a whole number of days from 1: the trash keeps documents ${sanitized.retentionDays} days`)
        }
      },
    }
  }
