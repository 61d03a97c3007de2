/**
 * The trash: deleting a learning material, library item, announcement, regulatory document or file
 * moves it there. It leaves readers' answers on every surface at once (and the search index), its
 * editors see and restore it, administrators alone delete for good, and only from the trash.
 */
import type { CollectionSlug, Payload } from 'payload'

import { existsSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { mediaDir } from '../../src/lib/paths.js'
import { emptyTrashTaskSlug, trashRetentionDays } from '../../src/plugins/trash/defaults.js'
import { emptyTrash } from '../../src/plugins/trash/jobs/emptyTrash.js'
import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Member, type Person, type School } from '../leaks/school.js'
import { runSearchQueue, titlesFor } from '../search/support.js'

type Doc = { deletedAt?: null | string; filename?: string; id: number | string; title?: string }

let payload: Payload
let school: School
let serial = 0

const trashed = ['learning-materials', 'library-items', 'announcements', 'regulatory-documents', 'media'] as const
type Trashed = (typeof trashed)[number]

const nouns: Record<Trashed, string> = {
  'learning-materials': 'a learning material',
  'library-items': 'a library item',
  announcements: 'an announcement',
  'regulatory-documents': 'a regulatory document',
  media: 'a file',
}

/** GraphQL names Payload derives from the slugs. */
const graphQLNames: Record<Trashed, { many: string; one: string }> = {
  'learning-materials': { one: 'LearningMaterial', many: 'LearningMaterials' },
  'library-items': { one: 'LibraryItem', many: 'LibraryItems' },
  announcements: { one: 'Announcement', many: 'Announcements' },
  'regulatory-documents': { one: 'RegulatoryDocument', many: 'RegulatoryDocuments' },
  media: { one: 'Media', many: 'allMedia' },
}

/** Who edits what the teacher made in each collection (besides the admin). */
const editorOf: Record<Trashed, Person> = {
  'learning-materials': 'teacher',
  'library-items': 'staff',
  announcements: 'staff',
  'regulatory-documents': 'staff',
  media: 'teacher',
}

const photo = async (): Promise<Buffer> =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7d44' } }).jpeg().toBuffer()

/** Who writes and publishes each kind of document in the school. */
const authorOf: Record<Trashed, Person> = { ...editorOf, 'library-items': 'reviewer' }

/** A published public document (media: a public file), written through the Local API as the school does. */
const publishedDoc = async (collection: Trashed, by: Member = school[authorOf[collection]]): Promise<Doc> => {
  const title = `Tài liệu thùng rác số ${++serial} ${collection}`
  const base = { accessLevel: 'public', _status: 'published' }
  const data: Record<Trashed, Record<string, unknown>> = {
    'learning-materials': { ...base, title, materialType: 'video', author: school.teacher.id, _status: 'draft' },
    'library-items': { ...base, title, itemType: 'book' },
    announcements: { ...base, title, category: 'news' },
    'regulatory-documents': {
      ...base,
      title,
      documentNumber: `${serial}/KH-UBND`,
      documentType: 'KH',
      summary: `Trích yếu ${title}`,
      issuingBody: 'UBND xã',
      issueDate: '2025-03-01T00:00:00.000Z',
    },
    // Only publishers make a file public (issue 11): the teacher uploads it for staff, the admin opens it to everyone.
    media: { alt: title, accessLevel: 'staff' },
  }
  const bytes = collection === 'media' ? await photo() : undefined
  const doc = (await payload.create({
    collection,
    data: data[collection] as never,
    ...(bytes ? { file: { data: bytes, mimetype: 'image/jpeg', name: `anh-${serial}.jpg`, size: bytes.length } } : {}),
    overrideAccess: false,
    user: by.user,
  })) as unknown as Doc
  // Teachers cannot publish: a reviewer does, as in the school.
  if (collection === 'learning-materials') {
    await payload.update({ collection, id: doc.id, data: { _status: 'published' } as never, overrideAccess: false, user: school.reviewer.user })
  }
  if (collection === 'media') {
    await payload.update({ collection, id: doc.id, data: { accessLevel: 'public' } as never, overrideAccess: false, user: school.admin.user })
  }
  return { ...doc, title }
}

const moveToTrash = (collection: Trashed, id: Doc['id'], by: Member) =>
  rest(payload, `/${collection}/${id}`, { method: 'PATCH', body: { deletedAt: new Date().toISOString() }, token: by.token })

