import type { TaskConfig } from 'payload'

import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { mediaDir } from '../../../lib/paths.js'
import { extractFileText } from '../../../lib/uploads/extractText.js'

export const extractMediaTextSlug = 'extractMediaText'

/** The queue the server works every second; kept apart so a long file never delays search updates. */
export const mediaTextQueue = 'media-text'

/**
 * Reads the text of one uploaded PDF, Word or PowerPoint file from disk and stores it on the file,
 * where the search index finds it: storing it is an update of the file, which re-indexes every
 * document that uses it. A file that cannot be read is logged and stored without text, never
 * retried; a file replaced meanwhile is left to the job its new version queued.
 */
export const extractMediaText: TaskConfig<{ input: { filename: string; id: string }; output: { result: string } }> = {
  slug: extractMediaTextSlug,
  inputSchema: [
    { name: 'id', type: 'text', required: true },
    { name: 'filename', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  // Only the database can fail here in a way that a later try may not (a damaged file is handled).
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => {
    const { logger } = req.payload
    // Bookkeeping on behalf of the uploader, whose upload has already been allowed.
    const media = await req.payload.findByID({ collection: 'media', id: input.id, depth: 0, disableErrors: true, overrideAccess: true, req })
    if (!media || media.filename !== input.filename || !media.mimeType) return { output: { result: 'replaced' } }

    const started = performance.now()
    let extractedText: null | string = null
    let result = 'none'
    try {
      const extracted = await extractFileText(await readFile(path.join(mediaDir(), input.filename)), media.mimeType)
      if (extracted) {
        extractedText = extracted.text || null
        result = extracted.stoppedAt ? `stopped at ${extracted.stoppedAt}` : 'read'
        if (extracted.stoppedAt) {
          logger.warn(`media ${input.id} (${input.filename}): text read up to the ${extracted.stoppedAt === 'cap' ? 'length cap' : 'time limit'}, ${extracted.text.length} characters kept`)
        }
      }
    } catch (error) {
      result = 'unreadable'
      logger.warn({ err: error, msg: `media ${input.id} (${input.filename}): no text could be read; the file stays, unsearchable by its content` })
    }
    await req.payload.update({
      collection: 'media',
      id: input.id,
      data: { extractedText },
      depth: 0,
      overrideAccess: true,
      req,
    })
    logger.info(`media ${input.id} (${input.filename}): ${extractedText?.length ?? 0} characters of text in ${Math.round(performance.now() - started)} ms`)
    return { output: { result } }
  },
}
