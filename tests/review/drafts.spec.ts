/**
 * Finding 5 of the review: drafts skipped validation. With `drafts.validate: false` a teacher saved
 * a draft at `leadership` or at a level that does not exist, office staff saved a leadership
 * announcement draft, and the `videoUrl` scheme, ISBN and school-year checks were skipped. Rules of
 * security and integrity hold on every save, draft or not; only required fields wait for publishing.
 */
import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Member, type School } from '../leaks/school.js'

let payload: Payload
let school: School

let serial = 0
/** Titles differ so that slugs do: a duplicate slug is refused too, and would hide what is tested. */
const material = (extra: Record<string, unknown>) => ({ title: `Bé tập đếm đến 10 (${++serial})`, materialType: 'lesson-plan', accessLevel: 'staff', ...extra })

/** Saves a draft through REST as `by`; answers the status and the stored document, if any. */
const saveDraft = async (collection: string, by: Member, data: Record<string, unknown>) => {
  const response = await rest(payload, `/${collection}?draft=true&depth=0`, { body: data, method: 'POST', token: by.token })
  const body = (await response.json()) as { doc?: { id: number | string }; errors?: Array<{ message: string; data?: { errors?: Array<{ message: string }> } }> }
  return { status: response.status, body }
}

const countOf = async (collection: 'announcements' | 'learning-materials' | 'library-items' | 'regulatory-documents') =>
  (await payload.count({ collection, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await bootPayload('review-drafts')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('a draft that breaks a rule of security or integrity is refused and nothing is written', () => {
  const cases: Array<[string, string, () => Member, Record<string, unknown>]> = [
    ['a teacher saving a material at leadership level', 'learning-materials', () => school.teacher, material({ accessLevel: 'leadership' })],
    ['a teacher saving a material at a level that does not exist', 'learning-materials', () => school.teacher, material({ accessLevel: 'secret' })],
    ['a teacher saving a material of a type that does not exist', 'learning-materials', () => school.teacher, material({ materialType: 'malware' })],
    ['a teacher saving a javascript: video link', 'learning-materials', () => school.teacher, material({ videoUrl: 'javascript:alert(document.cookie)' })],
    ['a teacher saving a data: video link', 'learning-materials', () => school.teacher, material({ videoUrl: 'data:text/html,<script>alert(1)</script>' })],
    ['a teacher saving the school year 2024-2026', 'learning-materials', () => school.teacher, material({ schoolYear: '2024-2026' })],
    ['office staff saving a leadership announcement', 'announcements', () => school.staff, { title: 'Họp ban giám hiệu', category: 'notice', accessLevel: 'leadership' }],
    ['office staff saving an announcement in a category that does not exist', 'announcements', () => school.staff, { title: 'Tin vui', category: 'spam', accessLevel: 'public' }],
    ['office staff saving a library item with an invalid ISBN', 'library-items', () => school.staff, { title: 'Truyện cổ tích', itemType: 'book', isbn: '978-604-0-00000-1' }],
    ['office staff saving a library item published in the year 3000', 'library-items', () => school.staff, { title: 'Truyện cổ tích Việt Nam', itemType: 'book', year: 3000 }],
    ['office staff saving a regulatory document with an unreadable number', 'regulatory-documents', () => school.staff, { title: 'Kế hoạch', documentNumber: 'không số', documentType: 'KH' }],
  ]

  it.each(cases)('%s', async (_, collection, by, data) => {
    const before = await countOf(collection as 'learning-materials')
    const { status } = await saveDraft(collection, by(), data)
    expect(status).toBe(400)
    expect(await countOf(collection as 'learning-materials')).toBe(before)
  })

  it('a teacher marking her own draft approved is forbidden', async () => {
    const before = await countOf('learning-materials')
    expect((await saveDraft('learning-materials', school.teacher, material({ reviewStatus: 'approved' }))).status).toBe(403)
    expect(await countOf('learning-materials')).toBe(before)
  })

  it('answers in Vietnamese, naming the rule', async () => {
    const { body } = await saveDraft('learning-materials', school.teacher, material({ accessLevel: 'leadership' }))
    expect(JSON.stringify(body)).toContain('Bạn không thể chọn mức truy cập cao hơn mức của mình.')
  })
})

describe('an existing draft', () => {
  it('cannot be moved by its author to leadership level with a draft save', async () => {
    const { body } = await saveDraft('learning-materials', school.teacher, material({}))
    const id = body.doc!.id
    const response = await rest(payload, `/learning-materials/${id}?draft=true`, { body: { accessLevel: 'leadership' }, method: 'PATCH', token: school.teacher.token })
    expect(response.status).toBe(400)
    const stored = await payload.findByID({ collection: 'learning-materials', id, draft: true, overrideAccess: true })
    expect(stored.accessLevel).toBe('staff')
  })

  it('keeps its author when the draft names someone else', async () => {
    const { body } = await saveDraft('learning-materials', school.teacher, material({ author: school.otherTeacher.id }))
    const stored = await payload.findByID({ collection: 'learning-materials', id: body.doc!.id, draft: true, depth: 0, overrideAccess: true })
    expect(stored.author).toBe(school.teacher.id)
  })
})

describe('the same rules through GraphQL and the Local API', () => {
  it('GraphQL refuses a teacher’s leadership draft', async () => {
    const before = await countOf('learning-materials')
    const { errors } = await graphql(
      payload,
      'mutation ($data: mutationLearningMaterialInput!) { createLearningMaterial(data: $data, draft: true) { id } }',
      { token: school.teacher.token, variables: { data: { title: `Giáo án mật (${++serial})`, materialType: 'game', accessLevel: 'leadership' } } },
    )
    expect(errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(await countOf('learning-materials')).toBe(before)
  })

  it('the Local API with overrideAccess: false refuses a javascript: link in a draft', async () => {
    await expect(
      payload.create({
        collection: 'learning-materials',
        data: material({ videoUrl: 'javascript:alert(1)' }) as never,
        draft: true,
        overrideAccess: false,
        user: school.teacher.user,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('completeness waits for publishing', () => {
  it('a teacher saves a draft with neither title nor type', async () => {
    const { status, body } = await saveDraft('learning-materials', school.teacher, { accessLevel: 'staff', summary: 'Ý tưởng cho tuần sau' })
    expect(status).toBe(201)
    expect(body.doc?.id).toBeDefined()
  })

  // The number is the register's key, checked on every save (registerDocumentNumber); the rest may wait.
  it('office staff save a regulatory document draft with its number only', async () => {
    const { status } = await saveDraft('regulatory-documents', school.staff, { documentNumber: '41/KH-MNHS', accessLevel: 'staff' })
    expect(status).toBe(201)
  })

  it('a reviewer cannot publish the untitled draft until it is complete', async () => {
    const { body } = await saveDraft('learning-materials', school.teacher, { accessLevel: 'staff', summary: 'Chưa có tên' })
    const id = body.doc!.id
    const refused = await rest(payload, `/learning-materials/${id}`, { body: { _status: 'published' }, method: 'PATCH', token: school.reviewer.token })
    expect(refused.status).toBe(400)
    const completed = await rest(payload, `/learning-materials/${id}`, {
      body: { _status: 'published', title: 'Bé tập đếm', materialType: 'game' },
      method: 'PATCH',
      token: school.reviewer.token,
    })
    expect((await json(completed)).doc._status).toBe('published')
  })
})
