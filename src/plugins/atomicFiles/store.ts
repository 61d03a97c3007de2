import { randomUUID } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises'
import path from 'node:path'

/** A file about to take its name in the collection's folder. */
export type IncomingFile = { name: string } & ({ data: Buffer } | { sourcePath: string })

/**
 * What a pending change will do once its database write is known to be stored, written beside its
 * files so a process that starts after a crash can finish or undo it.
 */
export type Journal = {
  collection: string
  /** The process that staged it: another process's change is left alone while that process lives. */
  pid: number
  /** Names of the staged files, in the order they take their place. */
  add: string[]
  /** Names the change retires once stored. */
  remove: string[]
  /** How to tell from the database that the write was stored. */
  storedWhen: { rowWithFilename: string } | { rowGone: number | string }
}

export type Staged = { dir: string; journal: Journal; opDir: string }

/** Changes wait here, on the same file system as the folder so that taking a name is one rename. */
export const pendingDirOf = (dir: string): string => path.join(dir, '.pending')

/** Files nobody's row named, moved aside by `files:check --fix` or found in the way of a new name. */
export const quarantineDirOf = (dir: string): string => path.join(dir, '.quarantine')

const stagedFile = (opDir: string, name: string) => path.join(opDir, 'files', name)

/** Writes and flushes a file, so that what the journal promises is on the disk before it is. */
const writeDurably = async (target: string, data: Buffer | string) => {
  const handle = await open(target, 'w')
  try {
    await handle.writeFile(data)
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

const copyDurably = async (source: string, target: string) => writeDurably(target, await readFile(source))

const missingIsFine = (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}

/**
 * Writes a change's files under temporary names, then its journal (written last: a folder without
 * one never got as far as the database and is thrown away on recovery).
 */
export const stage = async (dir: string, change: Omit<Journal, 'add' | 'pid'> & { files: IncomingFile[] }): Promise<Staged> => {
  const opDir = path.join(pendingDirOf(dir), `${process.pid}-${Date.now()}-${randomUUID()}`)
  await mkdir(path.join(opDir, 'files'), { recursive: true })
  const journal: Journal = { collection: change.collection, pid: process.pid, add: change.files.map((file) => file.name), remove: change.remove, storedWhen: change.storedWhen }
  try {
    for (const file of change.files) {
      const target = stagedFile(opDir, file.name)
      if ('data' in file) await writeDurably(target, file.data)
      else await copyDurably(file.sourcePath, target)
    }
    await writeDurably(path.join(opDir, 'journal.tmp'), JSON.stringify(journal))
    await rename(path.join(opDir, 'journal.tmp'), path.join(opDir, 'journal.json'))
  } catch (error) {
    await discard({ dir, journal, opDir })
    throw error
  }
  return { dir, journal, opDir }
}

const removeEmptyPendingDir = async (dir: string) => {
  // Another change may have just staged into it; then it stays.
  await rmdir(pendingDirOf(dir)).catch(() => undefined)
}

/** Forgets a change whose write was not stored: its files go, the old ones were never touched. */
export const discard = async ({ dir, opDir }: Staged): Promise<void> => {
  await rm(opDir, { force: true, recursive: true })
  await removeEmptyPendingDir(dir)
}

/**
 * Completes a stored change: each staged file takes its name with a rename (readers see the old
 * bytes or the new, never a part), then the retired files go. Safe to run again after a crash
 * half-way: a file already in place is skipped.
 */
export const promote = async ({ dir, journal, opDir }: Staged): Promise<void> => {
  for (const name of journal.add) {
    const source = stagedFile(opDir, name)
    const target = path.join(dir, name)
    const exists = await open(target, 'r').then(
      async (handle) => (await handle.close(), true),
      () => false,
    )
    const staged = await open(source, 'r').then(
      async (handle) => (await handle.close(), true),
      () => false,
    )
    if (!staged) continue
    // A file already under that name that this change does not retire belongs to no row (names
    // are unique among rows): it is set aside, never overwritten.
    if (exists && !journal.remove.includes(name)) await quarantine(dir, name)
    await rename(source, target)
  }
  for (const name of journal.remove) {
    if (journal.add.includes(name)) continue
    await unlink(path.join(dir, name)).catch(missingIsFine)
  }
  await rm(opDir, { force: true, recursive: true })
  await removeEmptyPendingDir(dir)
}

/** Moves a file of the folder into the quarantine folder, under the day it was moved. */
export const quarantine = async (dir: string, name: string): Promise<string> => {
  const day = new Date().toISOString().slice(0, 10)
  const target = path.join(quarantineDirOf(dir), day, name)
  await mkdir(path.dirname(target), { recursive: true })
  let free = target
  for (let n = 1; await open(free, 'r').then(async (handle) => (await handle.close(), true), () => false); n += 1) {
    free = `${target}.${n}`
  }
  await rename(path.join(dir, name), free)
  return free
}

const isAlive = (pid: number) => {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Changes left in the folder by processes that are gone, each with its journal when it has one. */
export const abandonedChanges = async (dir: string): Promise<Array<{ opDir: string; journal?: Journal }>> => {
  const pending = pendingDirOf(dir)
  const entries = await readdir(pending).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw error
  })
  const found: Array<{ opDir: string; journal?: Journal }> = []
  for (const entry of entries) {
    const opDir = path.join(pending, entry)
    const pid = Number(entry.split('-')[0])
    if (Number.isInteger(pid) && isAlive(pid)) continue
    const journal = await readFile(path.join(opDir, 'journal.json'), 'utf8').then(
      (text) => JSON.parse(text) as Journal,
      () => undefined,
    )
    found.push({ opDir, journal })
  }
  return found
}
