import type { Payload } from 'payload'

import sharp from 'sharp'

import { isMongoUrl } from '../../src/database.js'
import { createContentClient } from '../../src/site/api.js'
import { writePdf } from '../../src/seed/demo/pdf.js'
import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { statementsSentDuring } from '../helpers/sqlite.js'
import { runSearchQueue } from '../search/support.js'

const onMongo = isMongoUrl(process.env.DATABASE_URL)

type Doc = Record<string, unknown> & { id: number | string }
type File = Doc & { sizes?: Record<string, unknown> }

/**
 * What a card or a file row shows of a file: the fields a list populates files with. MongoDB stores
 * no `deletedAt` for a file never trashed, nor a width for a PDF, and leaves such keys out.
 */
const cardFields = ['alt', 'deletedAt', 'filename', 'filesize', 'height', 'id', 'mimeType', 'sizes', 'thumbnailURL', 'url', 'width']
const cardSizes = ['card', 'cardWebp', 'thumbnail', 'thumbnailWebp']
/** What a list leaves out of a file: what only a page shows, and what no reader gets. */
const pageOnlyFields = ['caption', 'focalX', 'focalY', 'accessLevel', 'exposedLevels', 'uploadedBy', 'extractedText', 'createdAt', 'updatedAt']

const expectCardShape = (file: File) => {
  expect(cardFields).toEqual(expect.arrayContaining(Object.keys(file)))
  for (const field of pageOnlyFields) expect(file).not.toHaveProperty(field)
  if (file.sizes) expect(cardSizes).toEqual(expect.arrayContaining(Object.keys(file.sizes)))
}

const secrets = {
  caption: 'Chú thích ảnh sân trường',
  staffAlt: 'Ảnh họp hội đồng nội bộ',
  unexposedAlt: 'Ảnh nội bộ chưa công bố',
  pdfText: 'đàn đom đóm lập lòe quanh bụi tre',
}

let payload: Payload
let photoId: number | string
let pdfId: number | string

const upload = async (data: Buffer, name: string, mimetype: string, fields: { accessLevel: 'public' | 'staff'; alt: string; caption?: string }) =>
  (await payload.create({ collection: 'media', data: fields, file: { data, mimetype, name, size: data.length } })).id

/** The materials a REST list gives, by title. */
const listed = async (query: string): Promise<{ byTitle: Record<string, Doc>; text: string }> => {
  const response = await rest(payload, `/learning-materials?${query}`)
  expect(response.status).toBe(200)
  const text = await response.text()
  const { docs } = JSON.parse(text) as { docs: Doc[] }
  return { byTitle: Object.fromEntries(docs.map((doc) => [doc.title, doc])), text }
}

beforeAll(async () => {
  payload = await bootPayload('list-files')
  const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#3a7d44' } }).jpeg().toBuffer()
  photoId = await upload(photo, 'san-truong.jpg', 'image/jpeg', { alt: 'Sân trường mùa xuân', caption: secrets.caption, accessLevel: 'public' })
  const pdf = await writePdf({ lines: [{ text: `Buổi tối, bé cùng cô ra vườn quan sát ${secrets.pdfText}.` }], title: 'Phiếu quan sát' })
  pdfId = await upload(pdf, 'phieu-quan-sat.pdf', 'application/pdf', { alt: 'Phiếu quan sát', accessLevel: 'public' })
  const staffPhoto = await upload(photo, 'hop-hoi-dong.jpg', 'image/jpeg', { alt: secrets.staffAlt, accessLevel: 'staff' })
  const material = (title: string, extra: Record<string, unknown>) =>
    payload.create({ collection: 'learning-materials', data: { title, materialType: 'worksheet', accessLevel: 'public', _status: 'published', ...extra } })
  await material('Phiếu quan sát thiên nhiên', { cover: photoId, files: [pdfId, photoId] })
  // A published material exposes its files at its own level (syncMediaExposure): this one, to staff only.
  await material('Họp hội đồng sư phạm', { cover: staffPhoto, accessLevel: 'staff' })
  // A reference the exposure bookkeeping never saw (as an import or a restored backup would leave
  // it): the staff-only file stays unreadable to readers of the public material.
  const unexposed = await upload(photo, 'noi-bo.jpg', 'image/jpeg', { alt: secrets.unexposedAlt, accessLevel: 'staff' })
  const song = await material('Bài hát: Cả nhà thương nhau', {})
  await payload.db.updateOne({ collection: 'learning-materials', id: song.id, data: { cover: unexposed } })
  // The text is read from the PDF by the queue, as it is after a teacher's upload.
  await runSearchQueue(payload)
  const stored = await payload.findByID({ collection: 'media', id: pdfId, overrideAccess: true, showHiddenFields: true })
  expect(stored.extractedText).toContain(secrets.pdfText)
})
afterAll(async () => shutdownPayload(payload))

