import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { titleFor, useBlockingChange } from '../../../access/filesInUse.js'
import { UserFacingError } from '../../../lib/errors.js'
import { translate } from '../../../lib/translate.js'

type WriteArgs = { id?: number | string; overrideAccess?: boolean; where?: Where }

/** The files a write names: one by id, or those of a bulk write that the writer can reach. */
const filesNamed = async (args: WriteArgs, req: PayloadRequest): Promise<Array<number | string>> => {
  if (args.id !== undefined) return [args.id]
  if (!args.where) return []
  const { docs } = await req.payload.find({
    collection: 'media',
    depth: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: {},
    where: args.where,
  })
  return docs.map((doc) => doc.id)
}

/**
 * A file used by a published document changes (new bytes, alt, caption, level) or goes away only
 * by the hand of someone who may publish that document; anyone else is refused before anything is
 * written or removed: Payload replaces a file's bytes on disk before any `beforeChange` hook runs.
 * Refused rather than sent back to review: a file has no drafts, so "back to review" would take
 * the reviewed file from the document's readers (README, "Files and publishing").
 */
export const rejectChangeToPublishedFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const write = args as WriteArgs
  if ((operation !== 'update' && operation !== 'delete') || write.overrideAccess === true || !req.user) return args
  for (const id of await filesNamed(write, req)) {
    const blocking = await useBlockingChange(id, req)
    if (blocking) throw new UserFacingError(translate(req, 'publishedFileLocked', { title: titleFor(blocking, req) }), 403)
  }
  return args
}
