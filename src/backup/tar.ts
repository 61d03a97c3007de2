import { createHash } from 'node:crypto'
import { type FileHandle, mkdir, open } from 'node:fs/promises'
import path from 'node:path'

import { joinInside } from './files.js'

/**
 * Plain POSIX tar (ustar, with a PAX record for a name or size ustar cannot hold), written and read
 * here rather than by the system's `tar`, so that each file is read once: hashed as it is copied
 * into the archive, hashed as it is unpacked. Any `tar` (GNU, bsdtar, 7-Zip) opens these archives;
 * photos, PDFs and Office files are compressed already, so the archive is not compressed again.
 */

const block = 512
/** Small enough that a chunk is hashed and written while still in the processor's cache. */
const chunkBytes = 1 << 20
/** ustar's size field holds 11 octal digits. */
const largestUstarSize = 0o77777777777

const endOfArchive = Buffer.alloc(2 * block)

const paddedSize = (size: number): number => Math.ceil(size / block) * block

const writeOctal = (header: Buffer, value: number, offset: number, length: number) => {
  header.write(value.toString(8).padStart(length - 1, '0'), offset, length - 1, 'ascii')
}

const ustarHeader = (name: string, size: number, type: string, mtime: number): Buffer => {
  const header = Buffer.alloc(block)
  header.write(name, 0, 100, 'utf8')
  writeOctal(header, type === '5' ? 0o755 : 0o644, 100, 8)
  writeOctal(header, 0, 108, 8)
  writeOctal(header, 0, 116, 8)
  writeOctal(header, Math.min(size, largestUstarSize), 124, 12)
  writeOctal(header, Math.floor(mtime / 1000), 136, 12)
  header.write(type, 156, 1, 'ascii')
  header.write('ustar\u000000', 257, 8, 'ascii')
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii')
  return header
}

/** One PAX record, `<length> <key>=<value>\n`, whose length counts its own digits. */
const paxRecord = (key: string, value: string): string => {
  const rest = ` ${key}=${value}\n`
  let length = Buffer.byteLength(rest)
  while (String(length).length + Buffer.byteLength(rest) !== length) length = String(length).length + Buffer.byteLength(rest)
  return `${length}${rest}`
}

/** The header blocks of a file entry: a PAX header first when the name or the size outgrows ustar. */
const headerFor = (name: string, size: number, mtime = Date.now()): Buffer => {
  const records = [
    ...(Buffer.byteLength(name) > 100 ? [paxRecord('path', name)] : []),
    ...(size > largestUstarSize ? [paxRecord('size', String(size))] : []),
  ].join('')
  const header = ustarHeader(Buffer.byteLength(name) > 100 ? name.slice(0, 90) : name, size, '0', mtime)
  if (!records) return header
  const pax = Buffer.alloc(paddedSize(Buffer.byteLength(records)))
  pax.write(records, 'utf8')
  return Buffer.concat([ustarHeader(`PaxHeader/${path.basename(name).slice(0, 80)}`, Buffer.byteLength(records), 'x', mtime), pax, header])
}

/** Chunks of one file in flight at once: read ahead, hashed in order, written behind. */
const copyDepth = 4

/**
 * Copies a file into the archive at `position` (its data, the header is the caller's), hashing
 * each chunk in order while later ones are read and earlier ones written: every chunk has its place
 * in the source and in the archive, so reads and writes need not wait for one another. The size is
 * the one the header declared: a file that changed meanwhile fails the backup rather than shifting
 * the entries after it.
 */
const copyIntoArchive = async (out: FileHandle, source: string, position: number, size: number, onBytes?: (bytes: number) => void): Promise<string> => {
  const input = await open(source, 'r')
  const pending: Promise<unknown>[] = []
  /** Kept for the final wait; a failure is thrown where it is awaited, never left unhandled. */
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.push(promise.catch(() => undefined))
    return promise
  }
  try {
    const hash = createHash('sha256')
    const length = Math.max(1, Math.min(chunkBytes, size))
    const chunks = Math.ceil(size / length)
    const buffers = Array.from({ length: Math.min(copyDepth, Math.max(chunks, 1)) }, () => Buffer.allocUnsafe(length))
    const written: Promise<unknown>[] = buffers.map(() => Promise.resolve())
    const reads: Array<Promise<number>> = []
    const read = (chunk: number) => {
      const slot = chunk % buffers.length
      const bytes = Math.min(length, size - chunk * length)
      // A buffer is read into again only once what it held has been written.
      reads[chunk] = track(written[slot]!.then(async () => (await input.read(buffers[slot]!, 0, bytes, chunk * length)).bytesRead))
    }
    for (let chunk = 0; chunk < Math.min(buffers.length - 1, chunks); chunk += 1) read(chunk)
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      if (chunk + buffers.length - 1 < chunks) read(chunk + buffers.length - 1)
      const bytes = await reads[chunk]!
      if (bytes !== Math.min(length, size - chunk * length)) throw new Error(`${source} shrank while it was archived`)
      const slot = chunk % buffers.length
      const data = buffers[slot]!.subarray(0, bytes)
      hash.update(data)
      written[slot] = track(out.write(data, 0, bytes, position + chunk * length))
      onBytes?.(bytes)
    }
    await Promise.all(written)
    if ((await input.read(Buffer.alloc(1), 0, 1, size)).bytesRead > 0) throw new Error(`${source} grew while it was archived`)
    return hash.digest('hex')
  } finally {
    await Promise.all(pending)
    await input.close()
  }
}

