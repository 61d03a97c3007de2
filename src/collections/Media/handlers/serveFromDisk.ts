import type { CollectionSlug, TypeWithID, UploadConfig } from 'payload'

import { fileTypeFromFile } from 'file-type'
import { type FileHandle, open } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { isXmlMimeType, parseRangeHeader, UPLOAD_CONTENT_SECURITY_POLICY } from 'payload/internal'

import { translate } from '../../../lib/translate.js'
import { filesDirOf } from '../../../plugins/atomicFiles/filesDir.js'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]
type FileHandlerArgs = Parameters<FileHandler>

type StoredFile = { filename?: null | string; mimeType?: null | string }

/** A 404 in the shape of Payload's error answers, `{ errors: [{ message }] }`. */
export const fileNotFound = (message: string): Response => Response.json({ errors: [{ message }] }, { status: 404 })

/** The file opened for reading, or the errno code that says why it cannot be served. */
const openForReading = async (filePath: string): Promise<{ code: string } | { handle: FileHandle; size: number }> => {
  let handle: FileHandle
  try {
    handle = await open(filePath, 'r')
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? String(error) }
  }
  const stats = await handle.stat()
  // Opening a directory for reading succeeds on Linux; reading it does not.
  if (stats.isFile()) return { handle, size: stats.size }
  await handle.close()
  return { code: 'EISDIR' }
}

/** The type the upload was screened and stored as (original or image size), rather than sniffing it again. */
const storedMimeType = (doc: TypeWithID | undefined, filename: string): string | undefined => {
  const stored = doc as (StoredFile & { sizes?: Record<string, StoredFile | null> }) | undefined
  if (!stored) return undefined
  const match = [stored, ...Object.values(stored.sizes ?? {})].find((file) => file?.filename === filename)
  return match?.mimeType ?? undefined
}

const serve = async (...[req, { doc, params }]: FileHandlerArgs): Promise<Response | undefined> => {
  // Payload also calls handlers to fetch a client-side upload, with no document: this collection
  // takes none, so that request stays refused as before.
  if (doc === null) return
  const { filename } = params
  const staticDir = filesDirOf(req.payload.collections[params.collection as CollectionSlug].config)
  const filePath = path.resolve(staticDir, filename)
  // Payload refuses a name outside the folder with a 400 of its own.
  if (!filePath.startsWith(staticDir + path.sep)) return
  const file = await openForReading(filePath)
  if ('code' in file) {
    req.payload.logger.warn({ code: file.code, collection: params.collection, filename, path: filePath }, `media: ${filename} missing or unreadable on disk, answered 404`)
    return fileNotFound(translate(req, 'fileUnavailable', { filename }))
  }
  const { handle, size } = file
  try {
    const { range, type } = parseRangeHeader({ fileSize: size, rangeHeader: req.headers.get('range') })
    if (type === 'invalid') {
      await handle.close()
      return new Response(null, { headers: { 'Content-Range': `bytes */${size}` }, status: 416 })
    }
    const mimeType = storedMimeType(doc, filename) ?? (await fileTypeFromFile(filePath))?.mime ?? 'application/octet-stream'
    const headers = new Headers({ 'Accept-Ranges': 'bytes', 'Content-Type': mimeType })
    if (isXmlMimeType(mimeType)) headers.set('Content-Security-Policy', UPLOAD_CONTENT_SECURITY_POLICY)
    headers.set('Content-Length', String(range ? range.end - range.start + 1 : size))
    if (range) headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    // Readable.toWeb destroys the file stream when the answer is cancelled, which closes the handle.
    const body = Readable.toWeb(handle.createReadStream(range ?? {})) as ReadableStream<Uint8Array>
    return new Response(body, { headers, status: range ? 206 : 200 })
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Serves the files of an upload collection from its folder once Payload has found the file's row
 * and checked that the reader may open it (access comes first, so a reader learns nothing about
 * files she may not see).
 *
 * - A file gone from the disk, or that cannot be read (permissions, a directory in its place),
 *   answers 404 with a message the reader understands and one warning line in the log; Payload
 *   alone answered 500 "Something went wrong." or broke the connection.
 * - The file stays open only while it is read: a HEAD, a reader who leaves mid-download or a
 *   cancelled answer closes it. Payload's own stream kept the descriptor open in those cases, one
 *   more per request, until the process ran out.
 */
// Payload's type has a handler either always answer or never; one that may do either resolves
// `undefined` to let Payload go on, as its getFile expects.
export const serveFromDisk: FileHandler = (...args) => serve(...args) as Promise<Response>
