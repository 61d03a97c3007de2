import type { Payload } from 'payload'

import sharp from 'sharp'

import type { AccessLevel } from '../../src/access/accessLevels.js'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, makePdf, people, type Member, type School, lowestReaders, type LowestReader, readerToken } from './school.js'

/** Words that only the staff files and the leadership documents hold. */
const secrets = {
  photoAlt: 'ẢNH HỌP HỘI ĐỒNG NỘI BỘ',
  photoCaption: 'CHÚ THÍCH CHỈ DÀNH CHO GIÁO VIÊN',
  pdfCaption: 'BIÊN BẢN KIỂM ĐIỂM NỘI BỘ',
  bodyPhotoAlt: 'ẢNH TRONG BÀI CHƯA CÔNG BỐ',
  leadershipTitle: 'QUYẾT ĐỊNH NHÂN SỰ MẬT',
  leadershipSummary: 'TRÍCH YẾU CHỈ BAN GIÁM HIỆU ĐƯỢC ĐỌC',
  replacerTitle: 'KẾ HOẠCH THAY THẾ MẬT',
  replacerSummary: 'TRÍCH YẾU KẾ HOẠCH THAY THẾ MẬT',
}

const readers = lowestReaders
type Reader = LowestReader

let payload: Payload
let school: School
let materialId: number
let documentId: number
let replacedId: number
let staffPhotoId: number
let staffPdfId: number

const tokenOf = (reader: Reader) => readerToken(school, reader)

const upload = async (
  by: Member,
  name: string,
  data: Buffer,
  mimetype: string,
  fields: { accessLevel: AccessLevel; alt?: string; caption?: string },
) =>
  payload.create({
    collection: 'media',
    data: fields,
    file: { data, mimetype, name, size: data.length },
    overrideAccess: false,
    user: by.user,
  })

const paragraph = (text: string) => ({
  type: 'paragraph',
  children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
})

const bodyWithUpload = (mediaId: number | string) => ({
  root: {
    type: 'root',
    children: [
      paragraph('Cả nhà thương nhau'),
      { type: 'upload', fields: null, format: '', id: '65f0c0ffee0000000000beef', relationTo: 'media', value: mediaId, version: 3 },
    ],
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
  },
})

const regulatory = (documentNumber: string, title: string, summary: string, accessLevel: AccessLevel) => ({
  documentNumber,
  documentType: 'QD' as const,
  title,
  summary,
  issuingBody: 'Trường Mầm non Hoa Sen',
  issueDate: '2024-09-05T00:00:00.000Z',
  accessLevel,
  _status: 'published' as const,
})

/** What a reader must never find anywhere in an answer. */
const expectNoSecrets = (answer: unknown) => {
  const text = JSON.stringify(answer)
  for (const secret of Object.values(secrets)) expect(text).not.toContain(secret)
  expect(text).not.toContain(people.teacher.email)
  expect(text).not.toContain(people.reviewer.email)
  expect(text).not.toContain('"roles"')
  expect(text).not.toContain('"email"')
}

