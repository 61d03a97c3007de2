import type { Payload } from 'payload'

import { writePdf } from '../../src/seed/demo/pdf.js'
import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { zip } from '../fixtures/uploads.js'
import { type Accounts, createAccounts, driftOf, runSearchQueue, search } from './support.js'

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A Word document as Word writes its skeleton: content types, the package relation, one paragraph per line. */
const docx = (paragraphs: string[]): Buffer =>
  zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/word/document.xml" ContentType="${docxMime}.main+xml"/></Types>`,
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`).join('') +
      '</w:body></w:document>',
  })

let payload: Payload
let accounts: Accounts
let materialId: number
let pdfId: number
let docxId: number

const asRole = (role: keyof Accounts) => ({ depth: 0, overrideAccess: false, user: accounts[role].user })

const upload = async (data: Buffer, name: string, mimetype: string) =>
  (
    await payload.create({
      collection: 'media',
      // A teacher's files are staff-level; they reach readers through the material once it is published.
      data: { accessLevel: 'staff', alt: name },
      file: { data, mimetype, name, size: data.length },
      ...asRole('teacher'),
    })
  ).id

const pdfAbout = (lines: string[]) =>
  writePdf({ lines: lines.map((text) => ({ text })), title: 'Phiếu quan sát thiên nhiên' })

/** Entry ids that a query finds for an anonymous reader. */
const foundIds = async (q: string) => (await search(payload, { q })).hits.map((hit) => hit.id)

/**
 * What the query finds with every one of its words: a search that matches nothing in full relaxes
 * and says which words it left out (issue 15); those answers hold none of the words' entries.
 */
const foundWithEveryWord = async (q: string) => {
  const answer = (await search(payload, { q })) as { hits: Array<{ id: string }>; ignored?: string[] }
  return answer.ignored?.length ? [] : answer.hits.map((hit) => hit.id)
}

beforeAll(async () => {
  payload = await bootPayload('search-attachments')
  accounts = await createAccounts(payload, 'attachments')
  pdfId = await upload(
    await pdfAbout(['Buổi tối, bé cùng cô ra vườn quan sát đàn đom đóm lập lòe quanh bụi tre.']),
    'quan-sat-buoi-toi.pdf',
    'application/pdf',
  )
  docxId = await upload(
    docx(['Trò chơi vận động ngoài trời.', 'Bé bắt chước chuồn chuồn kim bay lượn rồi đậu trên cành.']),
    'tro-choi-van-dong.docx',
    docxMime,
  )
  const draft = await payload.create({
    collection: 'learning-materials',
    data: { _status: 'draft', accessLevel: 'public', files: [pdfId, docxId], materialType: 'worksheet', title: 'Phiếu học tập: Thiên nhiên quanh bé' },
    draft: true,
    ...asRole('teacher'),
  })
  materialId = draft.id
  await payload.update({ collection: 'learning-materials', data: { _status: 'published' }, id: materialId, ...asRole('reviewer') })
  await runSearchQueue(payload)
})
afterAll(async () => shutdownPayload(payload))

describe('a published material with a PDF and a Word file', () => {
  it.each([
    ['a word only in the PDF', 'đom đóm lập lòe'],
    ['the same words without diacritics', 'dom dom lap loe'],
    ['a word only in the Word file', 'chuồn chuồn kim'],
    ['the same words without diacritics', 'chuon chuon kim'],
  ])('is found by %s (%j)', async (_, q) => {
    expect(await foundIds(q)).toEqual([`learning-materials-${materialId}`])
  })

  it('shows the matched words of the file in the text highlight', async () => {
    const [hit] = (await search(payload, { q: 'đom đóm' })).hits
    expect(hit.highlights.text).toContain('<mark>đom</mark> <mark>đóm</mark> lập lòe')
  })

  it('keeps the index equal to the database', async () => {
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
  })
})

describe('the text read from a file', () => {
  it('is stored for the search index', async () => {
    const media = await payload.findByID({ collection: 'media', id: docxId, overrideAccess: true, showHiddenFields: true })
    expect(media.extractedText).toContain('chuồn chuồn kim')
  })

  it.each([
    ['its uploader', 'teacher'],
    ['an administrator', 'admin'],
    ['an anonymous reader', undefined],
  ] as const)('is not in the media API answer to %s', async (_, role) => {
    const token = role ? accounts[role].token : undefined
    for (const id of [pdfId, docxId]) {
      const response = await rest(payload, `/media/${id}`, { token })
      expect(response.status).toBe(200)
      const body = (await response.json()) as Record<string, unknown>
      expect(body).toHaveProperty('filename')
      expect(body).not.toHaveProperty('extractedText')
      expect(JSON.stringify(body)).not.toMatch(/đom đóm|chuồn chuồn/)
    }
    const list = await rest(payload, '/media?limit=100', { token })
    expect(JSON.stringify(await list.json())).not.toMatch(/extractedText|đom đóm|chuồn chuồn/)
  })

  it('is not in the material’s answer, with its files populated', async () => {
    const response = await rest(payload, `/learning-materials/${materialId}?depth=2`, { token: accounts.admin.token })
    const body = (await response.json()) as { files: Array<Record<string, unknown>> }
    expect(body.files.map((file) => file.id).sort()).toEqual([pdfId, docxId].sort())
    expect(JSON.stringify(body)).not.toMatch(/extractedText|đom đóm|chuồn chuồn/)
  })

  it('is not given out through GraphQL, even when asked for by name', async () => {
    const answer = await graphql<{ Media: { extractedText: null | string; id: number } }>(
      payload,
      `{ Media(id: ${docxId}) { id extractedText } }`,
      { token: accounts.admin.token },
    )
    expect(answer.data?.Media).toEqual({ extractedText: null, id: docxId })
  })
})

describe('when the attachments change', () => {
  it('no longer finds the material by the words of a file taken off it', async () => {
    await payload.update({ collection: 'learning-materials', data: { files: [docxId] }, id: materialId, ...asRole('reviewer') })
    await runSearchQueue(payload)
    expect(await foundIds('đom đóm')).toEqual([])
    expect(await foundIds('chuồn chuồn kim')).toEqual([`learning-materials-${materialId}`])
  })

  it('finds the material by the words of a new version of its file, and no longer by the old ones', async () => {
    const replacement = docx(['Trò chơi vận động ngoài trời.', 'Bé bắt chước cánh cam bò chậm trên lá.'])
    await payload.update({
      collection: 'media',
      data: {},
      file: { data: replacement, mimetype: docxMime, name: 'tro-choi-van-dong.docx', size: replacement.length },
      id: docxId,
      // A file in a published material is replaced by someone who may publish it (tests/review/filesPublish.spec.ts).
      ...asRole('admin'),
    })
    await runSearchQueue(payload)
    const media = await payload.findByID({ collection: 'media', id: docxId, overrideAccess: true, showHiddenFields: true })
    expect(media.extractedText).toContain('cánh cam')
    expect(await foundIds('cánh cam')).toEqual([`learning-materials-${materialId}`])
    expect(await foundWithEveryWord('chuồn chuồn kim')).toEqual([])
  })
})
