import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { IncomingFile } from './store.js'

/** The files an operation will store, keyed by the name of the original they go with. */
const incomingByRequest = new WeakMap<PayloadRequest, Map<string, IncomingFile[]>>()

/**
 * Notes, at the last moment before Payload validates and writes the row, which bytes go with the
 * names Payload chose: the (screened, re-encoded) original and each generated size. They are
 * written only when the row is.
 */
export const captureIncomingFiles: CollectionBeforeChangeHook = ({ data, req }) => {
  const filename = (data as { filename?: unknown }).filename
  const file = req.file
  if (!file || typeof filename !== 'string') return data
  const original: IncomingFile = file.tempFilePath ? { name: filename, sourcePath: file.tempFilePath } : { name: filename, data: file.data }
  const sizes = Object.entries((data as { sizes?: Record<string, { filename?: null | string } | null> }).sizes ?? {}).flatMap(([size, stored]) => {
    const bytes = req.payloadUploadSizes?.[size]
    return stored?.filename && bytes ? [{ name: stored.filename, data: bytes }] : []
  })
  const byName = incomingByRequest.get(req) ?? new Map<string, IncomingFile[]>()
  byName.set(filename, [original, ...sizes])
  incomingByRequest.set(req, byName)
  return data
}

/** The files captured for the row named `filename` in this request, handed over once. */
export const takeIncomingFiles = (req: PayloadRequest | undefined, filename: unknown): IncomingFile[] | undefined => {
  if (!req || typeof filename !== 'string') return undefined
  const byName = incomingByRequest.get(req)
  const files = byName?.get(filename)
  byName?.delete(filename)
  return files
}