beforeAll(async () => {
  payload = await bootPayload('leaks-populate')
  school = await enrolSchool(payload)
  const { admin, reviewer, staff, teacher } = school

  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3060c0' } }).jpeg().toBuffer()
  staffPhotoId = (await upload(staff, 'hop-hoi-dong.jpg', photo, 'image/jpeg', { alt: secrets.photoAlt, caption: secrets.photoCaption, accessLevel: 'staff' })).id
  staffPdfId = (await upload(staff, 'bien-ban.pdf', await makePdf('Biên bản họp'), 'application/pdf', { caption: secrets.pdfCaption, accessLevel: 'staff' })).id
  const bodyPhoto = await upload(teacher, 'anh-trong-bai.jpg', photo, 'image/jpeg', { alt: secrets.bodyPhotoAlt, accessLevel: 'staff' })

  const draft = await payload.create({
    collection: 'learning-materials',
    data: { title: 'Cả nhà thương nhau', materialType: 'song-poem-story', accessLevel: 'public', body: bodyWithUpload(bodyPhoto.id) },
    draft: true,
    overrideAccess: false,
    user: teacher.user,
  })
  materialId = draft.id
  await payload.update({ collection: 'learning-materials', id: materialId, data: { _status: 'published' }, overrideAccess: false, user: reviewer.user })
  // References the exposure bookkeeping never saw (as an import or a restored backup would leave
  // them), so that population alone is tested against each file's own read rule.
  await payload.db.updateOne({ collection: 'learning-materials', id: materialId, data: { cover: staffPhotoId, files: [staffPdfId] } })

  const leadership = await payload.create({
    collection: 'regulatory-documents',
    data: regulatory('12/QĐ-MNHS', secrets.leadershipTitle, secrets.leadershipSummary, 'leadership'),
    overrideAccess: false,
    user: admin.user,
  })
  const replaced = await payload.create({
    collection: 'regulatory-documents',
    data: regulatory('7/QĐ-MNHS', 'Quy chế nội bộ năm học 2024-2025', 'Quy chế chi tiêu nội bộ', 'public'),
    overrideAccess: false,
    user: staff.user,
  })
  replacedId = replaced.id
  await payload.create({
    collection: 'regulatory-documents',
    data: {
      ...regulatory('15/QĐ-MNHS', secrets.replacerTitle, secrets.replacerSummary, 'leadership'),
      relatedDocuments: [{ relation: 'replaces', document: replacedId }],
    },
    overrideAccess: false,
    user: admin.user,
  })
  documentId = (
    await payload.create({
      collection: 'regulatory-documents',
      data: {
        ...regulatory('20/QĐ-MNHS', 'Quyết định tuyển sinh năm học 2025-2026', 'Tuyển sinh trẻ 24–72 tháng tuổi', 'public'),
        relatedDocuments: [{ relation: 'based-on', document: leadership.id }],
      },
      // Only someone who can read the leadership document may link it (rejectUnreadableReferences).
      overrideAccess: false,
      user: admin.user,
    })
  ).id
})

afterAll(async () => shutdownPayload(payload))

it('sets the scene: the material holds staff files that nothing exposes, and a teacher as author', async () => {
  const material = await payload.findByID({ collection: 'learning-materials', id: materialId, depth: 0, overrideAccess: true })
  expect(material).toMatchObject({ _status: 'published', accessLevel: 'public', author: school.teacher.id, cover: staffPhotoId, files: [staffPdfId] })
  const photo = await payload.findByID({ collection: 'media', id: staffPhotoId, overrideAccess: true })
  expect(photo.exposedLevels ?? []).toEqual([])
  const replaced = await payload.findByID({ collection: 'regulatory-documents', id: replacedId, depth: 0, overrideAccess: true })
  expect(replaced.validityStatus).toBe('replaced')
})

it('populates the staff files, the author and the cited documents for an admin, so the checks below can fail', async () => {
  const material = await json(await rest(payload, `/learning-materials/${materialId}?depth=1`, { token: school.admin.token }))
  expect(material.cover.alt).toBe(secrets.photoAlt)
  expect(material.files[0].caption).toBe(secrets.pdfCaption)
  expect(material.author.email).toBe(people.teacher.email)
  expect(JSON.stringify(material.body)).toContain(secrets.bodyPhotoAlt)
  const document = await json(await rest(payload, `/regulatory-documents/${documentId}?depth=1`, { token: school.admin.token }))
  expect(document.relatedDocuments[0].document.title).toBe(secrets.leadershipTitle)
  const replaced = await json(await rest(payload, `/regulatory-documents/${replacedId}?depth=1`, { token: school.admin.token }))
  expect(replaced.replacedBy[0].title).toBe(secrets.replacerTitle)
})

