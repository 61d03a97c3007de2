import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'

import { mediaInLists } from '../../src/collections/Media/inLists.js'
import { isMongoUrl } from '../../src/database.js'
import { richText } from '../../src/seed/demo/richText.js'
import { graphql, rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { statementsSentDuring } from '../helpers/sqlite.js'

const onMongo = isMongoUrl(process.env.DATABASE_URL)

const admin = { email: 'hieutruong@lean.test', password: 'mat-khau-dai-123', name: 'Hiệu trưởng', roles: ['admin' as const] }
const teacher = { email: 'giaovien@lean.test', password: 'mat-khau-dai-123', name: 'Giáo viên', roles: ['teacher' as const] }
const parent = { email: 'phuhuynh@lean.test', password: 'mat-khau-dai-123', name: 'Phụ huynh', roles: ['parent' as const] }

type Doc = Record<string, unknown> & { id: number | string }
const textOf = (doc: Doc): string => JSON.stringify(doc.body)

let payload: Payload
let publicMaterial: Doc
let libraryItem: Doc
/** The JWT of each signed-in reader, by role; the anonymous reader has none. */
const tokens: Record<string, string | undefined> = {}

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
  for (const person of [teacher, parent]) {
    await payload.create({ collection: 'users', data: person })
    tokens[person.roles[0]] = await tokenFor(payload, person.email, person.password)
  }
  const material = (title: string, body: string, extra: Record<string, unknown>) =>
    payload.create({
      collection: 'learning-materials',
      data: { title, summary: `Tóm tắt: ${title}`, body: richText([body]), materialType: 'lesson-plan', accessLevel: 'public', author: author.id, _status: 'published', ...extra },
    }) as unknown as Promise<Doc>
  publicMaterial = await material('Bé tập đếm', 'Đếm ngón tay từ một đến năm', { reviewNote: 'Ghi chú nội bộ' })
  // A published material with a change waiting as a draft: readers see the published version.
  await payload.update({ collection: 'learning-materials', id: publicMaterial.id, draft: true, data: { body: richText(['Sửa đổi chưa xuất bản']) } })
  await material('Giáo án nháp', 'Bản nháp chưa duyệt', { _status: 'draft' })
  await material('Họp chuyên môn', 'Chỉ giáo viên đọc', { accessLevel: 'staff' })
  await payload.create({
    collection: 'announcements',
    data: { title: 'Thực đơn tuần 1', body: richText(['Cơm, canh, rau']), category: 'menu', accessLevel: 'public', _status: 'published' },
  })
  libraryItem = (await payload.create({
    collection: 'library-items',
    data: { title: 'Dế Mèn phiêu lưu ký', description: 'Truyện của Tô Hoài', itemType: 'book', accessLevel: 'public', _status: 'published' },
  })) as unknown as Doc
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

  it('keeps lists without rich text as they were at depth 0', async () => {
    expect(payload.config.custom.leanLists).toEqual({
      omitted: { 'learning-materials': ['body'], announcements: ['body'] },
      populate: { media: mediaInLists },
      populating: ['learning-materials', 'library-items', 'announcements', 'regulatory-documents'],
    })
    const response = await rest(payload, '/library-items?depth=0')
    const { docs } = (await response.json()) as { docs: Doc[] }
    const whole = await payload.findByID({ collection: 'library-items', id: libraryItem.id, depth: 0, overrideAccess: false })
    expect(docs).toEqual([JSON.parse(JSON.stringify(whole))])
    expect(docs[0]).toMatchObject({ title: 'Dế Mèn phiêu lưu ký', description: 'Truyện của Tô Hoài' })
  })

  it.each([
    ['an empty select', 'select='],
    ['a bare select', 'select'],
  ])('leaves the rich text out when the request names %s', async (_case, query) => {
    const { docs } = await list(`depth=0&${query}`)
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ title: 'Bé tập đếm', summary: 'Tóm tắt: Bé tập đếm' })
    expect(docs[0]).not.toHaveProperty('body')
  })

  it('still reaches Payload’s list handler when the endpoints are copies of the ones configured', async () => {
    const config = payload.collections['learning-materials'].config
    const configured = config.endpoints
    config.endpoints = configured && configured.map((endpoint) => ({ ...endpoint }))
    try {
      const { docs } = await list('depth=0')
      expect(docs.map((doc) => doc.title)).toEqual(['Bé tập đếm'])
      expect(docs[0]).not.toHaveProperty('body')
    } finally {
      config.endpoints = configured
    }
  })

  it('has the same lean shape when asked through a method-override form body', async () => {
    const response = await handleEndpoints({
      config: payload.config,
      path: '/api/learning-materials',
      request: new Request('http://localhost:3000/api/learning-materials', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
        body: 'depth=0&limit=5',
      }),
    })
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: Doc[] }
    expect(docs.map((doc) => doc.title)).toEqual(['Bé tập đếm'])
    expect(docs[0]).not.toHaveProperty('body')
  })
})

type Select = Record<string, unknown> | undefined

