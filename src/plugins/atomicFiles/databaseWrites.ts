import type { Payload, PayloadRequest, Where } from 'payload'

import { whenSettled } from '../../lib/afterCommit.js'
import { filenamesOfRow, filesDirOf } from './filesDir.js'
import { takeIncomingFiles } from './incoming.js'
import { discard, promote, type Staged, stage } from './store.js'

const guarded = new WeakSet<Payload['db']>()

/**
 * The file writes of one row, one after another. Each reads the row's current files to retire
 * them with its change; two replacements of one photo at once both read the same files, and the
 * one stored first would keep its new files on disk, retired by nobody.
 */
const turnsByRow = new Map<string, Promise<unknown>>()
const inTurnOfRow = async <T>(row: string, work: () => Promise<T>): Promise<T> => {
  const mine = (turnsByRow.get(row) ?? Promise.resolve()).then(work)
  const settled = mine.then(
    () => undefined,
    () => undefined,
  )
  turnsByRow.set(row, settled)
  try {
    return await mine
  } finally {
    if (turnsByRow.get(row) === settled) turnsByRow.delete(row)
  }
}

/** The row a single-row write addresses: its id, or the filter itself when it names none. */
const rowKey = (slug: string, id: unknown, where: unknown): string => {
  const named = id ?? (where as { id?: { equals?: unknown } } | undefined)?.id?.equals
  return `${slug}:${named !== undefined ? String(named) : JSON.stringify(where)}`
}

/**
 * Runs a row's write between the two halves of its files' change: staged before, completed once
 * the write is stored, thrown away when it is not. A failure to complete is logged and left to
 * the recovery at the next start; the row is stored and the journal says what remains to do.
 */
const writeWithFiles = async <T>(payload: Payload, req: PayloadRequest | undefined, staged: Staged, write: () => Promise<T>): Promise<T> => {
  let result: T
  try {
    result = await write()
  } catch (error) {
    await discard(staged)
    throw error
  }
  const complete = () =>
    promote(staged).catch((error: unknown) => payload.logger.error({ err: error, opDir: staged.opDir }, 'files: could not complete a stored change; it is completed at the next start'))
  if (req) await whenSettled(req, { stored: complete, notStored: () => discard(staged) })
  else await complete()
  return result
}

/**
 * Brackets the database adapter's writes of upload collections with their files. This is the one
 * place every create, update and delete passes (REST, GraphQL, Local API, admin), and the only
 * moment that knows both that validation and hooks are behind and whether the row was stored.
 */
export const guardFileWrites = (payload: Payload): void => {
  const db = payload.db
  if (guarded.has(db)) return
  guarded.add(db)
  const uploadCollection = (slug: string) => {
    const config = payload.collections[slug as keyof typeof payload.collections]?.config
    return config?.upload ? config : undefined
  }
  const { create, deleteOne, updateOne } = db

  db.create = async (args) => {
    const config = uploadCollection(args.collection)
    const files = config && takeIncomingFiles(args.req as PayloadRequest, (args.data as { filename?: unknown }).filename)
    if (!config || !files) return create.call(db, args)
    const staged = await stage(filesDirOf(config), { collection: config.slug, files, remove: [], storedWhen: { rowWithFilename: files[0]!.name } })
    return writeWithFiles(payload, args.req as PayloadRequest, staged, () => create.call(db, args))
  }

  db.updateOne = async (args) => {
    const config = uploadCollection(args.collection)
    const files = config && takeIncomingFiles(args.req as PayloadRequest, (args.data as { filename?: unknown }).filename)
    if (!config || !files) return updateOne.call(db, args)
    const where: Where = 'id' in args && args.id !== undefined ? { id: { equals: args.id } } : (args.where as Where)
    return inTurnOfRow(rowKey(config.slug, 'id' in args ? args.id : undefined, where), async () => {
      const current = await db.findOne({ collection: config.slug, req: args.req, where })
      const staged = await stage(filesDirOf(config), { collection: config.slug, files, remove: filenamesOfRow(current), storedWhen: { rowWithFilename: files[0]!.name } })
      return writeWithFiles(payload, args.req as PayloadRequest, staged, () => updateOne.call(db, args))
    })
  }

  db.deleteOne = async (args) => {
    const config = uploadCollection(args.collection)
    if (!config) return deleteOne.call(db, args)
    return inTurnOfRow(rowKey(config.slug, undefined, args.where), async () => {
      const current = await db.findOne<{ id: number | string }>({ collection: config.slug, req: args.req, where: args.where })
      const names = filenamesOfRow(current)
      if (!current || names.length === 0) return deleteOne.call(db, args)
      const staged = await stage(filesDirOf(config), { collection: config.slug, files: [], remove: names, storedWhen: { rowGone: current.id } })
      return writeWithFiles(payload, args.req as PayloadRequest, staged, () => deleteOne.call(db, args))
    })
  }
}
