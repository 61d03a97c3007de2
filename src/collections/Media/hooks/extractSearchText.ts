import type { CollectionBeforeChangeHook } from 'payload'

import { extractFileText } from '../../../lib/uploads/extractText.js'

/**
 * Reads the text of a new PDF or Word file once, at upload, so search can find what is inside it.
 * A file whose text cannot be read is still stored; it is only not searchable by its content.
 */
export const extractSearchText: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!req.file) return data
  try {
    data.extractedText = (await extractFileText(req.file.data, req.file.mimetype)) ?? null
  } catch (error) {
    req.payload.logger.warn({ err: error, msg: `no text extracted from ${req.file.name}` })
    data.extractedText = null
  }
  return data
}
