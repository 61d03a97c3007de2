/**
 * Uploads as the admin UI sends them: multipart, the file under `file` and the fields as JSON
 * under `_payload`, through Payload's REST handlers.
 */
import type { Payload } from 'payload'

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { executables, htmlPage, pngHeader, privateExif, privateXmp, svgWithScript, twoColourImage } from '../fixtures/uploads.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, makePdf, type School } from '../leaks/school.js'

let payload: Payload
let school: School

type ErrorAnswer = { errors: Array<{ data?: { errors?: Array<{ message: string }> }; message: string }> }
type StoredMedia = { filename: string; height: number; id: number | string; sizes: Record<string, { filename: null | string; height: null | number; width: null | number }>; width: number }

const messagesOf = (answer: ErrorAnswer): string[] =>
  answer.errors.flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((field) => field.message)])

const mediaDir = () => process.env.MEDIA_DIR!

const filesOnDisk = (): string[] => (existsSync(mediaDir()) ? readdirSync(mediaDir(), { recursive: true }).map(String) : [])

/** Sends a file as the admin UI does, in Vietnamese, as a teacher. */
const uploadForm = (data: Buffer, name: string, fields: Record<string, unknown>, type = 'application/octet-stream') => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  return rest(payload, '/media', { body: form, headers: { 'Accept-Language': 'vi' }, method: 'POST', token: school.teacher.token })
}

const expectNothingStored = async () => {
  await expect(payload.count({ collection: 'media' })).resolves.toEqual({ totalDocs: 0 })
  expect(filesOnDisk()).toEqual([])
}

/** Just over the 15 MB image limit: a real PNG header followed by padding, so it is recognised as PNG. */
const oversizedPng = () => {
  const header = pngHeader(10, 10)
  return Buffer.concat([header, Buffer.alloc(15 * 1024 * 1024 + 1024 - header.length)])
}

