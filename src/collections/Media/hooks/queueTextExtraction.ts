import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { hasExtractableText } from '../../../lib/uploads/extractText.js'
import { extractMediaTextSlug, mediaTextQueue } from '../jobs/extractMediaText.js'

/** A new file's text is not the old file's: until its own is read, the file is found by none. */
export const clearReplacedText: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.file) data.extractedText = null
  return data
}

/**
 * Queues the reading of a new PDF, Word or PowerPoint file's text, in the upload's transaction,
 * rather than reading it during the upload: a 150-page plan takes seconds, and the teacher should
 * not wait for it. The server works the queue every second.
 */
export const queueTextExtraction: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.file || !doc.filename || !hasExtractableText(doc.mimeType)) return doc
  await req.payload.jobs.queue({
    input: { filename: doc.filename, id: String(doc.id) },
    queue: mediaTextQueue,
    req,
    task: extractMediaTextSlug,
  })
  return doc
}
