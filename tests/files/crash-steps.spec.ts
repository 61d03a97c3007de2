/**
 * A replacement killed at each step leaves what the next start settles from the database alone:
 * the folder exactly as a killed process leaves it (staged files, a journal or not, a row stored
 * or not, names half taken) is settled by the recovery every start runs. The real kill of a
 * real server is in tests/server/crash-safety.spec.ts.
 */
import type { Payload } from 'payload'

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { checkFiles } from '../../src/backup/filesCheck.js'
import { filenamesOfRow } from '../../src/plugins/atomicFiles/filesDir.js'
import { recoverAbandonedChanges } from '../../src/plugins/atomicFiles/recover.js'
import { pendingDirOf, stage, type Staged } from '../../src/plugins/atomicFiles/store.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, type School } from '../leaks/school.js'
import { deleteBehindPayload } from './refuseWrites.js'

type StoredFile = { filename: string; id: number; sizes: Record<string, { filename?: null | string }> }

let payload: Payload
let school: School
let counter = 0

const mediaDir = () => process.env.MEDIA_DIR!

const uploadPhoto = async (): Promise<StoredFile> => {
  counter += 1
  const data = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#446688' } }).jpeg().toBuffer()
  return (await payload.create({
    collection: 'media',
    data: { alt: 'Ảnh lớp học', accessLevel: 'public' },
    file: { data, mimetype: 'image/jpeg', name: `lop-hoc-${counter}.jpg`, size: data.length },
    overrideAccess: false,
    user: school.admin.user,
  })) as unknown as StoredFile
}

/** The new original and one new size, as a replacement would stage them. */
const replacementOf = async (old: StoredFile) => {
  const base = `thay-the-${old.id}`
  const original = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#884466' } }).jpeg().toBuffer()
  const thumbnail = await sharp(original).resize(320).jpeg().toBuffer()
  return {
    files: [
      { name: `${base}.jpg`, data: original },
      { name: `${base}-320x200.jpg`, data: thumbnail },
    ],
    row: {
      filename: `${base}.jpg`,
      // Every size the old row had is replaced: the new image has a thumbnail only.
      sizes: {
        ...Object.fromEntries(Object.keys(old.sizes).map((size) => [size, { filename: null, filesize: null, height: null, mimeType: null, url: null, width: null }])),
        thumbnail: { filename: `${base}-320x200.jpg`, height: 200, width: 320 },
      },
    },
  }
}

const stageReplacement = async (old: StoredFile) => {
  const { files, row } = await replacementOf(old)
  const staged: Staged = await stage(mediaDir(), { collection: 'media', files, remove: filenamesOfRow(old), storedWhen: { rowWithFilename: row.filename } })
  return { files, row, staged }
}

const storeRow = (old: StoredFile, row: Record<string, unknown>) => payload.db.updateOne({ collection: 'media', data: row, id: old.id })

const onDisk = (name: string) => existsSync(path.join(mediaDir(), name))

const expectSettled = async () => {
  expect(existsSync(pendingDirOf(mediaDir()))).toBe(false)
  const report = await checkFiles(payload)
  expect(report).toMatchObject({ missing: [], orphans: [] })
}

beforeAll(async () => {
  payload = await bootPayload('files-crash-steps')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('a replacement killed', () => {
  it('while its files were being written keeps the old files, and the next start removes the partial ones', async () => {
    const old = await uploadPhoto()
    const opDir = path.join(pendingDirOf(mediaDir()), `${2 ** 22 + 1}-0-killed`)
    mkdirSync(path.join(opDir, 'files'), { recursive: true })
    writeFileSync(path.join(opDir, 'files', 'nua-chung.jpg'), 'half a photo')

    await expect(recoverAbandonedChanges(payload)).resolves.toEqual({ completed: 0, discarded: 1 })
    for (const name of filenamesOfRow(old)) expect(onDisk(name)).toBe(true)
    await expectSettled()
  })

  it('after its journal but before the database write keeps the old files, and the next start removes the new ones', async () => {
    const old = await uploadPhoto()
    const { row } = await stageReplacement(old)

    await expect(recoverAbandonedChanges(payload)).resolves.toEqual({ completed: 0, discarded: 1 })
    for (const name of filenamesOfRow(old)) expect(onDisk(name)).toBe(true)
    for (const name of filenamesOfRow(row)) expect(onDisk(name)).toBe(false)
    await expectSettled()
  })

  it('after the database write, the next start puts the new files in place and removes the old ones', async () => {
    const old = await uploadPhoto()
    const { files, row } = await stageReplacement(old)
    await storeRow(old, row)

    await expect(recoverAbandonedChanges(payload)).resolves.toEqual({ completed: 1, discarded: 0 })
    for (const file of files) expect(readFileSync(path.join(mediaDir(), file.name)).equals(file.data)).toBe(true)
    for (const name of filenamesOfRow(old)) expect(onDisk(name)).toBe(false)
    await expectSettled()
  })

  it('half-way through taking the new names, the next start finishes the swap', async () => {
    const old = await uploadPhoto()
    const { row, staged } = await stageReplacement(old)
    await storeRow(old, row)
    const [first] = staged.journal.add
    renameSync(path.join(staged.opDir, 'files', first!), path.join(mediaDir(), first!))

    await expect(recoverAbandonedChanges(payload)).resolves.toEqual({ completed: 1, discarded: 0 })
    for (const name of filenamesOfRow(row)) expect(onDisk(name)).toBe(true)
    for (const name of filenamesOfRow(old)) expect(onDisk(name)).toBe(false)
    await expectSettled()
  })

  it('while removing the old files, the next start removes the rest', async () => {
    const old = await uploadPhoto()
    const { row, staged } = await stageReplacement(old)
    await storeRow(old, row)
    for (const name of staged.journal.add) renameSync(path.join(staged.opDir, 'files', name), path.join(mediaDir(), name))

    await expect(recoverAbandonedChanges(payload)).resolves.toEqual({ completed: 1, discarded: 0 })
    expect(readdirSync(mediaDir()).filter((name) => filenamesOfRow(old).includes(name))).toEqual([])
    await expectSettled()
  })
})

describe('a delete killed after the database removed the row', () => {
  it('has its files removed at the next start', async () => {
    const old = await uploadPhoto()
    await stage(mediaDir(), { collection: 'media', files: [], remove: filenamesOfRow(old), storedWhen: { rowGone: old.id } })
    await deleteBehindPayload(payload, 'media', old.id)
    for (const name of filenamesOfRow(old)) expect(onDisk(name)).toBe(true)

    await expect(recoverAbandonedChanges(payload)).resolves.toEqual({ completed: 1, discarded: 0 })
    for (const name of filenamesOfRow(old)) expect(onDisk(name)).toBe(false)
    await expectSettled()
  })
})
