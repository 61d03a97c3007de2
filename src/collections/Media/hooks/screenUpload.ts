import type { CollectionBeforeOperationHook } from 'payload'

import { UserFacingError } from '../../../lib/errors.js'
import { translate } from '../../../lib/translate.js'
import { inspectUpload } from '../../../lib/uploads/inspectUpload.js'
import { UploadRejection } from '../../../lib/uploads/UploadRejection.js'
import { sanitizeImage } from '../../../lib/uploads/sanitizeImage.js'

/**
 * Runs before Payload writes anything: refuses files whose bytes are not on the allowlist, and
 * re-encodes photos so their EXIF/GPS (children's photos) never reaches the disk.
 */
export const screenUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  // Payload drops `url` from the operation's data before this hook; the request still has it.
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const requested = { ...(req.data as Record<string, unknown> | undefined), ...data }

  if (!file) {
    if (requested.url) throw new UserFacingError(translate(req, 'remoteUploadDisabled'), 400)
    if (operation === 'create') throw new UserFacingError(translate(req, 'fileRequired'), 400)
    return args
  }

  try {
    const { kind, mime } = await inspectUpload({ data: file.data, name: file.name, size: file.size })
    if (kind === 'image') {
      file.data = await sanitizeImage(file.data, mime)
      file.size = file.data.length
    }
    file.mimetype = mime
  } catch (error: unknown) {
    if (error instanceof UploadRejection) {
      throw new UserFacingError(translate(req, error.key, error.variables), error.status)
    }
    throw error
  }
  return args
}