/**
 * Writes an archive at known positions: each entry's header goes out as it is added, and its data
 * may then be copied while later entries are added, since every size is known beforehand.
 */
export class ArchiveWriter {
  private constructor(
    private readonly handle: FileHandle,
    private position = 0,
  ) {}

  static async create(file: string): Promise<ArchiveWriter> {
    return new ArchiveWriter(await open(file, 'w'))
  }

  /** Writes the header of an entry and returns where its `size` bytes of data go. */
  async reserve(name: string, size: number): Promise<number> {
    const header = headerFor(name, size)
    await this.handle.write(header, 0, header.length, this.position)
    const start = this.position + header.length
    this.position = start + paddedSize(size)
    return start
  }

  /** Adds a file, copying it in and returning its sha256. */
  async addFile(name: string, source: string, size: number, onBytes?: (bytes: number) => void): Promise<string> {
    return copyIntoArchive(this.handle, source, await this.reserve(name, size), size, onBytes)
  }

  /** Copies a file's data to the place {@link reserve} gave it, returning its sha256. */
  copyInto(source: string, position: number, size: number, onBytes?: (bytes: number) => void): Promise<string> {
    return copyIntoArchive(this.handle, source, position, size, onBytes)
  }

  async addBuffer(name: string, data: Buffer): Promise<void> {
    await this.handle.write(data, 0, data.length, await this.reserve(name, data.length))
  }

  /** Ends the archive; the data of every entry must have been written. */
  async finish(): Promise<number> {
    await this.handle.write(endOfArchive, 0, endOfArchive.length, this.position)
    this.position += endOfArchive.length
    await this.handle.close()
    return this.position
  }

  /** Lets go of an archive that will not be finished; the caller removes the file. */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }
}

/** A file unpacked from an archive, with the sha256 of the bytes written. */
export type Unpacked = { bytes: number; sha256: string }

/** An archive that cannot be read as tar; the message says where it broke. */
export class UnreadableArchive extends Error {}

const readOctal = (header: Buffer, offset: number, length: number): number => {
  // GNU tar writes sizes over 8 GiB in base-256, flagged by the top bit.
  if (header[offset]! & 0x80) {
    let value = 0
    for (let index = offset + 1; index < offset + length; index += 1) value = value * 256 + header[index]!
    return value
  }
  const text = header.toString('ascii', offset, offset + length).replace(/\0.*$/s, '').trim()
  return text ? parseInt(text, 8) : 0
}

const readString = (header: Buffer, offset: number, length: number) => {
  const field = header.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return field.toString('utf8', 0, end === -1 ? length : end)
}

const checksumMatches = (header: Buffer): boolean => {
  let sum = 0
  for (let index = 0; index < block; index += 1) sum += index >= 148 && index < 156 ? 0x20 : header[index]!
  return sum === readOctal(header, 148, 8)
}

const paxValues = (data: Buffer): Record<string, string> => {
  const values: Record<string, string> = {}
  let offset = 0
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset)
    const length = parseInt(data.toString('ascii', offset, space), 10)
    if (space === -1 || !(length > 0)) break
    const record = data.toString('utf8', space + 1, offset + length - 1)
    const equals = record.indexOf('=')
    values[record.slice(0, equals)] = record.slice(equals + 1)
    offset += length
  }
  return values
}

type Entry = { name: string; remaining: number; padding: number; type: string; hash?: ReturnType<typeof createHash>; bytes: number; meta?: Buffer[] }

/** How many unpacked files may still be writing while the next ones are read. */
const filesInFlight = 8

/**
 * Unpacks an archive (ours, or one GNU tar or bsdtar wrote) into a folder in one pass, hashing each
 * file's bytes as they are written. Only regular files and folders are created; links and devices
 * an archive may hold are passed over, and no name may lead outside the folder.
 */
