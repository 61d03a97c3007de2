/**
 * Finding 1 of the review: teachers published through files. A teacher's upload defaulted to
 * `public` and anyone read it at once; after a reviewer published her lesson, she replaced its
 * file and visitors got the unreviewed bytes, search its text. Office staff did the same to files
 * of library items and materials they may not publish. Only publishers decide what the public sees:
 * a non-publisher's upload is readable by school staff only until a published document uses it,
 * and a file used by a published document is replaced or edited only by someone who may publish
 * that document. A replacement by anyone else is refused (README, "Files and publishing").
 */
import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, makePdf, type Member, type School } from '../leaks/school.js'
import { runSearchQueue, search } from '../search/support.js'

let payload: Payload
let school: School

type StoredFile = { accessLevel: string; filename: string; id: number }

const pdfUpload = async (text: string, name: string) => {
  const data = await makePdf(text)
  return { data, name }
}

/** Uploads through REST as `by`, the way the admin panel does. */
const upload = async (by: Member, text: string, name: string, fields: Record<string, unknown> = {}): Promise<Response> => {
  const { data } = await pdfUpload(text, name)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name)
  form.append('_payload', JSON.stringify(fields))
  return rest(payload, '/media?depth=0', { body: form, method: 'POST', token: by.token })
}

/** Replaces a file's bytes through REST as `by`: `PATCH /api/media/:id` with a new file. */
const replace = async (by: Member, id: number, text: string, name: string): Promise<Response> => {
  const { data } = await pdfUpload(text, name)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name)
  form.append('_payload', JSON.stringify({}))
  return rest(payload, `/media/${id}?depth=0`, { body: form, method: 'PATCH', token: by.token })
}

const edit = (by: Member, id: number, data: Record<string, unknown>) => rest(payload, `/media/${id}?depth=0`, { body: data, method: 'PATCH', token: by.token })

const stored = async (id: number) => (await payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true })) as unknown as StoredFile

