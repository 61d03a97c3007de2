import type { CollectionBeforeOperationHook } from 'payload'

import { fileTypeFromBuffer } from 'file-type'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { filesDirOf } from './filesDir.js'

type UploadEdits = { crop?: unknown; focalPoint?: unknown; heightInPixels?: unknown; widthInPixels?: unknown }

/**
 * A crop or a new focal point re-derives the sizes from the stored original. With local storage
 * handed to this plugin, Payload would fetch that original over HTTP from its own server (and fail
 * outside one); it is read from the folder instead, and the edit then goes through the same
 * atomic replacement as an upload.
 */
export const loadStoredFileForEdits: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'update' || req.file) return args
  const edits = (req.query as { uploadEdits?: UploadEdits } | undefined)?.uploadEdits
  if (!edits || typeof edits !== 'object' || !(edits.crop || edits.focalPoint || edits.heightInPixels || edits.widthInPixels)) return args
  const id = (args as { id?: number | string }).id
  if (id === undefined) return args
  const row = await req.payload.db.findOne<{ filename?: string; id: number | string; mimeType?: string }>({ collection: collection.slug, req, where: { id: { equals: id } } })
  if (!row?.filename) return args
  const data = await readFile(path.join(filesDirOf(collection), row.filename))
  const mimetype = row.mimeType ?? (await fileTypeFromBuffer(data))?.mime ?? 'application/octet-stream'
  req.file = { data, mimetype, name: row.filename, size: data.length }
  return args
}