export const extractArchive = async (archive: string, into: string, onBytes?: (bytes: number) => void): Promise<Map<string, Unpacked>> => {
  const unpacked = new Map<string, Unpacked>()
  const folders = new Set<string>()
  const inFlight: Promise<void>[] = []
  let failure: unknown
  const header = Buffer.alloc(block)
  let headerFill = 0
  let entry: Entry | undefined
  let next: { path?: string; size?: number } = {}
  let sink: { handle: Promise<FileHandle>; tail: Promise<unknown> } | undefined
  let finished = false

  const startFile = async (name: string) => {
    const target = joinInside(into, name)
    const folder = path.dirname(target)
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true })
      folders.add(folder)
    }
    while (inFlight.length >= filesInFlight) await inFlight.shift()
    const handle = open(target, 'w')
    sink = { handle, tail: handle }
  }

  /** Closes a file once its writes are done, whether they succeeded or not; the first error is kept. */
  const closeSink = (done: NonNullable<typeof sink>) =>
    inFlight.push(
      done.tail
        .catch((error: unknown) => void (failure ??= error))
        .then(() => done.handle.then((handle) => handle.close(), () => undefined)),
    )

  const endEntry = () => {
    if (!entry) return
    if (entry.hash) {
      unpacked.set(entry.name, { bytes: entry.bytes, sha256: entry.hash.digest('hex') })
      closeSink(sink!)
      sink = undefined
    } else if (entry.meta) {
      const data = Buffer.concat(entry.meta)
      if (entry.type === 'x') {
        const values = paxValues(data)
        next = { path: values.path ?? next.path, size: values.size === undefined ? next.size : Number(values.size) }
      } else if (entry.type === 'L') {
        next = { ...next, path: readString(data, 0, data.length) }
      }
    }
  }

  const readHeader = async () => {
    if (header.every((byte) => byte === 0)) {
      finished = true
      return
    }
    if (!checksumMatches(header)) throw new UnreadableArchive(`${archive}: a tar header is damaged`)
    const prefix = header.toString('ascii', 257, 262) === 'ustar' ? readString(header, 345, 155) : ''
    const name = next.path ?? (prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100))
    const size = next.size ?? readOctal(header, 124, 12)
    const type = String.fromCharCode(header[156]!)
    const isFile = type === '0' || type === '\0' || type === '7'
    const isMeta = type === 'x' || type === 'L' || type === 'g'
    if (!isMeta) next = {}
    entry = { name: name.replace(/^\.\//, ''), remaining: size, padding: paddedSize(size) - size, type, bytes: 0 }
    if (isFile) {
      entry.hash = createHash('sha256')
      await startFile(entry.name)
    } else if (isMeta) {
      entry.meta = []
    } else if (type === '5' && entry.name) {
      await mkdir(joinInside(into, entry.name), { recursive: true })
    }
    if (entry.remaining === 0 && entry.padding === 0) {
      endEntry()
      entry = undefined
    }
  }

  /** Takes one chunk read from the archive; writes of its bytes are added to `writes`. */
  const consume = async (chunk: Buffer, writes: Promise<unknown>[]) => {
    let offset = 0
    while (offset < chunk.length && !finished) {
      if (!entry) {
        const taken = Math.min(block - headerFill, chunk.length - offset)
        chunk.copy(header, headerFill, offset, offset + taken)
        headerFill += taken
        offset += taken
        if (headerFill === block) {
          headerFill = 0
          await readHeader()
        }
        continue
      }
      if (entry.remaining > 0) {
        const data = chunk.subarray(offset, offset + Math.min(entry.remaining, chunk.length - offset))
        offset += data.length
        entry.remaining -= data.length
        entry.bytes += data.length
        if (entry.hash) {
          entry.hash.update(data)
          const current = sink!
          current.tail = current.tail.then(async () => (await current.handle).write(data))
          writes.push(current.tail)
        } else if (entry.meta) {
          entry.meta.push(Buffer.from(data))
        }
        onBytes?.(data.length)
      } else {
        const skipped = Math.min(entry.padding, chunk.length - offset)
        offset += skipped
        entry.padding -= skipped
      }
      if (entry.remaining === 0 && entry.padding === 0) {
        endEntry()
        entry = undefined
      }
    }
  }

  try {
    const input = await open(archive, 'r')
    try {
      // Buffers in turn: the next is read while this one is unpacked, and is reused only once the
      // writes of what it held last time are done.
      const pool = Array.from({ length: 4 }, () => ({ buffer: Buffer.allocUnsafe(chunkBytes), writes: [] as Promise<unknown>[] }))
      let turn = 0
      let reading = input.read(pool[0]!.buffer, 0, chunkBytes, null)
      for (;;) {
        const slot = pool[turn]!
        const { bytesRead } = await reading
        if (bytesRead === 0) break
        turn = (turn + 1) % pool.length
        const next = pool[turn]!
        await Promise.all(next.writes)
        next.writes = []
        reading = input.read(next.buffer, 0, chunkBytes, null)
        await consume(slot.buffer.subarray(0, bytesRead), slot.writes)
        if (finished) break
      }
      await reading.catch(() => undefined)
    } finally {
      await input.close()
    }
    if (entry || headerFill > 0) throw new UnreadableArchive(`${archive} ends in the middle of ${entry ? entry.name : 'a header'}`)
  } finally {
    if (sink) closeSink(sink)
    await Promise.all(inFlight)
  }
  if (failure) throw failure
  return unpacked
}