describe('a REST list that names neither select nor populate', () => {
  it('populates its files with what a card shows', async () => {
    const { byTitle } = await listed('depth=1')
    const { cover, files } = byTitle['Phiếu quan sát thiên nhiên'] as unknown as { cover: File; files: File[] }
    for (const file of [cover, ...files]) expectCardShape(file)
    expect(Object.keys(cover.sizes!).sort()).toEqual(cardSizes)
    expect(cover).toMatchObject({ alt: 'Sân trường mùa xuân', mimeType: 'image/jpeg', width: 1800, height: 1200, url: expect.stringContaining('san-truong.jpg') })
    expect(cover.sizes!.card).toMatchObject({ width: 768, height: 512, mimeType: 'image/jpeg', url: expect.any(String) })
    expect(cover.sizes!.cardWebp).toMatchObject({ mimeType: 'image/webp', url: expect.any(String) })
    expect(files[0]).toMatchObject({ id: pdfId, filename: 'phieu-quan-sat.pdf', mimeType: 'application/pdf', filesize: expect.any(Number) })
  })

  it('does not read the text read from its files, nor their caption, from the database', async () => {
    let text = ''
    const statements = await statementsSentDuring(payload, async () => void ({ text } = await listed('depth=1')))
    expect(text).not.toContain(secrets.caption)
    if (onMongo) return
    const sql = statements.map((statement) => statement.sql).join('\n')
    expect(sql).toContain('"media"')
    expect(sql).not.toContain('extracted_text')
    expect(sql).not.toContain('caption')
  })

  it('leaves a file the reader may not read as its id, and says nothing of files only staff may read', async () => {
    const { byTitle, text } = await listed('depth=1')
    expect(Object.keys(byTitle).sort()).toEqual(['Bài hát: Cả nhà thương nhau', 'Phiếu quan sát thiên nhiên'])
    expect(typeof byTitle['Bài hát: Cả nhà thương nhau'].cover).not.toBe('object')
    for (const secret of [secrets.staffAlt, secrets.unexposedAlt]) expect(text).not.toContain(secret)
  })

  it('populates the same shape at depth 2', async () => {
    const { byTitle } = await listed('depth=2')
    expectCardShape(byTitle['Phiếu quan sát thiên nhiên'].cover as File)
    expect(byTitle['Phiếu quan sát thiên nhiên'].cover).toMatchObject({ alt: 'Sân trường mùa xuân' })
  })
})

describe('a client that names its fields', () => {
  it('gets every field of a file it may read when it names a select', async () => {
    const { byTitle } = await listed('depth=1&select[title]=true&select[cover]=true')
    const cover = byTitle['Phiếu quan sát thiên nhiên'].cover as File
    expect(cover).toMatchObject({ caption: secrets.caption, focalX: expect.any(Number) })
    expect(Object.keys(cover.sizes!)).toEqual(expect.arrayContaining(['hero', 'heroWebp', ...cardSizes]))
  })

  it('gets the fields it names of a file when it names a populate', async () => {
    const { byTitle } = await listed('depth=1&populate[media][caption]=true')
    const cover = byTitle['Phiếu quan sát thiên nhiên'].cover as File
    expect(cover).toMatchObject({ id: photoId, caption: secrets.caption })
    expect(['caption', 'deletedAt', 'id']).toEqual(expect.arrayContaining(Object.keys(cover)))
  })

  it('still never gets the text read from a file, nor a file it may not read', async () => {
    const { text } = await listed('depth=1&populate[media][extractedText]=true&populate[media][alt]=true')
    expect(text).not.toContain('đom đóm')
    for (const secret of [secrets.staffAlt, secrets.unexposedAlt]) expect(text).not.toContain(secret)
  })
})