/**
 * What a list reads from the database while `run` runs: the `select` Payload hands the adapter,
 * whichever it is, and on SQLite the statements themselves.
 */
const readsDuring = async (run: () => Promise<unknown>): Promise<{ selects: Select[]; sql: string }> => {
  const db = payload.db
  const find = db.find
  const selects: Select[] = []
  db.find = <T,>(args: Parameters<typeof find>[0]) => {
    selects.push(args.select as Select)
    return find.call<typeof db, [typeof args], ReturnType<typeof find<T>>>(db, args)
  }
  try {
    if (onMongo) {
      await run()
      return { selects, sql: '' }
    }
    const statements = await statementsSentDuring(payload, async () => {
      await run()
    })
    return { selects, sql: statements.map((statement) => statement.sql).join('\n') }
  } finally {
    db.find = find
  }
}

/** Whether a `select` has the database read `field`: all but the fields set false, or only those set. */
const reads = (select: Select, field: string): boolean => {
  if (!select || Object.keys(select).length === 0) return true
  const excluding = Object.values(select).every((value) => value === false)
  return excluding ? select[field] !== false : Boolean(select[field])
}

describe('the staff’s working fields in a list', () => {
  const reviewFields = ['reviewStatus', 'reviewNote', 'submittedAt', 'reviewedBy', 'reviewedAt', 'reviewHistory']
  const reviewColumns = ['review_note', 'review_history', 'submitted_at', 'reviewed_by']

  it.each([
    ['an anonymous reader', undefined],
    ['a parent', 'parent'],
  ])('are not read from the database for %s', async (_reader, role) => {
    const { selects, sql } = await readsDuring(() => list('depth=0', role && tokens[role]))
    expect(selects).toHaveLength(1)
    for (const field of reviewFields) expect(reads(selects[0], field)).toBe(false)
    if (onMongo) return
    expect(sql).toContain('learning_materials')
    for (const column of reviewColumns) expect(sql).not.toContain(column)
  })

  it('are read, and answered, for staff', async () => {
    let docs: Doc[] = []
    const { selects, sql } = await readsDuring(async () => ({ docs } = await list('depth=0', tokens.teacher)))
    for (const field of reviewFields) expect(reads(selects[0], field)).toBe(true)
    if (!onMongo) for (const column of reviewColumns) expect(sql).toContain(column)
    expect(docs.find((doc) => doc.title === 'Bé tập đếm')).toMatchObject({ reviewNote: 'Ghi chú nội bộ', reviewStatus: expect.any(String) })
  })

  it('leave an anonymous list otherwise as the Local API reads it for that reader, less the rich text', async () => {
    const { docs } = await list('depth=0')
    const local = await payload.find({ collection: 'learning-materials', depth: 0, overrideAccess: false })
    // Payload answers an array the reader may not read as empty: the list now leaves it out.
    const expected = local.docs.map(({ body: _body, reviewHistory, ...doc }) => {
      expect(reviewHistory).toEqual([])
      return doc
    })
    expect(docs).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('are read when the client names them, and still dropped for a reader who may not see them', async () => {
    const { selects, sql } = await readsDuring(async () => {
      const { docs } = await list('select[title]=true&select[reviewNote]=true')
      expect(docs).toEqual([{ id: publicMaterial.id, title: 'Bé tập đếm' }])
    })
    expect(reads(selects[0], 'reviewNote')).toBe(true)
    if (!onMongo) expect(sql).toContain('review_note')
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

describe.each([
  ['an anonymous reader', undefined, ['Bé tập đếm'], ['Chỉ giáo viên đọc', 'Ghi chú nội bộ']],
  ['a parent', 'parent', ['Bé tập đếm'], ['Chỉ giáo viên đọc', 'Ghi chú nội bộ']],
  ['a teacher', 'teacher', ['Bé tập đếm', 'Họp chuyên môn'], []],
])('select reveals nothing %s may not read', (_reader, role, readable, hidden) => {
  it.each([
    ['the body and staff-only fields by name', 'select[body]=true&select[reviewNote]=true&select[_status]=true&select[accessLevel]=true&select[title]=true'],
    ['drafts', 'draft=true&select[body]=true&select[title]=true'],
    ['a staff-only level by where', 'where[accessLevel][equals]=staff&select[body]=true&select[title]=true'],
    ['drafts with an exclusion select', 'select[files]=false&draft=true'],
    ['every status by where', 'where[_status][in][0]=draft&where[_status][in][1]=published&select[body]=true&select[title]=true'],
  ])('when it asks for %s', async (_case, query) => {
    const { docs, text } = await list(query, role && tokens[role])
    for (const doc of docs) expect(readable).toContain(doc.title)
    for (const secret of ['Bản nháp chưa duyệt', 'Sửa đổi chưa xuất bản', ...hidden]) expect(text).not.toContain(secret)
  })

  it('but reads the body of every material it may read when it asks for it', async () => {
    const { docs } = await list('select[title]=true&select[body]=true', role && tokens[role])
    expect(docs.map((doc) => doc.title).sort()).toEqual(readable)
    expect(docs.every((doc) => doc.body)).toBe(true)
  })
})
