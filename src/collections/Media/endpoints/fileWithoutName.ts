import type { Endpoint } from 'payload'

import { translate } from '../../../lib/translate.js'
import { fileNotFound } from '../handlers/serveFromDisk.js'

/**
 * `/api/media/file/` with no name: Payload would take "file" for a document id, which the
 * database cannot read as a number, and answer 500.
 */
export const fileWithoutName: Endpoint = {
  path: '/file',
  method: 'get',
  handler: (req) => fileNotFound(translate(req, 'fileNameMissing')),
}
