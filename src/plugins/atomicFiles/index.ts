import type { CollectionConfig, Config, Plugin } from 'payload'

import path from 'node:path'

import type { AtomicFilesCustom } from './filesDir.js'
import { guardFileWrites } from './databaseWrites.js'
import { captureIncomingFiles } from './incoming.js'
import { loadStoredFileForEdits } from './loadStoredFile.js'
import { recoverAbandonedChanges } from './recover.js'

const withAtomicFiles = (collection: CollectionConfig): CollectionConfig => {
  if (!collection.upload) return collection
  const upload = collection.upload === true ? {} : collection.upload
  const dir = path.resolve(upload.staticDir ?? collection.slug)
  return {
    ...collection,
    custom: { ...collection.custom, atomicFiles: { dir } } satisfies AtomicFilesCustom,
    upload: {
      ...upload,
      // Payload would write new files before validating and delete the old ones before the row is
      // stored, so a refused change lost the file. It writes nothing now; the files are ours.
      disableLocalStorage: true,
      // Payload still deletes "old files" from staticDir before validating, and image sizes of the
      // same name while resizing: aimed at a folder that holds none, those deletions find nothing.
      staticDir: path.join(dir, '.payload-writes-nothing-here'),
    },
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), loadStoredFileForEdits],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), captureIncomingFiles],
    },
  }
}

/**
 * Replaces files atomically in every upload collection: new bytes and sizes wait under temporary
 * names until the row naming them is stored, and only then take their names while the old files
 * go (`databaseWrites.ts`). A change that a stopped process left half-way is finished or undone
 * at the next start, as the database says (`recover.ts`).
 */
export const atomicFiles =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: config.collections?.map(withAtomicFiles),
    onInit: async (payload) => {
      await config.onInit?.(payload)
      guardFileWrites(payload)
      await recoverAbandonedChanges(payload)
    },
  })
