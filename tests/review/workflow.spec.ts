/**
 * The review of learning materials: "Gửi duyệt" by the author, "Duyệt và xuất bản" and "Trả lại
 * để chỉnh sửa" (with a note) by a reviewer. Each step is checked by the server on every surface
 * (REST, GraphQL, the Local API acting as a user), kept in the document's history and in the
 * audit log; a step a role may not take is a 403 in Vietnamese, a return without a note a 400.
 */
import type { Payload } from 'payload'

import type { LearningMaterial } from '../../src/payload-types.js'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Member, type Person, type School } from '../leaks/school.js'

let payload: Payload
let school: School
let serial = 0

type Step = { data: Record<string, unknown>; draft?: boolean }
type Answer = { message?: string; status: number }
type Surface = { name: string; move: (id: number, step: Step, by: Member) => Promise<Answer> }

/** GraphQL names the state `changes_requested`: enum values cannot hold a dash. */
const graphQLValue = (value: unknown) => (typeof value === 'string' && !/^\d/.test(value) ? value.replace(/-/g, '_') : JSON.stringify(value))

const surfaces: Surface[] = [
  {
    name: 'REST',
    move: async (id, { data, draft = true }, by) => {
      const response = await rest(payload, `/learning-materials/${id}?depth=0${draft ? '&draft=true' : ''}`, { body: data, method: 'PATCH', token: by.token })
      const body = (await response.json()) as { errors?: Array<{ message: string }> }
      return { message: body.errors?.[0]?.message, status: response.status }
    },
  },
  {
    name: 'GraphQL',
    move: async (id, { data, draft = true }, by) => {
      const fields = Object.entries(data)
        .map(([key, value]) => `${key}: ${key === 'reviewNote' ? JSON.stringify(value) : graphQLValue(value)}`)
        .join(', ')
      const answer = await graphql(payload, `mutation { updateLearningMaterial(id: ${id}, draft: ${draft}, data: { ${fields} }) { id } }`, { token: by.token })
      const error = answer.errors?.[0]
      return error ? { message: error.message, status: error.extensions?.statusCode ?? 500 } : { status: 200 }
    },
  },
  {
    name: 'the Local API',
    move: async (id, { data, draft = true }, by) => {
      try {
        await payload.update({ collection: 'learning-materials', data, depth: 0, draft, id, overrideAccess: false, user: by.user })
        return { status: 200 }
      } catch (error) {
        return { message: (error as Error).message, status: (error as { status?: number }).status ?? 500 }
      }
    },
  },
]

/** A lesson the teacher drafts, optionally at a given level, as the admin panel sends it. */
const draftLesson = async (accessLevel = 'staff'): Promise<number> => {
  const { doc } = await json<{ doc: { id: number } }>(
    await rest(payload, '/learning-materials?draft=true', {
      body: { accessLevel, materialType: 'lesson-plan', title: `Bé làm quen với chữ cái ${++serial}`, _status: 'draft' },
      method: 'POST',
      token: school.teacher.token,
    }),
    201,
  )
  return doc.id
}

const stored = async (id: number): Promise<LearningMaterial> =>
  payload.findByID({ collection: 'learning-materials', depth: 0, draft: true, id, overrideAccess: true })

const published = async (id: number) =>
  (await payload.find({ collection: 'learning-materials', depth: 0, overrideAccess: true, where: { id: { equals: id } } })).docs[0]

const auditActions = async (id: number) =>
  (
    await payload.find({
      collection: 'audit-log',
      depth: 0,
      limit: 50,
      overrideAccess: true,
      sort: 'at',
      where: { and: [{ targetCollection: { equals: 'learning-materials' } }, { documentId: { equals: String(id) } }] },
    })
  ).docs.map((entry) => entry.action)

const submit: Step = { data: { reviewStatus: 'submitted' } }
const approve: Step = { data: { _status: 'published', reviewStatus: 'approved' }, draft: false }
const returnWith = (note: string): Step => ({ data: { _status: 'draft', reviewNote: note, reviewStatus: 'changes-requested' } })

beforeAll(async () => {
  payload = await bootPayload('review-workflow')
  payload.logger.level = 'fatal'
  school = await enrolSchool(payload)
})
afterAll(async () => shutdownPayload(payload))

