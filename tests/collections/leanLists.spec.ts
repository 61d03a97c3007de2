import type { Payload } from 'payload'

import { graphql, rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

const admin = { email: 'hieutruong@lean.test', password: 'mat-khau-dai-123', name: 'Hiệu trưởng', roles: ['admin' as const] }
const teacher = { email: 'giaovien@lean.test', password: 'mat-khau-dai-123', name: 'Giáo viên', roles: ['teacher' as const] }

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }], direction: 'ltr', format: '', indent: 0, version: 1 }],
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
  },
})

type Doc = Record<string, unknown> & { id: number | string }
const textOf = (doc: Doc): string => JSON.stringify(doc.body)

let payload: Payload
let publicMaterial: Doc
let teacherToken: string

/** Words that only a draft, a staff-only material or a staff-only field hold. */
const secrets = ['Bản nháp chưa duyệt', 'Chỉ giáo viên đọc', 'Ghi chú nội bộ', 'Sửa đổi chưa xuất bản']

const list = async (query: string, token?: string) => {
  const response = await rest(payload, `/learning-materials?${query}`, { token })
  expect(response.status).toBe(200)
  const text = await response.text()
  return { docs: (JSON.parse(text) as { docs: Doc[] }).docs, text }
}

beforeAll(async () => {
  payload = await bootPayload('lean-lists')
  const author = await payload.create({ collection: 'users', data: admin })
  await payload.create({ collection: 'users', data: teacher })
  teacherToken = await tokenFor(payload, teacher.email, teacher.password)
  const material = (title: string, body: string, extra: Record<string, unknown>) =>
    payload.create({
      collection: 'learning-materials',
      data: { title, summary: `Tóm tắt: ${title}`, body: paragraph(body), materialType: 'lesson-plan', accessLevel: 'public', author: author.id, _status: 'published', ...extra },
    }) as unknown as Promise<Doc>
  publicMaterial = await material('Bé tập đếm', 'Đếm ngón tay từ một đến năm', { reviewNote: 'Ghi chú nội bộ' })
  // A published material with a change waiting as a draft: readers see the published version.
  await payload.update({ collection: 'learning-materials', id: publicMaterial.id, draft: true, data: { body: paragraph('Sửa đổi chưa xuất bản') } })
  await material('Giáo án nháp', 'Bản nháp chưa duyệt', { _status: 'draft' })
  await material('Họp chuyên môn', 'Chỉ giáo viên đọc', { accessLevel: 'staff' })
  await payload.create({
    collection: 'announcements',
    data: { title: 'Thực đơn tuần 1', body: paragraph('Cơm, canh, rau'), category: 'menu', accessLevel: 'public', _status: 'published' },
  })
})
afterAll(async () => shutdownPayload(payload))

describe('a REST list', () => {
  it('leaves the rich text out when the request names no select', async () => {
    const { docs } = await list('depth=0')
    expect(docs.map((doc) => doc.title)).toEqual(['Bé tập đếm'])
    expect(docs[0]).toMatchObject({ title: 'Bé tập đếm', summary: 'Tóm tắt: Bé tập đếm', materialType: 'lesson-plan' })
    expect(docs[0]).not.toHaveProperty('body')
    const announcements = (await (await rest(payload, '/announcements?depth=0')).json()) as { docs: Doc[] }
    expect(announcements.docs.map((doc) => doc.title)).toEqual(['Thực đơn tuần 1'])
    expect(announcements.docs[0]).not.toHaveProperty('body')
  })

  it('gives the rich text to a client that names it in select', async () => {
    const { docs } = await list('select[title]=true&select[body]=true')
    expect(Object.keys(docs[0]).sort()).toEqual(['body', 'id', 'title'])
    expect(textOf(docs[0])).toContain('Đếm ngón tay từ một đến năm')
  })

  it('gives everything but what an exclusion select leaves out, rich text included', async () => {
    const { docs } = await list('select[files]=false')
    expect(docs[0]).not.toHaveProperty('files')
    expect(docs[0]).toMatchObject({ title: 'Bé tập đếm', summary: 'Tóm tắt: Bé tập đếm' })
    expect(textOf(docs[0])).toContain('Đếm ngón tay từ một đến năm')
  })

  it('keeps lists without rich text as they were', async () => {
    expect(payload.config.custom.leanLists).toEqual({ 'learning-materials': ['body'], announcements: ['body'] })
  })
})

describe('a read of one document', () => {
  it('keeps the rich text over REST by id', async () => {
    const response = await rest(payload, `/learning-materials/${publicMaterial.id}?depth=0`)
    expect(textOf((await response.json()) as Doc)).toContain('Đếm ngón tay từ một đến năm')
  })

  it('keeps Payload’s shape through the Local API and GraphQL lists', async () => {
    const local = await payload.find({ collection: 'learning-materials', depth: 0, overrideAccess: false, where: { title: { equals: 'Bé tập đếm' } } })
    expect(textOf(local.docs[0] as unknown as Doc)).toContain('Đếm ngón tay')
    const answer = await graphql<{ LearningMaterials: { docs: Doc[] } }>(payload, '{ LearningMaterials { docs { title body } } }')
    expect(answer.errors).toBeUndefined()
    expect(textOf(answer.data!.LearningMaterials.docs[0])).toContain('Đếm ngón tay')
  })
})

describe('a GraphQL list', () => {
  it('reads only the fields the query names when it passes select: true, the rich text when named', async () => {
    const lean = await graphql<{ LearningMaterials: { docs: Doc[] } }>(payload, '{ LearningMaterials(select: true) { docs { title } } }')
    expect(lean.data?.LearningMaterials.docs).toEqual([{ title: 'Bé tập đếm' }])
    const withBody = await graphql<{ LearningMaterials: { docs: Doc[] } }>(payload, '{ LearningMaterials(select: true) { docs { title body } } }')
    expect(textOf(withBody.data!.LearningMaterials.docs[0])).toContain('Đếm ngón tay')
  })
})

describe('select reveals nothing the reader may not read', () => {
  it.each([
    ['the body and staff fields named in select', 'select[body]=true&select[reviewNote]=true&select[_status]=true&select[accessLevel]=true'],
    ['drafts asked for with select', 'draft=true&select[body]=true&select[title]=true'],
    ['a staff-only level asked for by where', 'where[accessLevel][equals]=staff&select[body]=true'],
    ['an exclusion select', 'select[files]=false&draft=true'],
    ['the full list of every status', 'where[_status][in][0]=draft&where[_status][in][1]=published&select[body]=true'],
  ])('to an anonymous reader: %s', async (_case, query) => {
    const { docs, text } = await list(query)
    for (const doc of docs) expect(doc).toMatchObject({ id: publicMaterial.id })
    for (const doc of docs) expect(doc).not.toHaveProperty('reviewNote')
    for (const secret of secrets) expect(text).not.toContain(secret)
  })

  it('while a teacher asking the same reads the staff material and still no draft', async () => {
    const { docs, text } = await list('select[title]=true&select[body]=true', teacherToken)
    expect(docs.map((doc) => doc.title).sort()).toEqual(['Bé tập đếm', 'Họp chuyên môn'])
    expect(text).toContain('Chỉ giáo viên đọc')
    for (const secret of ['Bản nháp chưa duyệt', 'Sửa đổi chưa xuất bản']) expect(text).not.toContain(secret)
  })
})
