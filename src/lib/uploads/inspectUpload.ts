import { fileTypeFromBuffer } from 'file-type'

import {
  type AcceptedType,
  type UploadKind,
  maxInflatedOfficeBytes,
  maxOfficeEntries,
  megabyte,
  uploadKinds,
} from './allowlist.js'
import { readImageHeader } from './imageHeader.js'
import { UploadRejection } from './UploadRejection.js'
import { checkZipBounds, ZipOverLimit } from './zipEntries.js'

/** The file as the multipart parser hands it over, with its bytes in memory. */
export interface IncomingUpload {
  readonly data: Buffer
  readonly name: string
  /** Size reported by the parser; the larger of it and `data.length` is checked. */
  readonly size?: number
}

/** An upload whose bytes are an accepted format, named accordingly and within its kind's limit. */
export interface InspectedUpload {
  readonly kind: UploadKind
  /** The MIME type decided from the bytes: store and serve the file as this, not as the browser claimed. */
  readonly mime: string
  /** The file name's extension in lower case, already checked against the bytes. */
  readonly ext: string
}

const acceptedTypes = (Object.keys(uploadKinds) as UploadKind[]).flatMap((kind) =>
  uploadKinds[kind].types.map((type) => ({ kind, type })),
)

/** Every VBA project has this stream; a legacy Office file carrying one runs macros when opened. */
const vbaProjectStream = '_VBA_PROJECT'

/** Enough of a text file to find the root element of an SVG or HTML page behind comments. */
const sniffedBytes = 4096

/**
 * Decides what an upload is from its bytes and refuses it unless it is an accepted format
 * ({@link uploadKinds}), named with one of that format's extensions, no larger than its kind
 * allows and, for images, small enough in pixels to decode safely. Nothing is decoded.
 *
 * @throws {UploadRejection} `fileTypeRefused` or `fileExtensionMismatch` (415),
 * `fileTooLarge`, `imageTooLarge`, `archiveTooLarge` or `archiveTooManyEntries` (413),
 * `imageUnreadable` or `archiveUnreadable` (422).
 */
export async function inspectUpload(file: IncomingUpload): Promise<InspectedUpload> {
  const detected = (await fileTypeFromBuffer(file.data))?.ext
  const extension = extensionOf(file.name)

  const candidates = acceptedTypes.filter(
    ({ type }) => type.detected === detected && (!type.cfbStream || hasCfbEntry(file.data, type.cfbStream)),
  )
  if (candidates.length === 0 || (detected === 'cfb' && hasCfbEntry(file.data, vbaProjectStream))) {
    throw new UploadRejection('fileTypeRefused', { type: describeRefused(file.data, detected), extension })
  }

  const match = candidates.find(({ type }) => type.extensions.includes(extension))
  if (!match) {
    throw new UploadRejection('fileExtensionMismatch', { type: labelOf(candidates[0].type), extension })
  }

  const { maxBytes } = uploadKinds[match.kind]
  const size = Math.max(file.size ?? 0, file.data.byteLength)
  if (size > maxBytes) {
    throw new UploadRejection('fileTooLarge', {
      // Rounded up, so a file just over the limit never reads as equal to it.
      size: Math.ceil((size / megabyte) * 10) / 10,
      limit: maxBytes / megabyte,
    })
  }

  if (match.kind === 'image') await readImageHeader(file.data)
  if (officeOpenXml.has(match.type.detected)) await screenArchive(file.data, labelOf(match.type))

  return { kind: match.kind, mime: match.type.mime, ext: extension }
}

/** The formats that are ZIP archives, unpacked by whatever later reads them. */
const officeOpenXml = new Set(['docx', 'xlsx', 'pptx'])

const screenArchive = async (data: Buffer, type: string): Promise<void> => {
  try {
    await checkZipBounds(data, { maxEntries: maxOfficeEntries, maxInflatedBytes: maxInflatedOfficeBytes })
  } catch (error) {
    if (!(error instanceof ZipOverLimit)) throw new UploadRejection('archiveUnreadable', { type })
    throw error.limit === 'entries'
      ? new UploadRejection('archiveTooManyEntries', { type, count: error.value, limit: maxOfficeEntries })
      : new UploadRejection('archiveTooLarge', {
          type,
          size: Math.ceil((error.value / megabyte) * 10) / 10,
          limit: maxInflatedOfficeBytes / megabyte,
        })
  }
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.')
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase()
}

const labelOf = (type: AcceptedType): string => type.extensions[0].toUpperCase()

/** Compound File directory entries hold their names in UTF-16LE, ended by a NUL. */
const hasCfbEntry = (data: Buffer, name: string): boolean =>
  data.includes(Buffer.from(`${name}\0`, 'utf16le'))

/**
 * Names a refused format for the message. file-type recognises no text format but XML, so
 * SVG and HTML, the ones that run scripts in a browser, are recognised here by their tags.
 */
function describeRefused(data: Buffer, detected: string | undefined): string {
  if (detected === 'cfb') return hasCfbEntry(data, vbaProjectStream) ? 'VBA' : 'CFB'
  if (detected && detected !== 'xml') return detected.toUpperCase()

  const head = data.subarray(0, sniffedBytes).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (head.includes('<svg')) return 'SVG'
  if (/<!doctype html|<html|<head|<body|<script/.test(head)) return 'HTML'
  if (detected === 'xml' || head.startsWith('<')) return 'XML'
  // Text has no control characters other than the whitespace ones, tab to carriage return.
  return /[\x00-\x08\x0e-\x1f]/.test(head) ? 'BIN' : 'TXT'
}
