import { createInflateRaw, inflateRawSync } from 'node:zlib'

const endOfDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const directoryEntry = 0x02014b50
const localHeader = 0x04034b50
/** ZIP64 writes this in a 32-bit size or offset, and the real value elsewhere. */
const zip64Marker = 0xffffffff

/** One file of an archive, as its central directory describes it. */
export type ZipEntry = {
  readonly name: string
  /** 0: stored, 8: deflate. */
  readonly method: number
  readonly compressedSize: number
  /** The size the directory declares once inflated; {@link checkZipBounds} holds the entry to it. */
  readonly inflatedSize: number
  /** Where the entry's compressed bytes start. */
  readonly start: number
}

/** The archive is not one this server reads: damaged, ZIP64, or compressed otherwise than deflate. */
export class ZipUnreadable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipUnreadable'
  }
}

/** What an archive would cost to unpack, past one of the limits given to {@link checkZipBounds}. */
export class ZipOverLimit extends Error {
  constructor(
    readonly limit: 'entries' | 'inflatedBytes',
    readonly value: number,
  ) {
    super(`ZIP archive over its ${limit} limit: ${value}`)
    this.name = 'ZipOverLimit'
  }
}

/**
 * The entries of an archive, read from its central directory as unzip does: nothing is inflated.
 *
 * @throws {ZipUnreadable} for a damaged archive or one that needs ZIP64
 */
export const zipDirectory = (data: Buffer): ZipEntry[] => {
  const end = data.lastIndexOf(endOfDirectory)
  if (end < 0 || end + 22 > data.length) throw new ZipUnreadable('not a ZIP archive')
  const count = data.readUInt16LE(end + 10)
  let offset = data.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== directoryEntry) throw new ZipUnreadable('damaged ZIP directory')
    const method = data.readUInt16LE(offset + 10)
    const compressedSize = data.readUInt32LE(offset + 20)
    const inflatedSize = data.readUInt32LE(offset + 24)
    const nameLength = data.readUInt16LE(offset + 28)
    const skipped = data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32)
    const local = data.readUInt32LE(offset + 42)
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength)
    offset += 46 + nameLength + skipped
    // An upload is at most tens of megabytes: it has no honest use for 64-bit sizes.
    if ([compressedSize, inflatedSize, local].includes(zip64Marker)) throw new ZipUnreadable(`ZIP64 entry ${name}`)
    if (local + 30 > data.length || data.readUInt32LE(local) !== localHeader) throw new ZipUnreadable(`damaged ZIP entry ${name}`)
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    if (start + compressedSize > data.length) throw new ZipUnreadable(`damaged ZIP entry ${name}`)
    entries.push({ name, method, compressedSize, inflatedSize, start })
  }
  return entries
}

/**
 * The entries of a ZIP archive (an Office Open XML file) whose names `wanted` accepts, inflated.
 * Each is inflated to at most `maxEntryBytes`, so a small archive cannot unpack into gigabytes.
 *
 * @throws for an archive that is damaged, compressed otherwise than deflate, or over the limit
 */
export const zipEntries = (data: Buffer, wanted: (name: string) => boolean, maxEntryBytes: number): Map<string, Buffer> => {
  const entries = new Map<string, Buffer>()
  for (const entry of zipDirectory(data)) {
    if (!wanted(entry.name)) continue
    const stored = data.subarray(entry.start, entry.start + entry.compressedSize)
    if (entry.method === 0) entries.set(entry.name, stored)
    else if (entry.method === 8) entries.set(entry.name, inflateRawSync(stored, { maxOutputLength: maxEntryBytes }))
    else throw new ZipUnreadable(`ZIP entry ${entry.name} uses compression method ${entry.method}`)
  }
  return entries
}

/**
 * Bytes one entry really inflates to, streamed and thrown away: memory stays one chunk deep, and
 * inflating stops as soon as it passes `atMost`.
 */
const inflatedLength = (compressed: Buffer, atMost: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const inflate = createInflateRaw()
    let length = 0
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length
      if (length > atMost) {
        inflate.destroy()
        resolve(length)
      }
    })
    inflate.on('end', () => resolve(length))
    inflate.on('error', (error) => reject(new ZipUnreadable(`damaged ZIP data: ${error.message}`)))
    inflate.end(compressed)
  })

/**
 * Refuses an archive that would unpack past `maxInflatedBytes` or hold more than `maxEntries`
 * files, before anything reads it whole (a parser, the text extraction job). The sizes its
 * directory declares are checked first, so an honest bomb is refused without inflating a byte;
 * then every entry is inflated as a stream and held to its declared size, so a directory that
 * lies is caught within the same budget.
 *
 * @throws {ZipOverLimit} past a limit; {@link ZipUnreadable} for a damaged archive or a lying directory
 */
export const checkZipBounds = async (
  data: Buffer,
  { maxEntries, maxInflatedBytes }: { maxEntries: number; maxInflatedBytes: number },
): Promise<void> => {
  const entries = zipDirectory(data)
  if (entries.length > maxEntries) throw new ZipOverLimit('entries', entries.length)
  const declared = entries.reduce((total, entry) => total + entry.inflatedSize, 0)
  if (declared > maxInflatedBytes) throw new ZipOverLimit('inflatedBytes', declared)
  for (const entry of entries) {
    const compressed = data.subarray(entry.start, entry.start + entry.compressedSize)
    const length =
      entry.method === 0
        ? compressed.length
        : entry.method === 8
          ? await inflatedLength(compressed, entry.inflatedSize)
          : Number.NaN
    if (Number.isNaN(length)) throw new ZipUnreadable(`ZIP entry ${entry.name} uses compression method ${entry.method}`)
    if (length !== entry.inflatedSize) throw new ZipUnreadable(`ZIP entry ${entry.name} is not the size its directory declares`)
  }
}
