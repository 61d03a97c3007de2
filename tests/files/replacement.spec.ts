/**
 * Replacing a file is atomic: the new bytes and sizes wait under temporary names until the
 * database has stored the row that names them; only then do they take their names and the old
 * files go. A refusal at any step leaves the old file and its sizes served and nothing new behind.
 */
import type { Payload } from 'payload'

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { checkFiles } from '../../src/backup/filesCheck.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, makePdf, type School } from '../leaks/school.js'
import { refuseWritesTo } from './refuseWrites.js'

type StoredFile = { filename: string; id: number | string; sizes?: Record<string, { filename?: null | string }> }

let payload: Payload
let school: School

const mediaDir = () => process.env.MEDIA_DIR!

/** Every file under the media folder, temporary folders included: nothing may hide there. */
const everythingOnDisk = (): string[] =>
  existsSync(mediaDir())
    ? readdirSync(mediaDir(), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(mediaDir(), path.join(entry.parentPath, entry.name)))
        .sort()
    : []

const filenamesOf = (file: StoredFile): string[] => [
  file.filename,
  ...Object.values(file.sizes ?? {}).flatMap((size) => (size.filename ? [size.filename] : [])),
]

const download = async (filename: string) => {
  const response = await rest(payload, `/media/file/${encodeURIComponent(filename)}`)
  return { body: Buffer.from(await response.arrayBuffer()), status: response.status }
}

const stored = async (id: number | string) => (await payload.findByID({ collection: 'media', id, overrideAccess: true })) as unknown as StoredFile

const replaceForm = (data: Buffer, name: string, type: string, fields: Record<string, unknown>) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

const publishedLessonWith = async (name: string, data: Buffer, mimetype: string): Promise<StoredFile> => {
  const media = (await payload.create({
    collection: 'media',
    data: { alt: 'Giáo án', accessLevel: 'public' },
    file: { data, mimetype, name, size: data.length },
    overrideAccess: false,
    user: school.admin.user,
  })) as unknown as StoredFile
  await payload.create({
    collection: 'learning-materials',
    data: { title: `Bài học ${name}`, materialType: 'lesson-plan', accessLevel: 'public', files: [media.id as number], _status: 'published' },
    overrideAccess: false,
    user: school.admin.user,
  })
  return media
}

/** What a reader gets for each of the file's names, byte for byte. */
const servedBytes = async (file: StoredFile) =>
  Object.fromEntries(await Promise.all(filenamesOf(file).map(async (name) => [name, await download(name)] as const)))

const expectServedAsBefore = async (file: StoredFile, before: Awaited<ReturnType<typeof servedBytes>>) => {
  expect(await stored(file.id)).toMatchObject({ filename: file.filename })
  for (const [name, answer] of Object.entries(before)) {
    const now = await download(name)
    expect({ name, status: now.status }).toEqual({ name, status: 200 })
    expect(now.body.equals(answer.body)).toBe(true)
  }
}

const expectNoDrift = async () => {
  const report = await checkFiles(payload)
  expect(report.missing).toEqual([])
  expect(report.orphans).toEqual([])
}

const photo = (colour: string) => sharp({ create: { width: 900, height: 600, channels: 3, background: colour } }).jpeg().toBuffer()

