/**
 * Review finding 4: `payload-locked-documents` kept Payload's defaults, so a parent could lock a
 * leadership document (the admin's saves then failed), list everyone's locks, delete others' locks
 * and tell whether an id exists (500 against 201). The same held for every collection Payload
 * adds: each now follows access declared by us.
 */
import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, type School } from '../leaks/school.js'

let payload: Payload
let school: School
let leadershipDoc: { id: number | string }
let teachersDoc: { id: number | string }

const locks = 'payload-locked-documents'

/** A lock as the admin panel makes one when someone opens a document: through the database layer. */
const lockAs = async (member: keyof School, collection: string, id: number | string) =>
  (await payload.db.create({
    collection: locks,
    data: { document: { relationTo: collection, value: id }, user: { relationTo: 'users', value: school[member].id } },
  })) as { id: number | string }

const allLocks = async () => (await payload.db.find<{ id: number | string; user: { value: unknown } }>({ collection: locks, limit: 0, pagination: false })).docs

beforeAll(async () => {
  payload = await bootPayload('review-locks')
  school = await enrolSchool(payload)
  leadershipDoc = await payload.create({
    collection: 'announcements',
    data: { title: 'Kế hoạch nhân sự năm học mới', category: 'news', accessLevel: 'leadership', _status: 'draft' } as never,
    overrideAccess: true,
  })
  teachersDoc = await payload.create({
    collection: 'learning-materials',
    data: { title: 'Bé làm quen chữ cái', materialType: 'video', accessLevel: 'staff', author: school.teacher.id, _status: 'draft' } as never,
    overrideAccess: true,
  })
})

afterAll(async () => shutdownPayload(payload))

afterEach(async () => {
  await payload.db.deleteMany({ collection: locks, where: { id: { exists: true } } })
})

describe('a parent', () => {
  it('cannot lock a leadership document, and the admin saves it afterwards', async () => {
    const response = await rest(payload, `/${locks}`, {
      method: 'POST',
      token: school.parent.token,
      body: { document: { relationTo: 'announcements', value: leadershipDoc.id }, user: { relationTo: 'users', value: school.parent.id } },
    })
    expect(response.status).toBe(403)
    expect(await allLocks()).toEqual([])
    const save = await rest(payload, `/announcements/${leadershipDoc.id}`, { method: 'PATCH', token: school.admin.token, body: { title: 'Kế hoạch nhân sự (sửa)' } })
    expect(save.status).toBe(200)
  })

  it('cannot list the locks of others, through REST or GraphQL', async () => {
    await lockAs('admin', 'announcements', leadershipDoc.id)
    const response = await rest(payload, `/${locks}`, { token: school.parent.token })
    expect(response.status === 403 || ((await response.json()) as { totalDocs: number }).totalDocs === 0).toBe(true)
    const { data, errors } = await graphql<{ PayloadLockedDocuments: { totalDocs: number } | null }>(payload, '{ PayloadLockedDocuments { totalDocs } }', {
      token: school.parent.token,
    })
    expect(errors?.[0]?.extensions?.statusCode === 403 || data?.PayloadLockedDocuments?.totalDocs === 0).toBe(true)
  })

  it("cannot delete the admin's lock", async () => {
    const lock = await lockAs('admin', 'announcements', leadershipDoc.id)
    const response = await rest(payload, `/${locks}/${lock.id}`, { method: 'DELETE', token: school.parent.token })
    expect([403, 404]).toContain(response.status)
    expect((await allLocks()).map(({ id }) => id)).toEqual([lock.id])
  })

  it('cannot tell an existing document from a missing one by locking it', async () => {
    const answers = []
    for (const value of [leadershipDoc.id, 987_654]) {
      const response = await rest(payload, `/${locks}`, {
        method: 'POST',
        token: school.parent.token,
        body: { document: { relationTo: 'announcements', value }, user: { relationTo: 'users', value: school.parent.id } },
      })
      answers.push({ status: response.status, body: await response.text() })
    }
    expect(answers[0]).toEqual(answers[1])
  })
})

