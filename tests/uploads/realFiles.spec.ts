/**
 * Files of real size, made by Chromium, pandoc, exiftool and ffmpeg (tests/fixtures/realFiles.ts),
 * uploaded as the admin UI sends them: multipart POST /api/media, the fields as JSON in `_payload`.
 * Their text is read by a queued job after the upload answers, and reaches search through the
 * documents that use them.
 */
import type { Payload } from 'payload'

import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { mediaTextQueue } from '../../src/collections/Media/jobs/extractMediaText.js'
import { maxTextLength } from '../../src/lib/uploads/extractText.js'
import { type RealFile, type RealFiles, realFileList, realFiles } from '../fixtures/realFiles.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Person, type School } from '../leaks/school.js'
import { runSearchQueue, search } from '../search/support.js'

const run = promisify(execFile)

type StoredMedia = {
  filename: string
  filesize: number
  height?: number
  id: number
  mimeType: string
  sizes?: Record<string, { filename: null | string }>
  width?: number
}

let payload: Payload
let school: School
let files: RealFiles
const stored = new Map<string, StoredMedia>()

const folded = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()

const upload = async (file: RealFile | { data: Buffer; mime: string; name: string }, as: Person): Promise<Response> => {
  const data = 'data' in file ? file.data : readFileSync(file.path)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: file.mime }), file.name)
  form.append('_payload', JSON.stringify({ accessLevel: 'staff', alt: `Tệp ${file.name}` }))
  return rest(payload, '/media', { body: form, headers: { 'Accept-Language': 'vi' }, method: 'POST', token: school[as].token })
}

const mediaPath = (filename: string) => path.join(process.env.MEDIA_DIR!, filename)

const textOf = async (id: number): Promise<null | string | undefined> =>
  (await payload.findByID({ collection: 'media', id, overrideAccess: true, showHiddenFields: true })).extractedText