beforeAll(async () => {
  payload = await bootPayload('files-replacement')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('a replacement that is refused', () => {
  it('for an invalid access level answers 400, and the published lesson still serves the old PDF with nothing new on disk', async () => {
    const lesson = await publishedLessonWith('giao-an-mau.pdf', await makePdf('Giao an cu'), 'application/pdf')
    const before = await servedBytes(lesson)
    const disk = everythingOnDisk()

    const response = await rest(payload, `/media/${lesson.id}`, {
      body: replaceForm(await makePdf('Giao an moi'), 'giao-an-moi.pdf', 'application/pdf', { accessLevel: 'khong-co-muc-nay' }),
      method: 'PATCH',
      token: school.admin.token,
    })
    expect(response.status).toBe(400)
    await response.arrayBuffer()

    await expectServedAsBefore(lesson, before)
    expect(everythingOnDisk()).toEqual(disk)
    await expectNoDrift()
  })

  it('by a hook that fails before the database write keeps the photo and every size served, with nothing new on disk', async () => {
    const picture = await publishedLessonWith('anh-lop.jpg', await photo('#3366aa'), 'image/jpeg')
    expect(filenamesOf(picture).length).toBeGreaterThanOrEqual(3)
    const before = await servedBytes(picture)
    const disk = everythingOnDisk()

    const hooks = payload.collections.media.config.hooks.beforeChange
    const failing = () => {
      throw new Error('injected: a hook refuses the change')
    }
    hooks.push(failing)
    try {
      const response = await rest(payload, `/media/${picture.id}`, {
        body: replaceForm(await photo('#aa3366'), 'anh-moi.jpg', 'image/jpeg', { alt: 'Ảnh mới' }),
        method: 'PATCH',
        token: school.admin.token,
      })
      expect(response.status).toBe(500)
      await response.arrayBuffer()
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }

    await expectServedAsBefore(picture, before)
    expect(everythingOnDisk()).toEqual(disk)
    await expectNoDrift()
  })

  it('by the database keeps the photo and every size served, with nothing new on disk', async () => {
    const picture = await publishedLessonWith('anh-san-truong.jpg', await photo('#33aa66'), 'image/jpeg')
    const before = await servedBytes(picture)
    const disk = everythingOnDisk()

    const allowAgain = await refuseWritesTo(payload, 'media')
    try {
      const response = await rest(payload, `/media/${picture.id}`, {
        body: replaceForm(await photo('#66aa33'), 'anh-san-moi.jpg', 'image/jpeg', { alt: 'Ảnh sân trường mới' }),
        method: 'PATCH',
        token: school.admin.token,
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
      await response.arrayBuffer()
    } finally {
      await allowAgain()
    }

    await expectServedAsBefore(picture, before)
    expect(everythingOnDisk()).toEqual(disk)
    await expectNoDrift()
  })
})

describe('a replacement that succeeds', () => {
  it('serves the new photo and its sizes, and removes the old ones from disk', async () => {
    const picture = await publishedLessonWith('anh-le-hoi.jpg', await photo('#884422'), 'image/jpeg')
    const newPhoto = await photo('#228844')
    const answer = await json<{ doc: StoredFile }>(
      await rest(payload, `/media/${picture.id}`, {
        body: replaceForm(newPhoto, 'anh-le-hoi-moi.jpg', 'image/jpeg', { alt: 'Ảnh lễ hội mới' }),
        method: 'PATCH',
        token: school.admin.token,
      }),
    )
    const replaced = answer.doc
    for (const name of filenamesOf(replaced)) expect({ name, status: (await download(name)).status }).toEqual({ name, status: 200 })
    for (const name of filenamesOf(picture)) expect(existsSync(path.join(mediaDir(), name))).toBe(false)
    const original = readFileSync(path.join(mediaDir(), replaced.filename))
    expect((await sharp(original).metadata()).width).toBe(900)
    await expectNoDrift()
  })

  it('made twice at once, by two editors, leaves on disk the files of the one stored last and nothing of the other', async () => {
    const picture = await publishedLessonWith('anh-hai-nguoi.jpg', await photo('#336699'), 'image/jpeg')
    const photos = await Promise.all(['#993366', '#669933'].map((colour) => photo(colour)))
    // The two requests read the photo's row in step, each read waiting (a second at most) for the
    // other's: without turns, both would read the same old files to retire.
    const findOne = payload.db.findOne
    let arrived: Array<() => void> = []
    payload.db.findOne = async function (this: Payload['db'], args) {
      if (args.collection === 'media') {
        await new Promise<void>((resolve) => {
          arrived.push(resolve)
          if (arrived.length === 2) {
            arrived.forEach((release) => release())
            arrived = []
          }
          setTimeout(resolve, 1_000)
        })
      }
      return findOne.call(this, args)
    } as typeof findOne
    let answers: Response[]
    try {
      answers = await Promise.all(
        photos.map((data, index) =>
          rest(payload, `/media/${picture.id}`, {
            body: replaceForm(data, `anh-hai-nguoi-${index + 1}.jpg`, 'image/jpeg', { alt: `Ảnh của người thứ ${index + 1}` }),
            method: 'PATCH',
            token: school.admin.token,
          }),
        ),
      )
    } finally {
      payload.db.findOne = findOne
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    const kept = await stored(picture.id)
    for (const name of filenamesOf(kept)) expect({ name, status: (await download(name)).status }).toEqual({ name, status: 200 })
    expect(everythingOnDisk().filter((name) => name.startsWith('anh-hai-nguoi'))).toEqual([...filenamesOf(kept)].sort())
    await expectNoDrift()
  })

  it('when a hook fails after the database stored the new row, serves the file that row names and leaves nothing behind', async () => {
    const picture = await publishedLessonWith('anh-sau-luu.jpg', await photo('#445566'), 'image/jpeg')
    const hooks = payload.collections.media.config.hooks.afterChange
    const failing = () => {
      throw new Error('injected: a hook fails after the write')
    }
    hooks.push(failing)
    try {
      const response = await rest(payload, `/media/${picture.id}`, {
        body: replaceForm(await photo('#665544'), 'anh-sau-luu-moi.jpg', 'image/jpeg', { alt: 'Ảnh mới' }),
        method: 'PATCH',
        token: school.admin.token,
      })
      expect(response.status).toBe(500)
      await response.arrayBuffer()
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    const now = await stored(picture.id)
    for (const name of filenamesOf(now)) expect({ name, status: (await download(name)).status }).toEqual({ name, status: 200 })
    await expectNoDrift()
  })

  it('of the focal point re-crops the sizes from the stored original, swaps them in, and removes the old ones', async () => {
    const picture = await publishedLessonWith('anh-tieu-diem.jpg', await photo('#123456'), 'image/jpeg')
    const answer = await json<{ doc: StoredFile & { focalX: number; focalY: number } }>(
      await rest(payload, `/media/${picture.id}?uploadEdits[focalPoint][x]=10&uploadEdits[focalPoint][y]=90`, {
        body: { focalX: 10, focalY: 90 },
        method: 'PATCH',
        token: school.admin.token,
      }),
    )
    expect(answer.doc).toMatchObject({ focalX: 10, focalY: 90 })
    for (const name of filenamesOf(answer.doc)) expect({ name, status: (await download(name)).status }).toEqual({ name, status: 200 })
    await expectNoDrift()
  })
})
