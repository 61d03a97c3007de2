import type { CollectionSlug, TypeWithID, UploadConfig } from 'payload'

import { fileTypeFromFile } from 'file-type'
import { type FileHandle, open } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { isXmlMimeType, parseRangeHeader, UPLOAD_CONTENT_SECURITY_POLICY } from 'payload/internal'

import { translate } from '../../../lib/translate.js'
import { foldVietnamese } from '../../../lib/vietnamese.js'
import { filesDirOf } from '../../../plugins/atomicFiles/filesDir.js'
import { isImmutableSizeName } from '../sizeFileName.js'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]
type FileHandlerArgs = Parameters<FileHandler>

type StoredFile = { filename?: null | string; mimeType?: null | string }

/** A 404 in the shape of Payload's error answers, `{ errors: [{ message }] }`. */
export const fileNotFound = (message: string): Response => Response.json({ errors: [{ message }] }, { status: 404 })

/** The file opened for reading, or the errno code that says why it cannot be served. */
const openForReading = async (filePath: string): Promise<{ code: string } | { handle: FileHandle; modified: Date; size: number }> => {
  let handle: FileHandle
  try {
    handle = await open(filePath, 'r')
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? String(error) }
  }
  const stats = await handle.stat()
  // Opening a directory for reading succeeds on Linux; reading it does not.
  if (stats.isFile()) return { handle, modified: stats.mtime, size: stats.size }
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

const isSizeOf = (doc: TypeWithID | undefined, filename: string): boolean =>
  Object.values((doc as { sizes?: Record<string, StoredFile | null> } | undefined)?.sizes ?? {}).some((size) => size?.filename === filename)

/**
 * How long browsers and proxies may keep the file. Payload has checked access before the handler
 * runs, so a file served to nobody in particular is public; one served to a signed-in reader may
 * be restricted, and stays in that reader's browser only. An image size is named once and never
 * rewritten (see sizeFileName), so it is kept for a year without asking again; other files are
 * asked about again after a few minutes (an ETag makes that a 304), so a file whose level is
 * raised leaves shared caches soon.
 */
const cacheControl = (req: FileHandlerArgs[0], doc: TypeWithID | undefined, filename: string): string => {
  const scope = req.user ? 'private' : 'public'
  if (isSizeOf(doc, filename) && isImmutableSizeName(filename)) return `${scope}, max-age=31536000, immutable`
  return req.user ? 'private, no-cache' : 'public, max-age=300'
}

/** Validators from what the disk says: a replaced file has another size or time, hence another tag. */
const validatorsOf = (size: number, modified: Date) => ({
  etag: `"${size.toString(36)}-${Math.floor(modified.getTime()).toString(36)}"`,
  // HTTP dates count whole seconds.
  lastModified: new Date(Math.floor(modified.getTime() / 1000) * 1000),
})

/**
 * Files open in the browser (a PDF in the phone's viewer rather than a download the parent must
 * then find); `?download=1` asks to save the file instead, for the "Tải về" links beside a viewer
 * (the `download` attribute alone is ignored on iOS and across origins). The name is sent both as
 * ASCII and as UTF-8 (RFC 6266), so Vietnamese names survive in every browser.
 */
export const contentDisposition = (filename: string, download: boolean): string => {
  const ascii = foldVietnamese(filename).replace(/[^\x20-\x7e]|["\\]/g, '_')
  const utf8 = encodeURIComponent(filename).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${utf8}`
}

const matchesTag = (header: string, etag: string) =>
  header.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
  })

/** Whether the reader's copy is current (RFC 9110 §13.1: If-None-Match, when sent, decides alone). */
const readerHasCurrentCopy = (req: FileHandlerArgs[0], etag: string, lastModified: Date): boolean => {
  const ifNoneMatch = req.headers.get('if-none-match')
  if (ifNoneMatch) return matchesTag(ifNoneMatch, etag)
  const since = Date.parse(req.headers.get('if-modified-since') ?? '')
  return !Number.isNaN(since) && lastModified.getTime() <= since
}

/** A range asked with If-Range applies only to the copy the reader has; otherwise the whole file is sent. */
const rangeStillApplies = (req: FileHandlerArgs[0], etag: string, lastModified: Date): boolean => {
  const ifRange = req.headers.get('if-range')
  if (!ifRange) return true
  return ifRange.startsWith('"') ? ifRange === etag : Date.parse(ifRange) === lastModified.getTime()
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
  const { handle, modified, size } = file
  try {
    const { etag, lastModified } = validatorsOf(size, modified)
    const caching = { 'Cache-Control': cacheControl(req, doc, filename), ETag: etag, 'Last-Modified': lastModified.toUTCString() }
    if (readerHasCurrentCopy(req, etag, lastModified)) {
      await handle.close()
      return new Response(null, { headers: caching, status: 304 })
    }
    const rangeHeader = rangeStillApplies(req, etag, lastModified) ? req.headers.get('range') : null
    const { range, type } = parseRangeHeader({ fileSize: size, rangeHeader })
    if (type === 'invalid') {
      await handle.close()
      return new Response(null, { headers: { 'Content-Range': `bytes */${size}` }, status: 416 })
    }
    const mimeType = storedMimeType(doc, filename) ?? (await fileTypeFromFile(filePath))?.mime ?? 'application/octet-stream'
    const download = req.searchParams?.get('download') === '1'
    const headers = new Headers({ 'Accept-Ranges': 'bytes', 'Content-Disposition': contentDisposition(filename, download), 'Content-Type': mimeType, ...caching })
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
 * - Files carry `Cache-Control`, `ETag` and `Last-Modified`, and a reader whose copy is current
 *   gets 304 (see {@link cacheControl}).
 * - The file stays open only while it is read: a HEAD, a reader who leaves mid-download or a
 *   cancelled answer closes it. Payload's own stream kept the descriptor open in those cases, one
 *   more per request, until the process ran out.
 */
// Payload's type has a handler either always answer or never; one that may do either resolves
// `undefined` to let Payload go on, as its getFile expects.
export const serveFromDisk: FileHandler = (...args) => serve(...args) as Promise<Response>
