import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type School } from './school.js'

const publishedTitle = 'Bài hát: Cả nhà thương nhau'
const draftTitle = 'BẢN NHÁP BÍ MẬT'
const unpublishedTitle = 'Giáo án chưa xuất bản của cô Lan'

let payload: Payload
let school: School
let publishedId: number | string
let unpublishedId: number | string
let versionIds: Array<number | string>

const readers = [
  ['an anonymous visitor', 'anonymous'],
  ['a parent', 'parent'],
] as const
type Reader = (typeof readers)[number][1]
const tokenOf = (reader: Reader) => (reader === 'anonymous' ? undefined : school[reader].token)

beforeAll(async () => {
  payload = await bootPayload('leaks-drafts')
  school = await enrolSchool(payload)
  const { reviewer, teacher } = school

  const published = await payload.create({
    collection: 'learning-materials',
    data: { title: publishedTitle, materialType: 'song-poem-story', accessLevel: 'public', _status: 'published' },
    overrideAccess: false,
    user: reviewer.user,
  })
  publishedId = published.id
  await payload.update({
    collection: 'learning-materials',
    id: publishedId,
    data: { title: draftTitle },
    draft: true,
    overrideAccess: false,
    user: reviewer.user,
  })

  const unpublished = await payload.create({
    collection: 'learning-materials',
    data: { title: unpublishedTitle, materialType: 'lesson-plan', accessLevel: 'public' },
    draft: true,
    overrideAccess: false,
    user: teacher.user,
  })
  unpublishedId = unpublished.id

  // The test needs the ids of versions nobody but editors may list.
  const versions = await payload.findVersions({ collection: 'learning-materials', limit: 0, overrideAccess: true })
  versionIds = versions.docs.map((version) => version.id)
})

afterAll(async () => shutdownPayload(payload))

it('keeps the published title on the live document while the newer draft waits in the versions', async () => {
  const live = await payload.findByID({ collection: 'learning-materials', id: publishedId, overrideAccess: true })
  expect(live.title).toBe(publishedTitle)
  const latest = await payload.findByID({ collection: 'learning-materials', id: publishedId, draft: true, overrideAccess: true })
  expect(latest.title).toBe(draftTitle)
  expect(versionIds.length).toBeGreaterThanOrEqual(3)
})