describe.each(surfaces)('through $name', (surface) => {
  it('the teacher submits, the reviewer returns with a note, the teacher resubmits, the reviewer approves and publishes', async () => {
    const id = await draftLesson()
    expect(await surface.move(id, submit, school.teacher)).toEqual({ status: 200 })
    expect(await surface.move(id, returnWith('Thêm tranh minh hoạ cho chữ A.'), school.reviewer)).toEqual({ status: 200 })
    expect((await stored(id)).reviewNote).toBe('Thêm tranh minh hoạ cho chữ A.')
    expect(await surface.move(id, submit, school.teacher)).toEqual({ status: 200 })
    expect(await surface.move(id, approve, school.reviewer)).toEqual({ status: 200 })

    const material = await stored(id)
    expect(material).toMatchObject({ _status: 'published', reviewStatus: 'approved', reviewedBy: school.reviewer.id })
    expect((await published(id))?._status).toBe('published')
    expect(material.reviewHistory?.map(({ action, by, byName, note }) => ({ action, by, byName, note }))).toEqual([
      { action: 'submitted', by: school.teacher.id, byName: 'Cô Lan', note: null },
      { action: 'changes-requested', by: school.reviewer.id, byName: 'Tổ trưởng', note: 'Thêm tranh minh hoạ cho chữ A.' },
      { action: 'submitted', by: school.teacher.id, byName: 'Cô Lan', note: null },
      { action: 'approved', by: school.reviewer.id, byName: 'Tổ trưởng', note: null },
    ])
    expect(await auditActions(id)).toEqual(['create', 'submit-for-review', 'return-for-changes', 'submit-for-review', 'publish', 'approve'])
  })

  it('a teacher cannot approve her own lesson: 403 in Vietnamese, nothing changes', async () => {
    const id = await draftLesson()
    await surface.move(id, submit, school.teacher)
    const answer = await surface.move(id, { data: { reviewStatus: 'approved' } }, school.teacher)
    expect(answer).toEqual({ message: 'Chỉ người được xuất bản học liệu này (tổ trưởng chuyên môn, ban giám hiệu) mới được duyệt.', status: 403 })
    expect((await stored(id)).reviewStatus).toBe('submitted')
  })

  it('a teacher cannot return a lesson for changes: 403 in Vietnamese', async () => {
    const id = await draftLesson()
    await surface.move(id, submit, school.teacher)
    const answer = await surface.move(id, { data: { reviewStatus: 'changes-requested' } }, school.teacher)
    expect(answer).toEqual({ message: 'Chỉ tổ trưởng chuyên môn và ban giám hiệu được trả lại học liệu để chỉnh sửa.', status: 403 })
  })

  it('a return without a note is a 400 in Vietnamese, and a note of spaces is no note', async () => {
    const id = await draftLesson()
    await surface.move(id, submit, school.teacher)
    for (const step of [{ data: { reviewStatus: 'changes-requested' } }, returnWith('   ')]) {
      expect(await surface.move(id, step, school.reviewer)).toEqual({ message: 'Hãy ghi nhận xét khi trả lại học liệu, để tác giả biết cần sửa gì.', status: 400 })
    }
    expect((await stored(id)).reviewStatus).toBe('submitted')
  })

  it.each<[string, Person]>([
    ['office staff', 'staff'],
    ['another teacher', 'otherTeacher'],
    ['a parent', 'parent'],
  ])('%s cannot approve a lesson: 403 and nothing changes', async (_, person) => {
    const id = await draftLesson()
    await surface.move(id, submit, school.teacher)
    expect((await surface.move(id, approve, school[person])).status).toBe(403)
    expect(await stored(id)).toMatchObject({ _status: 'draft', reviewStatus: 'submitted' })
  })
})

describe('what only the server writes', () => {
  it('the history, the reviewer and the dates sent by a client are ignored', async () => {
    const id = await draftLesson()
    const forged = {
      reviewHistory: [{ action: 'approved', at: '2020-01-01T00:00:00.000Z', by: school.reviewer.id, byName: 'Tổ trưởng' }],
      reviewedAt: '2020-01-01T00:00:00.000Z',
      reviewedBy: school.reviewer.id,
      submittedAt: '2020-01-01T00:00:00.000Z',
    }
    await json(await rest(payload, `/learning-materials/${id}?draft=true`, { body: forged, method: 'PATCH', token: school.teacher.token }))
    expect(await stored(id)).toMatchObject({ reviewedAt: null, reviewedBy: null, reviewHistory: [], submittedAt: null })
  })

  it('an administrator approves a leadership lesson no reviewer can reach', async () => {
    const { doc } = await json<{ doc: { id: number } }>(
      await rest(payload, '/learning-materials?draft=true', {
        body: { accessLevel: 'leadership', materialType: 'lesson-plan', reviewStatus: 'submitted', title: `Kế hoạch chuyên môn ${++serial}` },
        method: 'POST',
        token: school.admin.token,
      }),
      201,
    )
    expect((await surfaces[0].move(doc.id, approve, school.reviewer)).status).toBe(403)
    expect(await surfaces[0].move(doc.id, approve, school.admin)).toEqual({ status: 200 })
  })
})