describe('school staff', () => {
  it("a teacher does not see the admin's lock on a leadership document, even by asking for it", async () => {
    await lockAs('admin', 'announcements', leadershipDoc.id)
    const response = await rest(
      payload,
      `/${locks}?where[document.relationTo][equals]=announcements&where[document.value][equals]=${leadershipDoc.id}`,
      { token: school.teacher.token },
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('a teacher who opens a staff announcement she may only read takes no lock, and the office saves it', async () => {
    const notice = await payload.create({
      collection: 'announcements',
      data: { title: 'Lịch họp hội đồng sư phạm', category: 'news', accessLevel: 'staff', _status: 'published' } as never,
      overrideAccess: true,
    })
    await lockAs('teacher', 'announcements', notice.id)
    expect(await allLocks()).toEqual([])
    const save = await rest(payload, `/announcements/${notice.id}`, { method: 'PATCH', token: school.staff.token, body: { title: 'Lịch họp hội đồng (đổi giờ)' } })
    expect(save.status).toBe(200)
    await lockAs('staff', 'announcements', notice.id)
    expect(await allLocks()).toHaveLength(1)
  })

  it("a teacher cannot move her lock onto a document she may not edit", async () => {
    const lock = await lockAs('teacher', 'learning-materials', teachersDoc.id)
    const response = await rest(payload, `/${locks}/${lock.id}`, {
      method: 'PATCH',
      token: school.teacher.token,
      body: { document: { relationTo: 'announcements', value: leadershipDoc.id } },
    })
    expect(response.status).toBe(200)
    const [kept] = (await payload.db.find<{ document: { relationTo: string } }>({ collection: locks })).docs
    expect(kept.document.relationTo).toBe('learning-materials')
  })

  it("the teacher who owns a material sees the reviewer's lock on it and takes it over, as the admin panel does", async () => {
    const lock = await lockAs('reviewer', 'learning-materials', teachersDoc.id)
    const found = await rest(
      payload,
      `/${locks}?where[document.relationTo][equals]=learning-materials&where[document.value][equals]=${teachersDoc.id}`,
      { token: school.teacher.token },
    )
    expect(((await found.json()) as { docs: Array<{ id: unknown }> }).docs.map(({ id }) => id)).toEqual([lock.id])
    const takeOver = await rest(payload, `/${locks}/${lock.id}`, {
      method: 'PATCH',
      token: school.teacher.token,
      body: { user: { relationTo: 'users', value: school.reviewer.id } },
    })
    expect(takeOver.status).toBe(200)
    const [taken] = await allLocks()
    expect(taken.user.value).toBe(school.teacher.id)
    expect((await rest(payload, `/${locks}/${lock.id}`, { method: 'DELETE', token: school.teacher.token })).status).toBe(200)
  })

  it("another teacher neither sees nor releases that lock", async () => {
    const lock = await lockAs('reviewer', 'learning-materials', teachersDoc.id)
    const response = await rest(payload, `/${locks}/${lock.id}`, { method: 'DELETE', token: school.otherTeacher.token })
    expect([403, 404]).toContain(response.status)
    expect(await allLocks()).toHaveLength(1)
  })
})

describe('every collection Payload adds', () => {
  const internal = () => Object.keys(payload.collections).filter((slug) => slug.startsWith('payload-'))

  it('is one of those whose access we declared', () => {
    expect(internal().sort()).toEqual(['payload-jobs', 'payload-kv', 'payload-locked-documents', 'payload-migrations', 'payload-preferences'])
  })

  it.each(['payload-jobs', 'payload-kv', 'payload-preferences', 'payload-migrations'])('%s gives a parent nothing of anyone else', async (slug) => {
    await payload.db.create({ collection: 'payload-preferences', data: { key: 'nav', value: { open: true }, user: { relationTo: 'users', value: school.admin.id } } })
    const response = await rest(payload, `/${slug}`, { token: school.parent.token })
    // Refused, absent from the REST API (migrations: 501), or an empty list.
    expect(!response.ok || ((await response.json()) as { totalDocs: number }).totalDocs === 0).toBe(true)
  })

  it('a parent cannot start a run of the jobs queue', async () => {
    const response = await rest(payload, '/payload-jobs/run', { token: school.parent.token })
    // Payload's own endpoint answers a refusal with 401.
    expect(response.status).toBe(401)
  })
})