describe.each(readers)('%s', (_, reader) => {
  it('reads the published title by id, with or without ?draft=true', async () => {
    for (const query of ['', '?draft=true']) {
      const doc = await json(await rest(payload, `/learning-materials/${publishedId}${query}`, { token: tokenOf(reader) }))
      expect(doc.title).toBe(publishedTitle)
      expect(JSON.stringify(doc)).not.toContain(draftTitle)
    }
  })

  it('lists only published titles, with or without ?draft=true', async () => {
    const plain = await json(await rest(payload, '/learning-materials', { token: tokenOf(reader) }))
    expect(plain.docs.map((doc: { title: string }) => doc.title)).toEqual([publishedTitle])

    // Payload answers ?draft=true from the latest versions, filtered by the read rule, so a
    // published document with a newer draft drops out of the list rather than showing the draft.
    const drafts = await json(await rest(payload, '/learning-materials?draft=true', { token: tokenOf(reader) }))
    for (const doc of drafts.docs) expect(doc.title).toBe(publishedTitle)
    expect(JSON.stringify(drafts)).not.toContain(draftTitle)
    expect(JSON.stringify(drafts)).not.toContain(unpublishedTitle)
  })

  it('gets the published title from GraphQL with draft: true', async () => {
    const answer = await graphql<{ LearningMaterial: { title: string } | null; LearningMaterials: { docs: Array<{ title: string }> } }>(
      payload,
      `{ LearningMaterial(id: ${publishedId}, draft: true) { title }
         LearningMaterials(draft: true) { docs { title } } }`,
      { token: tokenOf(reader) },
    )
    expect(answer.data?.LearningMaterial?.title).toBe(publishedTitle)
    for (const doc of answer.data?.LearningMaterials.docs ?? []) expect(doc.title).toBe(publishedTitle)
    expect(JSON.stringify(answer)).not.toContain(draftTitle)
    expect(JSON.stringify(answer)).not.toContain(unpublishedTitle)
  })

  it('is refused the list of versions', async () => {
    const response = await rest(payload, '/learning-materials/versions', { token: tokenOf(reader) })
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain(draftTitle)
  })

  it('is refused every version by id', async () => {
    for (const id of versionIds) {
      const response = await rest(payload, `/learning-materials/versions/${id}`, { token: tokenOf(reader) })
      expect([403, 404]).toContain(response.status)
      const body = await response.text()
      expect(body).not.toContain(draftTitle)
      expect(body).not.toContain(unpublishedTitle)
    }
  })

  it('is refused versions through GraphQL', async () => {
    const answer = await graphql(payload, `{ versionsLearningMaterials { docs { id version { title } } } }`, {
      token: tokenOf(reader),
    })
    expect(answer.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(JSON.stringify(answer)).not.toContain(draftTitle)
    for (const id of versionIds) {
      const one = await graphql(payload, `{ versionLearningMaterial(id: ${id}) { version { title } } }`, { token: tokenOf(reader) })
      expect(JSON.stringify(one)).not.toContain(draftTitle)
      expect(JSON.stringify(one)).not.toContain(unpublishedTitle)
    }
  })

  it.each(['library-items', 'announcements', 'regulatory-documents'])('is refused the versions of %s too', async (collection) => {
    const response = await rest(payload, `/${collection}/versions`, { token: tokenOf(reader) })
    expect(response.status).toBe(403)
    await response.arrayBuffer()
  })

  it('never sees a material that was never published', async () => {
    for (const query of ['', '?draft=true']) {
      const byId = await rest(payload, `/learning-materials/${unpublishedId}${query}`, { token: tokenOf(reader) })
      expect([403, 404]).toContain(byId.status)
      expect(await byId.text()).not.toContain(unpublishedTitle)
    }
    const answer = await graphql(
      payload,
      `{ LearningMaterial(id: ${unpublishedId}, draft: true) { title }
         LearningMaterials(draft: true, where: { id: { equals: ${unpublishedId} } }) { totalDocs docs { title } } }`,
      { token: tokenOf(reader) },
    )
    expect(JSON.stringify(answer)).not.toContain(unpublishedTitle)
    expect((answer.data as { LearningMaterials?: { totalDocs: number } } | undefined)?.LearningMaterials?.totalDocs ?? 0).toBe(0)
  })
})

describe('another teacher', () => {
  it('cannot list the versions of a colleague’s material', async () => {
    const answer = await json(await rest(payload, '/learning-materials/versions', { token: school.otherTeacher.token }))
    expect(answer.docs).toEqual([])
    expect(JSON.stringify(answer)).not.toContain(unpublishedTitle)
  })

  it('cannot read a version of a colleague’s material by id', async () => {
    const { docs } = await payload.findVersions({
      collection: 'learning-materials',
      overrideAccess: true,
      where: { parent: { equals: unpublishedId } },
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const { id } of docs) {
      const response = await rest(payload, `/learning-materials/versions/${id}`, { token: school.otherTeacher.token })
      expect([403, 404]).toContain(response.status)
      expect(await response.text()).not.toContain(unpublishedTitle)
    }
  })

  it('cannot read a colleague’s unpublished material, draft or not', async () => {
    for (const query of ['', '?draft=true']) {
      const response = await rest(payload, `/learning-materials/${unpublishedId}${query}`, { token: school.otherTeacher.token })
      expect([403, 404]).toContain(response.status)
      expect(await response.text()).not.toContain(unpublishedTitle)
    }
  })

  it('while the author herself reads her own versions', async () => {
    const answer = await json(await rest(payload, '/learning-materials/versions', { token: school.teacher.token }))
    const parents = answer.docs.map(({ parent }: { parent: { id: number | string } | number | string }) =>
      typeof parent === 'object' ? parent.id : parent,
    )
    expect(parents).toContain(unpublishedId)
  })
})