const restoreFromTrash = (collection: Trashed, id: Doc['id'], by: Member) =>
  rest(payload, `/${collection}/${id}?trash=true`, { method: 'PATCH', body: { deletedAt: null }, token: by.token })

/** Whether the reader gets the document back anywhere: REST list and by id, GraphQL, Local API — each asked with and without the trash. */
const seenByReader = async (collection: Trashed, id: Doc['id'], reader: 'anonymous' | Person): Promise<Record<string, boolean>> => {
  const token = reader === 'anonymous' ? undefined : school[reader].token
  const user = reader === 'anonymous' ? undefined : school[reader].user
  const seen: Record<string, boolean> = {}
  for (const trash of [false, true]) {
    const list = await rest(payload, `/${collection}?depth=0&trash=${trash}&where[id][equals]=${id}`, { token })
    seen[`REST list trash=${trash}`] = list.ok && ((await list.json()) as { docs: Doc[] }).docs.length > 0
    const one = await rest(payload, `/${collection}/${id}?depth=0&trash=${trash}`, { token })
    seen[`REST by id trash=${trash}`] = one.ok && String(((await one.json()) as Doc).id) === String(id)
    const { many, one: single } = graphQLNames[collection]
    const answer = await graphql<Record<string, { docs?: Doc[]; id?: Doc['id'] } | null>>(
      payload,
      `{ list: ${many}(trash: ${trash}, where: { id: { equals: ${JSON.stringify(id)} } }) { docs { id } } one: ${single}(id: ${JSON.stringify(id)}, trash: ${trash}) { id } }`,
      { token },
    )
    seen[`GraphQL list trash=${trash}`] = (answer.data?.list?.docs?.length ?? 0) > 0
    seen[`GraphQL by id trash=${trash}`] = answer.data?.one?.id !== undefined && answer.data?.one !== null
    const local = await payload.find({ collection, depth: 0, overrideAccess: false, trash, user, where: { id: { equals: id } } })
    seen[`Local API trash=${trash}`] = local.docs.length > 0
  }
  return seen
}

const everywhere = (value: boolean, seen: Record<string, boolean>) => Object.fromEntries(Object.keys(seen).map((key) => [key, value]))

const stored = async (id: Doc['id'], collection: CollectionSlug) =>
  payload.db.findOne<Doc>({ collection, where: { id: { equals: id } } })

beforeAll(async () => {
  payload = await bootPayload('trash')
  // Refusals are provoked on purpose; an unexpected one still shows in the failing assertion.
  payload.logger.level = 'fatal'
  school = await enrolSchool(payload)
})
afterAll(async () => shutdownPayload(payload))

