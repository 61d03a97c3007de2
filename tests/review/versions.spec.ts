/**
 * Finding 2 of the review: history outlived a raised level. An admin raised a staff-level material
 * to leadership; reviewers got 404 on the document but still read its earlier versions through
 * `/versions` and GraphQL. A version is readable only by someone who may read the document as it
 * is now, and the version itself: every surface below asks both.
 */
import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type School } from '../leaks/school.js'

let payload: Payload
let school: School
/** Written at staff level by the admin, edited, then raised to leadership. */
let raised: number | string
/** The teacher's own material, raised to leadership by the admin and brought back to staff. */
let lowered: number | string
let raisedVersionId: number | string

const staffTitle = 'Kế hoạch bồi dưỡng chuyên môn tháng 12'

beforeAll(async () => {
  payload = await bootPayload('review-versions')
  school = await enrolSchool(payload)
  const asAdmin = { overrideAccess: false, user: school.admin.user } as const
  const material = await payload.create({
    collection: 'learning-materials',
    data: { title: staffTitle, materialType: 'lesson-plan', accessLevel: 'staff', _status: 'published' },
    ...asAdmin,
  })
  raised = material.id
  await payload.update({ collection: 'learning-materials', id: raised, data: { summary: 'Bản sửa lần hai' }, ...asAdmin })
  const { docs } = await payload.findVersions({ collection: 'learning-materials', where: { parent: { equals: raised } }, ...asAdmin })
  raisedVersionId = docs[0]!.id
  await payload.update({ collection: 'learning-materials', id: raised, data: { accessLevel: 'leadership' }, ...asAdmin })

  const own = await payload.create({
    collection: 'learning-materials',
    data: { title: 'Giáo án của cô Lan', materialType: 'lesson-plan', accessLevel: 'staff' },
    draft: true,
    overrideAccess: false,
    user: school.teacher.user,
  })
  lowered = own.id
  await payload.update({ collection: 'learning-materials', id: lowered, data: { accessLevel: 'leadership', summary: 'Ghi chú mật của ban giám hiệu' }, draft: true, ...asAdmin })
  await payload.update({ collection: 'learning-materials', id: lowered, data: { accessLevel: 'staff', summary: 'Đã bỏ ghi chú' }, draft: true, ...asAdmin })
})

afterAll(async () => shutdownPayload(payload))

it('sets the scene: the raised material has versions, the admin reads them all', async () => {
  const { totalDocs } = await payload.findVersions({ collection: 'learning-materials', where: { parent: { equals: raised } }, overrideAccess: false, user: school.admin.user })
  expect(totalDocs).toBeGreaterThanOrEqual(3)
})

