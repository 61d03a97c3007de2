/**
 * Files are served by `/api/media/file/<filename>`, which admits a reader when the media read rule
 * does: the file's own level, or a level at which a published document uses it (`exposedLevels`).
 */
import type { Payload } from 'payload'

import { rmSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import type { AccessLevel } from '../../src/access/accessLevels.js'
import { mediaDir } from '../../src/lib/paths.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, makePdf, type Member, type School } from './school.js'

type Reader = 'anonymous' | 'parent' | 'reviewer' | 'staff' | 'teacher'
type StoredFile = { filename: string; id: number; sizes?: Record<string, { filename?: null | string }> }

let payload: Payload
let school: School
let photo: StoredFile

const tokenOf = (reader: Reader) => (reader === 'anonymous' ? undefined : school[reader].token)

/** The original and every generated size: each is a file of its own on the route. */
const filenamesOf = (file: StoredFile): string[] => [
  file.filename,
  ...Object.values(file.sizes ?? {}).flatMap((size) => (size.filename ? [size.filename] : [])),
]

/** The statuses the file route answers for each stored file, the body read so no stream stays open. */
const statusesFor = async (file: StoredFile, reader: Reader): Promise<number[]> =>
  Promise.all(
    filenamesOf(file).map(async (filename) => {
      const response = await rest(payload, `/media/file/${encodeURIComponent(filename)}`, { token: tokenOf(reader) })
      await response.arrayBuffer()
      return response.status
    }),
  )

const served = (file: StoredFile) => filenamesOf(file).map(() => 200)
const refused = (file: StoredFile) => filenamesOf(file).map(() => 403)

const uploadPhoto = async (by: Member, name: string, accessLevel: AccessLevel): Promise<StoredFile> => {
  const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#4080c0' } }).jpeg().toBuffer()
  return (await payload.create({
    collection: 'media',
    data: { alt: 'Các bé tập thể dục buổi sáng', accessLevel },
    file: { data, mimetype: 'image/jpeg', name, size: data.length },
    overrideAccess: false,
    user: by.user,
  })) as unknown as StoredFile
}

const announce = async (by: Member, data: Record<string, unknown>) =>
  json(
    await rest(payload, '/announcements', {
      body: { title: 'Ngày hội thể thao', category: 'event', accessLevel: 'public', _status: 'published', ...data },
      method: 'POST',
      token: by.token,
    }),
    201,
  ).then((answer) => answer.doc as { id: number | string })

const change = async (collection: string, id: number | string, by: Member, data: Record<string, unknown>) =>
  json(await rest(payload, `/${collection}/${id}`, { body: data, method: 'PATCH', token: by.token }))

beforeAll(async () => {
  payload = await bootPayload('leaks-files')
  school = await enrolSchool(payload)
  photo = await uploadPhoto(school.staff, 'the-duc.jpg', 'staff')
})

afterAll(async () => shutdownPayload(payload))

describe('a staff-level photo', () => {
  it('is stored with its generated sizes', () => {
    expect(filenamesOf(photo).length).toBeGreaterThanOrEqual(3)
  })

  it.each<Reader>(['anonymous', 'parent'])('is refused to %s, original and every size', async (reader) => {
    await expect(statusesFor(photo, reader)).resolves.toEqual(refused(photo))
  })

  it.each<Reader>(['staff', 'teacher'])('is served to %s, original and every size', async (reader) => {
    await expect(statusesFor(photo, reader)).resolves.toEqual(served(photo))
  })
})

describe('a staff-level photo used as the cover of a public announcement', () => {
  let announcementId: number | string

  beforeAll(async () => {
    announcementId = (await announce(school.staff, { cover: photo.id })).id
  })

  it('is served to anonymous visitors once the announcement is published, every size included', async () => {
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(served(photo))
  })

  it('is refused again once the announcement is unpublished', async () => {
    await change('announcements', announcementId, school.staff, { _status: 'draft' })
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(refused(photo))
  })

  it('is served again when it is republished, and refused once the cover is removed', async () => {
    await change('announcements', announcementId, school.staff, { _status: 'published' })
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(served(photo))
    await change('announcements', announcementId, school.staff, { cover: null })
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(refused(photo))
  })

  it('is refused once the announcement that published it is deleted (moved to the trash), and served again when it is restored', async () => {
    await change('announcements', announcementId, school.staff, { cover: photo.id })
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(served(photo))
    const trashed = await rest(payload, `/announcements/${announcementId}`, { method: 'PATCH', body: { deletedAt: new Date().toISOString() }, token: school.staff.token })
    expect(trashed.status).toBe(200)
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(refused(photo))
    const restored = await rest(payload, `/announcements/${announcementId}?trash=true`, { method: 'PATCH', body: { deletedAt: null }, token: school.staff.token })
    expect(restored.status).toBe(200)
    await expect(statusesFor(photo, 'anonymous')).resolves.toEqual(served(photo))
  })
})

describe('a staff-level photo in a parents-level announcement', () => {
  it('is served to parents but not to anonymous visitors', async () => {
    const picture = await uploadPhoto(school.staff, 'hop-phu-huynh.jpg', 'staff')
    await announce(school.staff, { title: 'Họp phụ huynh đầu năm', cover: picture.id, accessLevel: 'parents' })
    await expect(statusesFor(picture, 'parent')).resolves.toEqual(served(picture))
    await expect(statusesFor(picture, 'anonymous')).resolves.toEqual(refused(picture))
  })
})

describe('a staff-level photo in an announcement scheduled for later', () => {
  it('is not served before the announcement itself is out', async () => {
    const picture = await uploadPhoto(school.staff, 'tuyen-sinh.jpg', 'staff')
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString()
    const { id } = await announce(school.staff, { title: 'Tuyển sinh năm học mới', cover: picture.id, publishedAt: tomorrow, category: 'enrolment' })
    const announcement = await rest(payload, `/announcements/${id}`)
    expect(announcement.status).toBe(404)
    await announcement.arrayBuffer()
    await expect(statusesFor(picture, 'anonymous')).resolves.toEqual(refused(picture))
  })
})

describe('a parents-level file', () => {
  it('is served to parents and refused to anonymous visitors', async () => {
    const picture = await uploadPhoto(school.staff, 'thuc-don-tuan.jpg', 'parents')
    await expect(statusesFor(picture, 'parent')).resolves.toEqual(served(picture))
    await expect(statusesFor(picture, 'anonymous')).resolves.toEqual(refused(picture))
  })
})

describe('a file in a learning material that is not published', () => {
  it('is not exposed while the material is a draft', async () => {
    const data = await makePdf('Giao an the duc')
    const file = (await payload.create({
      collection: 'media',
      data: { accessLevel: 'staff' },
      file: { data, mimetype: 'application/pdf', name: 'giao-an.pdf', size: data.length },
      overrideAccess: false,
      user: school.teacher.user,
    })) as unknown as StoredFile
    await json(
      await rest(payload, '/learning-materials?draft=true', {
        body: { title: 'Giáo án thể dục', materialType: 'lesson-plan', accessLevel: 'public', files: [file.id], reviewStatus: 'submitted' },
        method: 'POST',
        token: school.teacher.token,
      }),
      201,
    )
    await expect(statusesFor(file, 'anonymous')).resolves.toEqual(refused(file))
    await expect(statusesFor(file, 'parent')).resolves.toEqual(refused(file))
    const stored = await payload.findByID({ collection: 'media', id: file.id, overrideAccess: true })
    expect(stored.exposedLevels ?? []).toEqual([])
  })

  it('is not exposed by a newer draft of a published material', async () => {
    const picture = await uploadPhoto(school.reviewer, 'tranh-moi.jpg', 'staff')
    const material = await payload.create({
      collection: 'learning-materials',
      data: { title: 'Tranh: Mùa xuân', materialType: 'pictures', accessLevel: 'public', _status: 'published' },
      overrideAccess: false,
      user: school.reviewer.user,
    })
    await json(
      await rest(payload, `/learning-materials/${material.id}?draft=true`, {
        body: { cover: picture.id },
        method: 'PATCH',
        token: school.reviewer.token,
      }),
    )
    await expect(statusesFor(picture, 'anonymous')).resolves.toEqual(refused(picture))
  })

  it('is exposed through `files` once the material is published', async () => {
    const picture = await uploadPhoto(school.reviewer, 'tranh-xuan.jpg', 'staff')
    await payload.create({
      collection: 'learning-materials',
      data: { title: 'Tranh: Hoa mai', materialType: 'pictures', accessLevel: 'public', files: [picture.id], _status: 'published' },
      overrideAccess: false,
      user: school.reviewer.user,
    })
    await expect(statusesFor(picture, 'anonymous')).resolves.toEqual(served(picture))
  })
})

describe('a file someone cannot read', () => {
  it('cannot be exposed by the uploader writing exposedLevels herself', async () => {
    const data = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } }).jpeg().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), 'tu-cong-bo.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Ảnh', accessLevel: 'staff', exposedLevels: ['public'] }))
    const { doc } = await json(await rest(payload, '/media', { body: form, method: 'POST', token: school.teacher.token }), 201)
    await json(await rest(payload, `/media/${doc.id}`, { body: { exposedLevels: ['public'] }, method: 'PATCH', token: school.teacher.token }))
    await expect(statusesFor(doc, 'anonymous')).resolves.toEqual(refused(doc))
  })

  it('is not exposed when a reviewer publishes a public material pointing at a leadership file she cannot read', async () => {
    const secret = await uploadPhoto(school.admin, 'bang-luong.jpg', 'leadership')
    await expect(statusesFor(secret, 'reviewer')).resolves.toEqual(refused(secret))
    const response = await rest(payload, '/learning-materials', {
      body: { title: 'Tranh: Con mèo', materialType: 'pictures', accessLevel: 'public', cover: secret.id, _status: 'published' },
      method: 'POST',
      token: school.reviewer.token,
    })
    await response.arrayBuffer()
    await expect(statusesFor(secret, 'reviewer')).resolves.toEqual(refused(secret))
    await expect(statusesFor(secret, 'anonymous')).resolves.toEqual(refused(secret))
  })

  it('is not exposed when office staff publish a public announcement pointing at a leadership file they cannot read', async () => {
    const secret = await uploadPhoto(school.admin, 'ho-so-nhan-su.jpg', 'leadership')
    await expect(statusesFor(secret, 'staff')).resolves.toEqual(refused(secret))
    const response = await rest(payload, '/announcements', {
      body: { title: 'Tin vui', category: 'news', accessLevel: 'public', attachments: [secret.id], _status: 'published' },
      method: 'POST',
      token: school.staff.token,
    })
    await response.arrayBuffer()
    await expect(statusesFor(secret, 'staff')).resolves.toEqual(refused(secret))
    await expect(statusesFor(secret, 'anonymous')).resolves.toEqual(refused(secret))
  })
})

describe('a staff-level photo gone from the disk', () => {
  it('is refused as before to readers who may not see it, and 404 to those who may, original and every size', async () => {
    const picture = await uploadPhoto(school.staff, 'so-do-lop.jpg', 'staff')
    for (const filename of filenamesOf(picture)) rmSync(path.join(mediaDir(), filename), { force: true })
    await expect(statusesFor(picture, 'anonymous')).resolves.toEqual(refused(picture))
    await expect(statusesFor(picture, 'parent')).resolves.toEqual(refused(picture))
    await expect(statusesFor(picture, 'staff')).resolves.toEqual(filenamesOf(picture).map(() => 404))
  })
})
