/**
 * Finding 3 of the review: a sort oracle on versions. `sort=author.email` was refused on lists,
 * but `/versions?sort=version.author.email` (and `.hash`, `.salt`, `.phone`) was accepted, and
 * GraphQL versions accepted it too: the order reveals values the reader cannot read, which her own
 * editable email or phone extracts by binary search. The sort and where guards must cover every
 * read path: find, findByID, versions, global versions, count, GraphQL, joins.
 */
import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, makePdf, type School } from '../leaks/school.js'

let payload: Payload
let school: School

/** Paths through the versions' `version` group or `parent` into accounts the reader cannot read. */
const versionSorts = [
  'version.author.email',
  '-version.author.email',
  'version.author.hash',
  'version.author.salt',
  'version.author.phone',
  'version__author__email',
  'version.reviewedBy.email',
  'parent.author.email',
  'parent.title',
]

beforeAll(async () => {
  payload = await bootPayload('review-sort-oracle')
  school = await enrolSchool(payload)
  await payload.update({ collection: 'users', id: school.teacher.id, data: { phone: '0900000001' }, overrideAccess: true })
  await payload.update({ collection: 'users', id: school.otherTeacher.id, data: { phone: '0999999999' }, overrideAccess: true })
  for (const [author, title] of [[school.teacher, 'A: Trò chơi kéo co'], [school.otherTeacher, 'B: Rồng rắn lên mây']] as const) {
    const draft = await payload.create({
      collection: 'learning-materials',
      data: { title, materialType: 'game', accessLevel: 'public' },
      draft: true,
      overrideAccess: false,
      user: author.user,
    })
    await payload.update({ collection: 'learning-materials', id: draft.id, data: { _status: 'published' }, overrideAccess: false, user: school.reviewer.user })
  }
  const photos: number[] = []
  for (const by of [school.staff, school.admin]) {
    const data = await makePdf('Anh co so vat chat')
    const file = await payload.create({
      collection: 'media',
      data: { accessLevel: 'staff' },
      file: { data, mimetype: 'application/pdf', name: `co-so-${by.id}.pdf`, size: data.length },
      overrideAccess: false,
      user: by.user,
    })
    photos.push(file.id as number)
  }
  for (const photo of photos) {
    await payload.updateGlobal({
      slug: 'school-profile',
      data: { name: 'Trường Mầm non Hoa Sen', facilities: [{ name: 'Phòng học', photo }] } as never,
      overrideAccess: true,
    })
  }
})

afterAll(async () => shutdownPayload(payload))

describe.each(versionSorts)('a reviewer sorting versions by %s', (sort) => {
  it('is refused with 400 and a Vietnamese message through REST', async () => {
    const response = await rest(payload, `/learning-materials/versions?sort=${encodeURIComponent(sort)}`, { token: school.reviewer.token })
    const body = await json(response, 400)
    expect(body.errors[0].message).toMatch(/Không thể sắp xếp kết quả theo/)
  })

  it('is refused through GraphQL versionsLearningMaterials', async () => {
    const { data, errors } = await graphql(payload, `query ($sort: String) { versionsLearningMaterials(sort: $sort) { docs { id } } }`, {
      token: school.reviewer.token,
      variables: { sort },
    })
    expect(data?.versionsLearningMaterials ?? null).toBeNull()
    expect(errors?.[0]?.extensions?.statusCode).toBe(400)
  })

  it('is refused through the Local API with overrideAccess: false', async () => {
    await expect(
      payload.findVersions({ collection: 'learning-materials', sort, overrideAccess: false, user: school.reviewer.user }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('lists', () => {
  it.each(['author.email', 'author__email', '-author__phone'])('a parent sorting materials by %s is refused', async (sort) => {
    expect((await rest(payload, `/learning-materials?sort=${encodeURIComponent(sort)}`, { token: school.parent.token })).status).toBe(400)
  })

})

/**
 * Payload calls no hook before a global's versions are read, and version 3.90 fails a sort or a
 * filter through a relationship there before any query is made (a TypeError in its own query
 * validation, answered 500). Over REST the global's `readVersions` rule refuses it first with a
 * 400 that says why; through GraphQL and the Local API no order comes back either.
 */
describe('office staff reading the school profile’s versions', () => {
  it.each(['version.facilities.photo.uploadedBy.email', 'version.facilities.photo.filename'])('are told in Vietnamese that they cannot sort by %s, over REST', async (sort) => {
    const response = await rest(payload, `/globals/school-profile/versions?sort=${encodeURIComponent(sort)}`, { token: school.staff.token })
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
    expect(errors[0].message).toBe(`Không thể sắp xếp kết quả theo "${sort}".`)
  })

  it('are told in Vietnamese that they cannot filter by an uploader’s email, over REST', async () => {
    const response = await rest(payload, `/globals/school-profile/versions?where[version.facilities.photo.uploadedBy.email][like]=colan`, { token: school.staff.token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('Không thể lọc kết quả theo')
  })

  it('get no order through GraphQL versionsSchoolProfile', async () => {
    const { data, errors } = await graphql(payload, `{ versionsSchoolProfile(sort: "version.facilities.photo.uploadedBy.email") { docs { id } } }`, {
      token: school.staff.token,
    })
    expect(data?.versionsSchoolProfile ?? null).toBeNull()
    expect(errors?.length).toBeGreaterThan(0)
  })

  it('get no order through the Local API with overrideAccess: false', async () => {
    await expect(
      payload.findGlobalVersions({ slug: 'school-profile', sort: 'version.facilities.photo.uploadedBy.email', overrideAccess: false, user: school.staff.user }),
    ).rejects.toThrow()
  })

  it('still sort by a field of the version itself', async () => {
    const body = await json(await rest(payload, '/globals/school-profile/versions?sort=-updatedAt', { token: school.staff.token }))
    expect(body.totalDocs).toBeGreaterThanOrEqual(2)
  })
})

describe('filters are oracles too: the answer never depends on a hidden value', () => {
  const same = async (path: (value: string) => string, token: string | undefined) => {
    const answer = async (value: string) => {
      const response = await rest(payload, path(value), { token })
      const body = (await response.json()) as { docs?: Array<{ id: unknown }>; totalDocs?: number }
      return { status: response.status, ids: body.docs?.map((doc) => doc.id), total: body.totalDocs }
    }
    expect(await answer('colan')).toEqual(await answer('zzzz'))
  }

  it.each(['version.author.email', 'version.author.phone', 'parent.author.email'])('a reviewer filtering versions by %s learns nothing', async (field) => {
    await same((value) => `/learning-materials/versions?where[${field}][like]=${value}`, school.reviewer.token)
  })

  it.each(['author.email', 'author.hash'])('a parent counting materials by %s learns nothing', async (field) => {
    await same((value) => `/learning-materials/count?where[${field}][like]=${value}`, school.parent.token)
  })

  it('office staff filtering the school profile’s versions by an uploader’s email learn nothing', async () => {
    await same((value) => `/globals/school-profile/versions?where[version.facilities.photo.uploadedBy.email][like]=${value}`, school.staff.token)
  })
})

it('the admin, who reads every account, still sorts versions by their author’s email', async () => {
  const body = await json(await rest(payload, '/learning-materials/versions?sort=version.author.email', { token: school.admin.token }))
  expect(body.totalDocs).toBeGreaterThanOrEqual(2)
})