describe('a reviewer, after an admin raised a staff material to leadership', () => {
  it('gets 404 on the document itself', async () => {
    expect((await rest(payload, `/learning-materials/${raised}`, { token: school.reviewer.token })).status).toBe(404)
  })

  it('finds none of its versions through REST /versions', async () => {
    const body = await json(await rest(payload, `/learning-materials/versions?where[parent][equals]=${raised}`, { token: school.reviewer.token }))
    expect(body.totalDocs).toBe(0)
  })

  it('finds none of its versions in an unfiltered REST /versions list', async () => {
    const body = await json(await rest(payload, '/learning-materials/versions?limit=100', { token: school.reviewer.token }))
    expect(body.docs.map((doc: { parent: unknown }) => String(doc.parent))).not.toContain(String(raised))
  })

  it('cannot open an earlier version by id through REST', async () => {
    const response = await rest(payload, `/learning-materials/versions/${raisedVersionId}`, { token: school.reviewer.token })
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain(staffTitle)
  })

  it('finds none of its versions through GraphQL versionsLearningMaterials', async () => {
    const { data } = await graphql<{ versionsLearningMaterials: { totalDocs: number } }>(
      payload,
      `{ versionsLearningMaterials(where: { parent: { equals: ${JSON.stringify(raised)} } }) { totalDocs } }`,
      { token: school.reviewer.token },
    )
    expect(data?.versionsLearningMaterials.totalDocs).toBe(0)
  })

  it('cannot open an earlier version by id through GraphQL versionLearningMaterial', async () => {
    const { data, errors } = await graphql<{ versionLearningMaterial: { version: { title: string } } | null }>(
      payload,
      `{ versionLearningMaterial(id: ${JSON.stringify(raisedVersionId)}) { version { title } } }`,
      { token: school.reviewer.token },
    )
    expect(data?.versionLearningMaterial?.version?.title).toBeUndefined()
    expect(errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('finds none through the Local API findVersions and findVersionByID with overrideAccess: false', async () => {
    const asReviewer = { overrideAccess: false, user: school.reviewer.user } as const
    const { totalDocs } = await payload.findVersions({ collection: 'learning-materials', where: { parent: { equals: raised } }, ...asReviewer })
    expect(totalDocs).toBe(0)
    const refusal = await payload.findVersionByID({ collection: 'learning-materials', id: String(raisedVersionId), ...asReviewer }).then(
      () => 200,
      (error: { status?: number }) => error.status,
    )
    expect([403, 404]).toContain(refusal)
  })

  it('counts none of them through countVersions', async () => {
    const { totalDocs } = await payload.countVersions({ collection: 'learning-materials', where: { parent: { equals: raised } }, overrideAccess: false, user: school.reviewer.user })
    expect(totalDocs).toBe(0)
  })
})

describe('the author, after an admin raised her material to leadership and brought it back to staff', () => {
  it('reads her material as it is now', async () => {
    expect((await rest(payload, `/learning-materials/${lowered}?draft=true`, { token: school.teacher.token })).status).toBe(200)
  })

  it('reads its versions at her level but not the one written at leadership level', async () => {
    const body = await json(await rest(payload, `/learning-materials/versions?where[parent][equals]=${lowered}&limit=50`, { token: school.teacher.token }))
    const summaries = body.docs.map((doc: { version: { summary?: string } }) => doc.version.summary ?? null)
    expect(summaries).toContain('Đã bỏ ghi chú')
    expect(summaries).not.toContain('Ghi chú mật của ban giám hiệu')
  })
})

describe('the same rule on every drafted collection', () => {
  it.each(['library-items', 'announcements', 'regulatory-documents'] as const)('%s: office staff read no version of a document raised to leadership', async (collection) => {
    const data: Record<string, Record<string, unknown>> = {
      'library-items': { title: 'Sách tham khảo nội bộ', itemType: 'book' },
      announcements: { title: 'Thông báo nội bộ', category: 'notice' },
      'regulatory-documents': {
        title: 'Kế hoạch nội bộ', documentNumber: '31/KH-MNHS', documentType: 'KH', summary: 'Kế hoạch nội bộ',
        issuingBody: 'Trường Mầm non Hoa Sen', issueDate: '2025-03-01T00:00:00.000Z',
      },
    }
    const asAdmin = { overrideAccess: false, user: school.admin.user } as const
    const doc = await payload.create({ collection, data: { ...data[collection], accessLevel: 'staff', _status: 'published' } as never, ...asAdmin })
    await payload.update({ collection, id: doc.id, data: { accessLevel: 'leadership' } as never, ...asAdmin })
    const body = await json(await rest(payload, `/${collection}/versions?where[parent][equals]=${doc.id}`, { token: school.staff.token }))
    expect(body.totalDocs).toBe(0)
    const name = { 'library-items': 'LibraryItems', announcements: 'Announcements', 'regulatory-documents': 'RegulatoryDocuments' }[collection]
    const { data: answer } = await graphql<Record<string, { totalDocs: number }>>(
      payload,
      `{ versions${name}(where: { parent: { equals: ${JSON.stringify(doc.id)} } }) { totalDocs } }`,
      { token: school.staff.token },
    )
    expect(answer?.[`versions${name}`]?.totalDocs).toBe(0)
  })
})