describe('reads that are not REST lists', () => {
  it('keep every field of a file: a read by id, the Local API and GraphQL', async () => {
    const material = (await payload.find({ collection: 'learning-materials', where: { title: { equals: 'Phiếu quan sát thiên nhiên' } } })).docs[0]!
    const byId = (await (await rest(payload, `/learning-materials/${material.id}?depth=1`)).json()) as { cover: File }
    expect(byId.cover).toMatchObject({ caption: secrets.caption })
    expect(Object.keys(byId.cover.sizes!)).toContain('hero')
    const local = await payload.find({ collection: 'learning-materials', depth: 1, overrideAccess: false, where: { id: { equals: material.id } } })
    expect(local.docs[0]!.cover).toMatchObject({ caption: secrets.caption })
    const answer = await graphql<{ LearningMaterials: { docs: Array<{ cover: { caption: string } }> } }>(
      payload,
      `{ LearningMaterials(where: { id: { equals: ${JSON.stringify(material.id)} } }) { docs { cover { caption } } } }`,
    )
    expect(answer.data?.LearningMaterials.docs[0]!.cover.caption).toBe(secrets.caption)
  })
})

describe('the website', () => {
  /** The website's client, its requests answered by Payload's REST handlers in this process. */
  const withSiteClient = async <T,>(read: (client: ReturnType<typeof createContentClient>) => Promise<T>): Promise<{ answer: T; sql: string }> => {
    const realFetch = globalThis.fetch
    globalThis.fetch = (async (input: Request | string | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input)
      return rest(payload, `${url.pathname.replace(/^\/api/, '')}${url.search}`, { headers: init?.headers as Record<string, string> })
    }) as typeof fetch
    try {
      let answer: T | undefined
      const statements = await statementsSentDuring(payload, async () => void (answer = await read(createContentClient({ origin: 'http://localhost:3000' }))))
      return { answer: answer as T, sql: statements.map((statement) => statement.sql).join('\n') }
    } finally {
      globalThis.fetch = realFetch
    }
  }

  it('shows a page’s files whole but for the text read from them, which it never reads', async () => {
    const { answer, sql } = await withSiteClient((client) => client.material('phieu-quan-sat-thien-nhien'))
    const { cover, files } = answer as unknown as { cover: File; files: File[] }
    expect(cover).toMatchObject({ caption: secrets.caption, alt: 'Sân trường mùa xuân' })
    expect(Object.keys(cover.sizes!)).toEqual(expect.arrayContaining(['hero', 'heroWebp', 'card']))
    expect(files[0]).toMatchObject({ filename: 'phieu-quan-sat.pdf', mimeType: 'application/pdf' })
    expect(files[0]).not.toHaveProperty('extractedText')
    if (!onMongo) {
      expect(sql).toContain('"media"')
      expect(sql).not.toContain('extracted_text')
    }
  })

  it('reads a page by id and the school profile the same way', async () => {
    const { id } = (await payload.find({ collection: 'learning-materials', where: { title: { equals: 'Phiếu quan sát thiên nhiên' } } })).docs[0]!
    const byId = await withSiteClient((client) => client.material(String(id)))
    expect((byId.answer as unknown as { cover: File }).cover).toMatchObject({ caption: secrets.caption })
    await payload.updateGlobal({ slug: 'school-profile', data: { name: 'Trường Mầm non Phục Lễ', facilities: [{ name: 'Sân chơi', quantity: 1, photo: photoId as number }] } })
    const profile = await withSiteClient((client) => client.profile())
    expect(profile.answer.facilities?.[0]?.photo).toMatchObject({ caption: secrets.caption, sizes: expect.objectContaining({ thumbnail: expect.anything() }) })
    if (onMongo) return
    for (const { sql } of [byId, profile]) {
      expect(sql).toContain('"media"')
      expect(sql).not.toContain('extracted_text')
    }
  })

  it('lists cards with the files in their card shape', async () => {
    const { answer } = await withSiteClient((client) => client.materials())
    const listed = answer.docs.find((doc) => doc.title === 'Phiếu quan sát thiên nhiên')!
    expectCardShape(listed.cover as unknown as File)
  })
})