beforeAll(async () => {
  payload = await bootPayload('uploads')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('an upload that is refused', () => {
  it.each([
    { what: 'a Windows program renamed to .pdf', data: executables.pe, name: 'bai-giang.pdf', type: 'application/pdf', status: 415, message: 'Không chấp nhận loại tệp này (EXE).' },
    { what: 'a Linux program renamed to .jpg', data: executables.elf, name: 'anh-lop.jpg', type: 'image/jpeg', status: 415, message: 'Không chấp nhận loại tệp này (ELF).' },
    { what: 'an SVG with a script', data: svgWithScript, name: 'logo.svg', type: 'image/svg+xml', status: 415, message: 'Không chấp nhận loại tệp này (SVG).' },
    { what: 'an SVG with a script named .png', data: svgWithScript, name: 'logo.png', type: 'image/png', status: 415, message: 'Không chấp nhận loại tệp này (SVG).' },
    { what: 'an HTML page named .jpg', data: htmlPage, name: 'anh-be.jpg', type: 'image/jpeg', status: 415, message: 'Không chấp nhận loại tệp này (HTML).' },
    { what: 'a 20000×20000 PNG', data: pngHeader(20_000, 20_000), name: 'bom.png', type: 'image/png', status: 413, message: 'Ảnh quá lớn: 20000×20000 điểm ảnh, giới hạn là 50 megapixel.' },
    { what: 'a PNG just over the 15 MB image limit', data: oversizedPng(), name: 'lon.png', type: 'image/png', status: 413, message: 'Tệp quá lớn: 15.1 MB, giới hạn cho loại tệp này là 15 MB.' },
  ])('$what is refused with $status, and nothing is stored', async ({ data, message, name, status, type }) => {
    const response = await uploadForm(data, name, { alt: 'Ảnh', accessLevel: 'staff' }, type)
    expect(response.status).toBe(status)
    const messages = messagesOf(await json<ErrorAnswer>(response, status))
    expect(messages.some((text) => text.startsWith(message))).toBe(true)
    await expectNothingStored()
  })

  it('an image without alt text is refused with 400, and nothing is stored', async () => {
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#ffcc00' } }).jpeg().toBuffer()
    const response = await uploadForm(photo, 'khong-alt.jpg', { accessLevel: 'staff' }, 'image/jpeg')
    expect(response.status).toBe(400)
    expect(messagesOf(await json<ErrorAnswer>(response, 400))).toContain('Hãy mô tả ảnh cho người không nhìn thấy (văn bản thay thế).')
    await expectNothingStored()
  })

  const remote = { url: 'https://example.com/anh.jpg', filename: 'anh.jpg', alt: 'Ảnh', accessLevel: 'staff' }

  it('a remote URL without a file is refused with 400 before anything is fetched, and nothing is stored', async () => {
    const asJson = await rest(payload, '/media', { body: remote, method: 'POST', token: school.teacher.token })
    expect(asJson.status).toBe(400)
    await asJson.arrayBuffer()
    const form = new FormData()
    form.append('_payload', JSON.stringify(remote))
    const asForm = await rest(payload, '/media', { body: form, method: 'POST', token: school.teacher.token })
    expect(asForm.status).toBe(400)
    await asForm.arrayBuffer()
    const pasted = await rest(payload, `/media/paste-url?src=${encodeURIComponent(remote.url)}`, { token: school.teacher.token })
    expect(pasted.status).toBe(400)
    await pasted.arrayBuffer()
    await expectNothingStored()
  })

  it('a remote URL is refused with the message that says remote uploads are disabled', async () => {
    const response = await rest(payload, '/media', {
      body: remote,
      headers: { 'Accept-Language': 'vi' },
      method: 'POST',
      token: school.teacher.token,
    })
    expect(messagesOf(await json<ErrorAnswer>(response, 400))).toContain(
      'Không cho phép tải tệp từ địa chỉ web. Hãy tải tệp về máy rồi tải lên.',
    )
  })
})

describe('a phone photo with EXIF GPS and orientation 6', () => {
  let stored: StoredMedia

  beforeAll(async () => {
    const photo = await twoColourImage(800, 400)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif(privateExif)
      .withXmp(privateXmp)
      .toBuffer()
    const before = await sharp(photo).metadata()
    expect(before).toMatchObject({ orientation: 6, width: 800, height: 400 })
    stored = (await json(await uploadForm(photo, 'ca-lop.jpg', { alt: 'Cả lớp đi dã ngoại', accessLevel: 'staff' }, 'image/jpeg'), 201))
      .doc as StoredMedia
  })

  const storedFiles = () => [stored.filename, ...Object.values(stored.sizes).flatMap((size) => (size.filename ? [size.filename] : []))]

  /** Red above, blue below: the sideways photo's left (red) half is its top once upright. */
  const expectUpright = async (filename: string) => {
    const { data, info } = await sharp(path.join(mediaDir(), filename)).raw().toBuffer({ resolveWithObject: true })
    const rgb = (x: number, y: number) => {
      const at = (Math.round(y) * info.width + Math.round(x)) * info.channels
      return [data[at], data[at + 1], data[at + 2]]
    }
    const top = rgb(info.width / 2, info.height * 0.1)
    const bottom = rgb(info.width / 2, info.height * 0.9)
    expect({ filename, topIsRed: top[0] > 200 && top[2] < 60, bottomIsBlue: bottom[2] > 200 && bottom[0] < 60 }).toEqual({
      filename,
      topIsRed: true,
      bottomIsBlue: true,
    })
  }

  it('is stored upright: the orientation is applied and the dimensions swapped', async () => {
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 400, height: 800 })
    const metadata = await sharp(path.join(mediaDir(), stored.filename)).metadata()
    expect({ width: metadata.width, height: metadata.height }).toEqual({ width: 400, height: 800 })
    await expectUpright(stored.filename)
  })

  it('keeps no EXIF, GPS, XMP or orientation in the original or in any size on disk', async () => {
    expect(storedFiles().length).toBeGreaterThanOrEqual(3)
    for (const filename of storedFiles()) {
      const file = path.join(mediaDir(), filename)
      const metadata = await sharp(file).metadata()
      expect([filename, metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation]).toEqual([filename, undefined, undefined, undefined, undefined])
      const bytes = readFileSync(file).toString('latin1')
      for (const trace of ['PhoneMaker', 'Co giao Lan', 'WGS-84']) expect([filename, bytes.includes(trace)]).toEqual([filename, false])
    }
  })

  it('has every size made from the upright photo', async () => {
    for (const filename of storedFiles().slice(1)) await expectUpright(filename)
  })
})

describe('an upload that is accepted', () => {
  it('a PDF needs no alt text', async () => {
    const response = await uploadForm(await makePdf('Thuc don'), 'thuc-don.pdf', { accessLevel: 'staff' }, 'application/pdf')
    const { doc } = await json(response, 201)
    expect(doc).toMatchObject({ mimeType: 'application/pdf', accessLevel: 'staff' })
    expect(filesOnDisk()).toContain(doc.filename)
  })
})