/** What an anonymous visitor downloads at the file's current name, as text pdftotext would see. */
const servedToVisitors = async (id: number): Promise<{ bytes: Buffer; status: number }> => {
  const { filename } = await stored(id)
  const response = await rest(payload, `/media/file/${encodeURIComponent(filename)}`)
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** A lesson by the teacher using `file`, published by the reviewer. */
const publishedLesson = async (file: number, title: string) => {
  const draft = await payload.create({
    collection: 'learning-materials',
    data: { title, materialType: 'lesson-plan', accessLevel: 'public', files: [file] },
    draft: true,
    overrideAccess: false,
    user: school.teacher.user,
  })
  await payload.update({ collection: 'learning-materials', id: draft.id, data: { _status: 'published' }, overrideAccess: false, user: school.reviewer.user })
  return draft.id
}

const refusedMessage = /xuất bản/

beforeAll(async () => {
  payload = await bootPayload('review-files-publish')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('a teacher’s upload, before any review', () => {
  let file: StoredFile

  beforeAll(async () => {
    file = (await json(await upload(school.teacher, 'Giao an ca nhan chua duyet', 'giao-an.pdf'), 201)).doc
  })

  it('is stored readable by school staff only', () => {
    expect(file.accessLevel).toBe('staff')
  })

  it('is refused to anonymous visitors and parents, by id and on the file route', async () => {
    for (const token of [undefined, school.parent.token]) {
      expect([403, 404]).toContain((await rest(payload, `/media/${file.id}`, { token })).status)
      const route = await rest(payload, `/media/file/${encodeURIComponent(file.filename)}`, { token })
      await route.arrayBuffer()
      expect(route.status).toBe(403)
    }
  })

  it('is read by office staff and another teacher', async () => {
    for (const member of [school.staff, school.otherTeacher]) {
      expect((await rest(payload, `/media/${file.id}`, { token: member.token })).status).toBe(200)
    }
  })

  it('cannot be made public by the teacher when she uploads it', async () => {
    const response = await upload(school.teacher, 'Tu cong khai', 'tu-cong-khai.pdf', { accessLevel: 'public' })
    const body = await json(response, 400)
    expect(JSON.stringify(body)).toMatch(refusedMessage)
  })

  it('cannot be made visible to parents afterwards', async () => {
    expect((await edit(school.teacher, file.id, { accessLevel: 'parents' })).status).toBe(400)
    expect((await stored(file.id)).accessLevel).toBe('staff')
  })

  it('is replaced by its author while no published document uses it', async () => {
    const response = await replace(school.teacher, file.id, 'Giao an ban sua', 'giao-an-sua.pdf')
    expect(response.status).toBe(200)
  })
})

describe('a teacher’s file in a lesson a reviewer has published', () => {
  let file: StoredFile
  let reviewed: Buffer

  beforeAll(async () => {
    file = (await json(await upload(school.teacher, 'Bai hat con ga trong da duyet', 'con-ga.pdf'), 201)).doc
    await publishedLesson(file.id, 'Bài hát Con gà trống')
    await runSearchQueue(payload)
    reviewed = (await servedToVisitors(file.id)).bytes
  })

  it('is served to visitors once the lesson is published', async () => {
    const { status } = await servedToVisitors(file.id)
    expect(status).toBe(200)
  })

  it('cannot be replaced by the teacher: 403 in Vietnamese, visitors keep the reviewed file', async () => {
    const response = await replace(school.teacher, file.id, 'Noi dung chua duyet xyzzy', 'con-ga-moi.pdf')
    const body = await json(response, 403)
    expect(body.errors[0].message).toMatch(refusedMessage)
    expect((await servedToVisitors(file.id)).bytes.equals(reviewed)).toBe(true)
  })

  it('and search never shows the unreviewed text', async () => {
    await runSearchQueue(payload)
    expect((await search(payload, { q: 'xyzzy' })).total).toBe(0)
  })

  it.each([
    ['alt', { alt: 'Mô tả khác' }],
    ['caption', { caption: 'Chú thích chưa duyệt' }],
    ['level', { accessLevel: 'staff' }],
  ])('cannot have its %s edited by the teacher', async (_, data) => {
    const before = await stored(file.id)
    expect((await edit(school.teacher, file.id, data)).status).toBe(403)
    expect(await stored(file.id)).toEqual(before)
  })

  it('cannot have its alt edited by the teacher through GraphQL', async () => {
    const { errors } = await graphql(payload, `mutation { updateMedia(id: ${file.id}, data: { alt: "Khác" }) { id } }`, { token: school.teacher.token })
    expect(errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('cannot be deleted by the teacher', async () => {
    expect((await rest(payload, `/media/${file.id}`, { method: 'DELETE', token: school.teacher.token })).status).toBe(403)
    expect(await stored(file.id)).toBeTruthy()
  })

  it('cannot be replaced by office staff, who may not publish learning materials', async () => {
    expect((await replace(school.staff, file.id, 'Van thu thay tep', 'van-thu.pdf')).status).toBe(403)
    expect((await servedToVisitors(file.id)).bytes.equals(reviewed)).toBe(true)
  })

  it('is replaced by an admin, who may publish the lesson and manages every file', async () => {
    expect((await replace(school.admin, file.id, 'Ban giam hieu da duyet', 'con-ga-duyet.pdf')).status).toBe(200)
    expect((await servedToVisitors(file.id)).status).toBe(200)
    expect((await servedToVisitors(file.id)).bytes.equals(reviewed)).toBe(false)
  })
})

describe('office staff and files of what they may or may not publish', () => {
  it('cannot replace the file of a published library item', async () => {
    const file = (await json(await upload(school.staff, 'Sach dien tu', 'sach.pdf', { accessLevel: 'staff' }), 201)).doc as StoredFile
    const item = await payload.create({
      collection: 'library-items',
      data: { title: 'Truyện cổ tích Việt Nam', itemType: 'ebook', accessLevel: 'public', files: [file.id] },
      draft: true,
      overrideAccess: false,
      user: school.staff.user,
    })
    await payload.update({ collection: 'library-items', id: item.id, data: { _status: 'published' }, overrideAccess: false, user: school.reviewer.user })
    const response = await replace(school.staff, file.id, 'Sach chua duyet', 'sach-moi.pdf')
    expect(response.status).toBe(403)
    expect((await json(response, 403)).errors[0].message).toMatch(refusedMessage)
  })

  it('replace the file of an announcement they published themselves', async () => {
    const file = (await json(await upload(school.staff, 'Thuc don tuan', 'thuc-don.pdf', { accessLevel: 'public' }), 201)).doc as StoredFile
    await payload.create({
      collection: 'announcements',
      data: { title: 'Thực đơn tuần này', category: 'menu', accessLevel: 'public', attachments: [file.id], _status: 'published' },
      overrideAccess: false,
      user: school.staff.user,
    })
    expect((await replace(school.staff, file.id, 'Thuc don tuan sau', 'thuc-don-2.pdf')).status).toBe(200)
  })
})
