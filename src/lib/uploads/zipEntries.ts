import { inflateRawSync } from 'node:zlib'

const endOfDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const directoryEntry = 0x02014b50
const localHeader = 0x04034b50

/**
 * The entries of a ZIP archive (an Office Open XML file) whose names `wanted` accepts, inflated.
 * Reads the central directory, as unzip does; each entry is inflated to at most `maxEntryBytes`,
 * so a small archive cannot unpack into gigabytes.
 *
 * @throws for an archive that is damaged, compressed otherwise than deflate, or over the limit
 */
export const zipEntries = (data: Buffer, wanted: (name: string) => boolean, maxEntryBytes: number): Map<string, Buffer> => {
  const end = data.lastIndexOf(endOfDirectory)
  if (end < 0 || end + 22 > data.length) throw new Error('not a ZIP archive')
  const count = data.readUInt16LE(end + 10)
  let offset = data.readUInt32LE(end + 16)
  const entries = new Map<string, Buffer>()
  for (let index = 0; index < count; index++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== directoryEntry) throw new Error('damaged ZIP directory')
    const method = data.readUInt16LE(offset + 10)
    const compressedSize = data.readUInt32LE(offset + 20)
    const nameLength = data.readUInt16LE(offset + 28)
    const skipped = data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32)
    const local = data.readUInt32LE(offset + 42)
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength)
    offset += 46 + nameLength + skipped
    if (!wanted(name)) continue
    if (local + 30 > data.length || data.readUInt32LE(local) !== localHeader) throw new Error(`damaged ZIP entry ${name}`)
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    const stored = data.subarray(start, start + compressedSize)
    if (method === 0) entries.set(name, stored)
    else if (method === 8) entries.set(name, inflateRawSync(stored, { maxOutputLength: maxEntryBytes }))
    else throw new Error(`ZIP entry ${name} uses compression method ${method}`)
  }
  return entries
}