describe.each(readers)('%s', (_, reader) => {
  const queries = [
    ...[0, 1, 2].map((depth) => `depth=${depth}`),
    'depth=2&populate[media][alt]=true&populate[media][caption]=true&populate[users][email]=true',
    'depth=1&select[cover]=true&select[files]=true&select[author]=true&select[body]=true',
    // Lists leave the rich text out unless asked (leanLists): asked for, its uploads are populated deepest here.
    'depth=2&select[files]=false',
    'depth=2&select[author]=true&populate[users][email]=true&populate[users][roles]=true',
  ]

  it.each(queries)('reads the material with ?%s and gets at most ids of the staff files and the author', async (query) => {
    const one = await json(await rest(payload, `/learning-materials/${materialId}?${query}`, { token: tokenOf(reader) }))
    const list = await json(await rest(payload, `/learning-materials?${query}`, { token: tokenOf(reader) }))
    expect(list.docs.map((doc: { id: unknown }) => doc.id)).toEqual([materialId])
    for (const doc of [one, list.docs[0]]) {
      expectNoSecrets(doc)
      for (const [field, value] of [['cover', doc.cover], ['author', doc.author], ...(doc.files ?? []).map((file: unknown) => ['files', file])]) {
        // A relation the reader cannot follow is left as its id (or dropped): never an object.
        expect([field, typeof value === 'object' && value !== null ? 'object' : 'id or nothing']).toEqual([field, 'id or nothing'])
      }
    }
  })

  it('reads the material through GraphQL without the staff files or the author’s account', async () => {
    const answer = await graphql(
      payload,
      `{ LearningMaterials { docs { title body cover { alt caption filename url } files { alt caption filename } author { name email roles } } }
         LearningMaterial(id: ${materialId}) { cover { alt caption } files { caption } author { email roles } } }`,
      { token: tokenOf(reader) },
    )
    expectNoSecrets(answer.data)
    expectNoSecrets(answer.errors ?? [])
    const [doc] = (answer.data as { LearningMaterials: { docs: Array<Record<string, unknown>> } }).LearningMaterials.docs
    expect(doc).toMatchObject({ title: 'Cả nhà thương nhau', cover: null, author: null })
  })

  it.each([0, 1, 2])('reads the public regulatory document at depth %i without the leadership document it cites', async (depth) => {
    for (const path of [`/regulatory-documents/${documentId}?depth=${depth}`, `/regulatory-documents?depth=${depth}`]) {
      const answer = await json(await rest(payload, path, { token: tokenOf(reader) }))
      expectNoSecrets(answer)
    }
    const replaced = await json(await rest(payload, `/regulatory-documents/${replacedId}?depth=${depth}`, { token: tokenOf(reader) }))
    expectNoSecrets(replaced)
    for (const replacer of replaced.replacedBy ?? []) expect(typeof replacer).not.toBe('object')
  })

  it('reads the regulatory documents with populate and select without the leadership documents', async () => {
    for (const query of [
      'depth=2&populate[regulatory-documents][title]=true&populate[regulatory-documents][summary]=true',
      'depth=1&select[relatedDocuments]=true&select[replacedBy]=true',
    ]) {
      expectNoSecrets(await json(await rest(payload, `/regulatory-documents?${query}`, { token: tokenOf(reader) })))
      expectNoSecrets(await json(await rest(payload, `/regulatory-documents/${documentId}?${query}`, { token: tokenOf(reader) })))
    }
  })

  it('reads the regulatory documents through GraphQL without the leadership documents', async () => {
    const answer = await graphql(
      payload,
      `{ RegulatoryDocuments { docs { title relatedDocuments { relation document { title summary } } replacedBy { title summary } } }
         RegulatoryDocument(id: ${documentId}) { relatedDocuments { document { title summary documentNumber } } } }`,
      { token: tokenOf(reader) },
    )
    expectNoSecrets(answer)
    const { docs } = (answer.data as { RegulatoryDocuments: { docs: Array<{ title: string }> } }).RegulatoryDocuments
    expect(docs.map((doc) => doc.title).sort()).toEqual(['Quy chế nội bộ năm học 2024-2025', 'Quyết định tuyển sinh năm học 2025-2026'])
  })
})

describe('a file published through a material', () => {
  let exposedMaterialId: number | string

  beforeAll(async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03060' } }).jpeg().toBuffer()
    const cover = await upload(school.staff, 'bia-bai-hat.jpg', photo, 'image/jpeg', { alt: 'Bìa bài hát', accessLevel: 'staff' })
    exposedMaterialId = (
      await payload.create({
        collection: 'learning-materials',
        data: { title: 'Bài thơ: Đôi dép', materialType: 'song-poem-story', accessLevel: 'public', cover: cover.id, _status: 'published' },
        overrideAccess: false,
        user: school.reviewer.user,
      })
    ).id
  })

  it.each(readers)('is populated for %s, but never with its uploader’s account', async (_, reader) => {
    const doc = await json(await rest(payload, `/learning-materials/${exposedMaterialId}?depth=2`, { token: tokenOf(reader) }))
    expect(doc.cover).toMatchObject({ alt: 'Bìa bài hát', exposedLevels: ['public'] })
    expect(doc.cover).not.toHaveProperty('extractedText')
    expect(typeof doc.cover.uploadedBy).not.toBe('object')
    expect(JSON.stringify(doc)).not.toContain(people.staff.email)
  })
})