/** Text jobs waiting to run (Payload deletes a job once it completes). */
const pendingTextJobs = async (): Promise<number> =>
  (
    await payload.count({
      collection: 'payload-jobs',
      overrideAccess: true,
      where: { and: [{ queue: { equals: mediaTextQueue } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    })
  ).totalDocs

/** Tags exiftool finds in a file that say who took it, where, with what. */
const privateTags = async (file: string): Promise<Record<string, unknown>> => {
  const { stdout } = await run('exiftool', ['-j', '-G1', '-a', file])
  const [tags] = JSON.parse(stdout) as Array<Record<string, unknown>>
  return Object.fromEntries(
    Object.entries(tags).filter(([tag]) => /GPS|Make|Model|Artist|DateTimeOriginal|Orientation|^EXIF:|^IFD/i.test(tag)),
  )
}

/** A learning material for everyone, with these files, published by the reviewer. */
const publishMaterial = async (title: string, fileIds: number[]): Promise<number> => {
  const draft = await payload.create({
    collection: 'learning-materials',
    data: { _status: 'draft', accessLevel: 'public', files: fileIds, materialType: 'lesson-plan', title },
    depth: 0,
    draft: true,
    overrideAccess: false,
    user: school.teacher.user,
  })
  await payload.update({
    collection: 'learning-materials',
    data: { _status: 'published' },
    depth: 0,
    id: draft.id,
    overrideAccess: false,
    user: school.reviewer.user,
  })
  return draft.id
}

const foundIds = async (q: string): Promise<string[]> => (await search(payload, { limit: '50', q })).hits.map((hit) => hit.id)

beforeAll(async () => {
  files = await realFiles()
  payload = await bootPayload('real-uploads')
  school = await enrolSchool(payload)
}, 10 * 60_000)

afterAll(async () => shutdownPayload(payload))

describe('a file of real size, uploaded through REST', () => {
  it.each([
    ['a 1-page lesson plan printed by Chromium', 'pdf1', 'teacher'],
    ['a 30-page plan printed by Chromium', 'pdf30', 'teacher'],
    ['a 150-page plan printed by Chromium', 'pdf150', 'teacher'],
    ['a Word lesson plan written by pandoc', 'docx', 'teacher'],
    ['a year of plans in one Word file, past the text cap', 'bookDocx', 'reviewer'],
    ['PowerPoint slides written by pandoc', 'pptx', 'teacher'],
    ['a 12-megapixel phone photo with GPS', 'photo', 'staff'],
    ['a portrait phone photo with GPS and orientation 6', 'photoPortrait', 'teacher'],
    ['a 3-minute MP3 song', 'mp3', 'staff'],
    ['a 20-second 720p MP4 video', 'mp4', 'teacher'],
  ] as const)('%s is stored (%s, as the %s)', async (_, key, as) => {
    const file = files[key]
    const { doc } = await json<{ doc: StoredMedia }>(await upload(file, as), 201)
    expect(doc).toMatchObject({ filename: file.name, mimeType: file.mime })
    if (!file.mime.startsWith('image/')) {
      expect(doc.filesize).toBe(file.bytes)
      expect(readFileSync(mediaPath(doc.filename)).equals(readFileSync(file.path))).toBe(true)
    }
    stored.set(key, doc)
  })

  it('every file of the set was stored', () => {
    expect([...stored.keys()].sort()).toEqual(Object.keys(files).sort())
    expect(realFileList(files)).toHaveLength(stored.size)
  })
})

describe('a phone photo', () => {
  const storedFiles = (doc: StoredMedia) => [
    doc.filename,
    ...Object.values(doc.sizes ?? {}).flatMap((size) => (size.filename ? [size.filename] : [])),
  ]

  it.each(['photo', 'photoPortrait'] as const)('(%s) keeps no EXIF, GPS, camera or author in the original or any size, by exiftool', async (key) => {
    expect(Object.keys(await privateTags(files[key].path))).toEqual(expect.arrayContaining(['GPS:GPSLatitude', 'IFD0:Make', 'IFD0:Artist']))
    const doc = stored.get(key)!
    expect(storedFiles(doc).length).toBeGreaterThanOrEqual(6)
    for (const filename of storedFiles(doc)) {
      expect({ filename, tags: await privateTags(mediaPath(filename)) }).toEqual({ filename, tags: {} })
    }
  })

  it('taken upright is stored upright, at its full 4032×3024 and 3024×4032', () => {
    expect([stored.get('photo')?.width, stored.get('photo')?.height]).toEqual([4032, 3024])
    expect([stored.get('photoPortrait')?.width, stored.get('photoPortrait')?.height]).toEqual([3024, 4032])
  })
})

describe('the text of the uploaded documents', () => {
  let planId: number
  let bookId: number

  it('is read after the upload has answered, by a queued job', async () => {
    for (const key of ['pdf1', 'pdf30', 'pdf150', 'docx', 'bookDocx', 'pptx'] as const) {
      expect({ key, text: await textOf(stored.get(key)!.id) }).toEqual({ key, text: null })
    }
    expect(await pendingTextJobs()).toBe(6)
    await payload.jobs.run({ limit: 100, queue: mediaTextQueue, silent: true })
    expect(await pendingTextJobs()).toBe(0)
    for (const key of ['pdf1', 'pdf30', 'pdf150', 'docx'] as const) {
      expect({ key, read: ((await textOf(stored.get(key)!.id))?.length ?? 0) > 1000 }).toEqual({ key, read: true })
    }
  })

  it('of the slides is read in slide order, a paragraph a line', async () => {
    const lines = (await textOf(stored.get('pptx')!.id))!.split('\n')
    expect(lines[0]).toBe('Bài giảng các chủ đề trong năm')
    expect(lines).toEqual(expect.arrayContaining(['Thế giới động vật', 'Phương tiện giao thông', 'Hoạt động ngoài trời']))
    expect(lines.indexOf('Thế giới động vật')).toBeLessThan(lines.indexOf('Phương tiện giao thông'))
  })

  it('is kept whole for the 150-page plan: every page, first to last', async () => {
    const text = folded((await textOf(stored.get('pdf150')!.id))!)
    const { phrases, textLength } = files.pdf150
    for (const phrase of Object.values(phrases)) expect(text).toContain(folded(phrase))
    expect(text.length).toBeGreaterThan(textLength * 0.95)
  })

  it('is cut at the cap for a file holding more, keeping what comes before it', async () => {
    const text = (await textOf(stored.get('bookDocx')!.id))!
    expect(files.bookDocx.textLength).toBeGreaterThan(maxTextLength)
    expect(text).toHaveLength(maxTextLength)
    expect(folded(text)).toContain(folded(files.bookDocx.phrases.first))
    expect(folded(text)).not.toContain(folded(files.bookDocx.phrases.last))
  })

  it('is found by a search without diacritics, from the first, middle and last page of the 150-page plan', async () => {
    planId = await publishMaterial('Kế hoạch giáo dục học kỳ I', [stored.get('pdf150')!.id])
    bookId = await publishMaterial('Tuyển tập giáo án cả năm', [stored.get('bookDocx')!.id])
    await runSearchQueue(payload)
    for (const phrase of Object.values(files.pdf150.phrases)) {
      expect({ phrase, found: await foundIds(folded(phrase).replace(/[()]/g, '')) }).toEqual({
        phrase,
        found: expect.arrayContaining([`learning-materials-${planId}`]),
      })
    }
  })

  it('is found before the cap of a longer file, and not after it', async () => {
    const { first, last } = files.bookDocx.phrases
    // The page count that tells the two files apart is past the ten words a query counts.
    expect(await foundIds(folded(first).replace(/[()]/g, ''))).toContain(`learning-materials-${bookId}`)
    expect(await foundIds(folded(last))).not.toContain(`learning-materials-${bookId}`)
  })
})

describe('a damaged PDF', () => {
  it('is stored, its text job completes without text and is not retried, and the upload never fails', async () => {
    const whole = readFileSync(files.pdf30.path)
    // A copy cut short, as an interrupted download leaves it: still a PDF by its first bytes.
    const damaged = { data: whole.subarray(0, Math.floor(whole.length / 3)), mime: 'application/pdf', name: 'ke-hoach-hong.pdf' }
    const { doc } = await json<{ doc: StoredMedia }>(await upload(damaged, 'teacher'), 201)
    expect(await pendingTextJobs()).toBe(1)
    await payload.jobs.run({ limit: 10, queue: mediaTextQueue, silent: true })
    // Completed jobs are deleted; a failed one would stay, marked with its error.
    expect(await payload.count({ collection: 'payload-jobs', overrideAccess: true, where: { queue: { equals: mediaTextQueue } } })).toEqual({ totalDocs: 0 })
    expect(await textOf(doc.id)).toBeNull()
    expect(readFileSync(mediaPath(doc.filename)).equals(damaged.data)).toBe(true)
  })
})