describe.each(trashed)('%s', (collection) => {
  const noun = nouns[collection]

  it(`moving ${noun} to the trash takes it out of every reader's answer at once, even one that asks for the trash, and restoring brings it back`, async () => {
    const doc = await publishedDoc(collection)
    const readers = ['anonymous', 'parent'] as const
    for (const reader of readers) {
      const seen = await seenByReader(collection, doc.id, reader)
      expect(seen).toEqual(everywhere(true, seen))
    }

    await json(await moveToTrash(collection, doc.id, school[editorOf[collection]]))
    expect((await stored(doc.id, collection))?.deletedAt).toEqual(expect.any(String))
    for (const reader of readers) {
      const seen = await seenByReader(collection, doc.id, reader)
      expect(seen).toEqual(everywhere(false, seen))
    }

    await json(await restoreFromTrash(collection, doc.id, school[editorOf[collection]]))
    for (const reader of readers) {
      const seen = await seenByReader(collection, doc.id, reader)
      expect(seen['REST by id trash=false']).toBe(true)
      expect(seen['GraphQL list trash=false']).toBe(true)
      expect(seen['Local API trash=false']).toBe(true)
    }
  })

  it(`the editor of ${noun} finds it in the trash and restores it; a reader and an unrelated teacher can do neither`, async () => {
    const doc = await publishedDoc(collection)
    const editor = school[editorOf[collection]]
    await json(await moveToTrash(collection, doc.id, editor))
    const inTrash = async (who: Member) =>
      ((await json(await rest(payload, `/${collection}?depth=0&trash=true&where[deletedAt][exists]=true`, { token: who.token }))) as { docs: Doc[] }).docs.map(
        (each) => String(each.id),
      )
    expect(await inTrash(editor)).toContain(String(doc.id))
    expect(await inTrash(school.admin)).toContain(String(doc.id))
    expect(await inTrash(school.parent)).not.toContain(String(doc.id))
    expect(await inTrash(school.otherTeacher)).not.toContain(String(doc.id))

    for (const stranger of [school.parent, school.otherTeacher]) {
      expect([403, 404]).toContain((await restoreFromTrash(collection, doc.id, stranger)).status)
    }
    expect((await stored(doc.id, collection))?.deletedAt).toEqual(expect.any(String))
    await json(await restoreFromTrash(collection, doc.id, editor))
    expect((await stored(doc.id, collection))?.deletedAt ?? null).toBeNull()
  })

  it(`a reader cannot move ${noun} to the trash`, async () => {
    const doc = await publishedDoc(collection)
    expect((await moveToTrash(collection, doc.id, school.parent)).status).toBe(403)
    expect((await stored(doc.id, collection))?.deletedAt ?? null).toBeNull()
  })

  it(`deleting ${noun} outside the trash is refused with the way to do it, on REST and GraphQL, and nothing is lost`, async () => {
    const doc = await publishedDoc(collection)
    for (const who of [school[editorOf[collection]], school.admin]) {
      const response = await rest(payload, `/${collection}/${doc.id}`, { method: 'DELETE', token: who.token })
      expect(response.status).toBe(403)
      expect(JSON.stringify(await response.json())).toContain('thùng rác')
      const answer = await graphql(payload, `mutation { delete${graphQLNames[collection].one}(id: ${JSON.stringify(doc.id)}) { id } }`, { token: who.token })
      expect(answer.errors?.[0]?.message).toContain('thùng rác')
    }
    expect(await stored(doc.id, collection)).not.toBeNull()
  })

  it(`only an administrator deletes ${noun} for good, and only once it is in the trash`, async () => {
    const doc = await publishedDoc(collection)
    const editor = school[editorOf[collection]]
    expect((await rest(payload, `/${collection}/${doc.id}?trash=true`, { method: 'DELETE', token: school.admin.token })).status).toBe(403)
    await json(await moveToTrash(collection, doc.id, editor))
    expect((await rest(payload, `/${collection}/${doc.id}?trash=true`, { method: 'DELETE', token: editor.token })).status).toBe(403)
    expect(await stored(doc.id, collection)).not.toBeNull()
    await json(await rest(payload, `/${collection}/${doc.id}?trash=true`, { method: 'DELETE', token: school.admin.token }))
    expect(await stored(doc.id, collection)).toBeNull()
  })
})

describe('search', () => {
  it.each(trashed.filter((collection) => collection !== 'media'))('a %s in the trash leaves the index, and comes back when restored', async (collection) => {
    const doc = await publishedDoc(collection as Trashed)
    await runSearchQueue(payload)
    expect(await titlesFor(payload, doc.title!)).toContain(doc.title)
    await json(await moveToTrash(collection as Trashed, doc.id, school[editorOf[collection as Trashed]]))
    await runSearchQueue(payload)
    expect(await titlesFor(payload, doc.title!, school.admin.token)).not.toContain(doc.title)
    await json(await restoreFromTrash(collection as Trashed, doc.id, school[editorOf[collection as Trashed]]))
    await runSearchQueue(payload)
    expect(await titlesFor(payload, doc.title!)).toContain(doc.title)
  })
})

describe('files in the trash', () => {
  const download = async (filename: string, who?: Member) => {
    const response = await rest(payload, `/media/file/${encodeURIComponent(filename)}`, { token: who?.token })
    await response.arrayBuffer()
    return response.status
  }

  it('a file in the trash stays on disk, is not served to readers, and is still served to its uploader', async () => {
    const file = await publishedDoc('media')
    const onDisk = path.join(mediaDir(), file.filename!)
    expect(await download(file.filename!)).toBe(200)
    await json(await moveToTrash('media', file.id, school.teacher))
    expect(existsSync(onDisk)).toBe(true)
    expect(await download(file.filename!)).toBe(403)
    expect(await download(file.filename!, school.parent)).toBe(403)
    expect(await download(file.filename!, school.teacher)).toBe(200)
  })

  // Payload leaves the id of a relation the reader may not open, as it does for any file beyond her level.
  it("a published lesson whose file is in the trash shows readers nothing of the file but its id, and all of it again once restored", async () => {
    const file = await publishedDoc('media')
    const lesson = await publishedDoc('learning-materials')
    await payload.update({ collection: 'learning-materials', id: lesson.id, data: { files: [file.id] } as never, overrideAccess: false, user: school.reviewer.user })
    const filesSeen = async () =>
      ((await json(await rest(payload, `/learning-materials/${lesson.id}?depth=1`))) as { files: Array<Doc | number | string> }).files.filter((each) => typeof each === 'object').length
    expect(await filesSeen()).toBe(1)
    // A file a published lesson uses is moved only by who may publish the lesson (issue 11).
    expect((await moveToTrash('media', file.id, school.teacher)).status).toBe(403)
    expect(await filesSeen()).toBe(1)
    await json(await moveToTrash('media', file.id, school.admin))
    expect(await filesSeen()).toBe(0)
    await json(await restoreFromTrash('media', file.id, school.admin))
    expect(await filesSeen()).toBe(1)
  })
})

describe('moving through the trash is no publication', () => {
  it('a teacher restores her material the reviewer published, but cannot change it on the way out', async () => {
    const lesson = await publishedDoc('learning-materials')
    await json(await moveToTrash('learning-materials', lesson.id, school.teacher))
    const sneaked = await rest(payload, `/learning-materials/${lesson.id}?trash=true`, {
      method: 'PATCH',
      body: { deletedAt: null, title: 'Sửa mà không qua duyệt' },
      token: school.teacher.token,
    })
    expect(sneaked.status).toBe(403)
    await json(await restoreFromTrash('learning-materials', lesson.id, school.teacher))
    expect(((await json(await rest(payload, `/learning-materials/${lesson.id}`))) as Doc).title).toBe(lesson.title)
  })
})

describe('emptying the trash', () => {
  const day = 24 * 60 * 60 * 1000
  const collections = [...trashed]

  /** Puts a document in the trash as if it had been moved there at `when`. */
  const trashedAt = async (collection: Trashed, when: Date): Promise<Doc> => {
    const doc = await publishedDoc(collection)
    await payload.db.updateOne({ collection, id: doc.id, data: { deletedAt: when.toISOString() } })
    return doc
  }

  it('deletes for good what stayed longer than the retention by the clock it is given, files included, and keeps what is younger', async () => {
    // The clock a day ahead: what the other tests put in the trash today stays well within the retention.
    const now = new Date(Date.now() + day)
    const old = await trashedAt('learning-materials', new Date(now.getTime() - 31 * day))
    const young = await trashedAt('learning-materials', new Date(now.getTime() - 29 * day))
    const oldFile = await trashedAt('media', new Date(now.getTime() - 30 * day - 60_000))
    const youngFile = await trashedAt('media', new Date(now.getTime() - 1 * day))
    const live = await publishedDoc('announcements')

    const emptied = await emptyTrash(payload, { collections, now, retentionDays: 30 })

    expect(emptied).toEqual({ 'learning-materials': 1, media: 1 })
    expect(await stored(old.id, 'learning-materials')).toBeNull()
    expect(await stored(young.id, 'learning-materials')).not.toBeNull()
    expect(await stored(oldFile.id, 'media')).toBeNull()
    expect(existsSync(path.join(mediaDir(), oldFile.filename!))).toBe(false)
    expect(existsSync(path.join(mediaDir(), youngFile.filename!))).toBe(true)
    expect(await stored(live.id, 'announcements')).not.toBeNull()
  })

  it('runs as a scheduled job of the queue the server works', async () => {
    const task = payload.config.jobs.tasks?.find((each) => each.slug === emptyTrashTaskSlug)
    expect(task?.schedule?.[0]).toEqual({ cron: expect.any(String), queue: 'default' })
    const old = await trashedAt('regulatory-documents', new Date(Date.now() - 45 * day))
    await payload.jobs.queue({ task: emptyTrashTaskSlug as never, input: {} as never })
    await payload.jobs.run({ queue: 'default', silent: true })
    expect(await stored(old.id, 'regulatory-documents')).toBeNull()
  })

  it('reads TRASH_RETENTION_DAYS as whole days and keeps 30 for anything else', () => {
    expect(trashRetentionDays(undefined)).toBe(30)
    expect(trashRetentionDays('90')).toBe(90)
    for (const wrong of ['0', '-5', '2.5', 'ba mươi', '']) expect(trashRetentionDays(wrong)).toBe(30)
  })
})
