import type { Payload } from 'payload'

import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Member, type School } from '../leaks/school.js'

let payload: Payload
let school: School

type ErrorAnswer = { errors: Array<{ data?: { errors?: Array<{ message: string; path: string }> }; message: string }> }

/** Every message of a refusal, field messages included: what the admin shows the user. */
const messagesOf = (answer: ErrorAnswer): string[] =>
  answer.errors.flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((field) => field.message)])

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString()

const documentData = (documentNumber: string, overrides: Record<string, unknown> = {}) => ({
  documentNumber,
  documentType: 'KH',
  title: `Văn bản ${documentNumber}`,
  summary: 'Kế hoạch tổ chức các hoạt động năm học',
  issuingBody: 'UBND quận Ba Đình',
  issueDate: '2024-09-05T00:00:00.000Z',
  accessLevel: 'public',
  _status: 'published',
  ...overrides,
})

/** Posts as the admin UI does: JSON, in Vietnamese. */
const post = (collection: string, by: Member, data: Record<string, unknown>) =>
  rest(payload, `/${collection}?depth=0`, { body: data, headers: { 'Accept-Language': 'vi' }, method: 'POST', token: by.token })

const file = async (by: Member, documentNumber: string, overrides: Record<string, unknown> = {}) =>
  (await json(await post('regulatory-documents', by, documentData(documentNumber, overrides)), 201)).doc

const read = async (id: number | string) =>
  json(await rest(payload, `/regulatory-documents/${id}?depth=0`, { token: school.staff.token }))

const countDocuments = async () => (await payload.count({ collection: 'regulatory-documents' })).totalDocs

beforeAll(async () => {
  payload = await bootPayload('documents')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('a regulatory document number', () => {
  it.each([
    ['227/KH-UBND', { number: 227, typeCode: 'KH', issuerCode: 'UBND', unitCode: null, year: 2024, normalized: '227/KH-UBND' }],
    ['13/2023/NĐ-CP', { number: 13, typeCode: 'NĐ', issuerCode: 'CP', unitCode: null, year: 2023, normalized: '13/2023/NĐ-CP' }],
    ['554/SGDĐT-VP', { number: 554, typeCode: null, issuerCode: 'SGDĐT', unitCode: 'VP', year: 2024, normalized: '554/SGDĐT-VP' }],
  ])('"%s" is split into its parts on save', async (documentNumber, parts) => {
    const doc = await file(school.staff, documentNumber)
    expect(doc.numberParts).toMatchObject(parts)
  })

  it('is refused with 400 and a Vietnamese message naming it when it cannot be read, and nothing is saved', async () => {
    const before = await countDocuments()
    const response = await post('regulatory-documents', school.staff, documentData('Kế hoạch số hai'))
    expect(response.status).toBe(400)
    expect(messagesOf(await json<ErrorAnswer>(response, 400))).toContain(
      'Không đọc được số ký hiệu "Kế hoạch số hai". Hãy ghi như trên văn bản, ví dụ 227/KH-UBND, 554/SGDĐT-VP hoặc 13/2023/NĐ-CP.',
    )
    await expect(countDocuments()).resolves.toBe(before)
  })

  it('is refused with 400 naming the existing document when the same number, issuer and year is filed twice', async () => {
    const existing = await file(school.staff, '88/KH-UBND', { title: 'Kế hoạch phòng chống dịch bệnh' })
    const before = await countDocuments()
    const response = await post('regulatory-documents', school.staff, documentData('88/QĐ-UBND', { documentType: 'QD' }))
    expect(response.status).toBe(400)
    expect(messagesOf(await json<ErrorAnswer>(response, 400))).toContain(
      `Số 88 của UBND năm 2024 đã có trong sổ: "Kế hoạch phòng chống dịch bệnh" (mã ${existing.id}).`,
    )
    await expect(countDocuments()).resolves.toBe(before)
  })

  it('may be reused in another year', async () => {
    await file(school.staff, '89/KH-UBND', { issueDate: '2024-03-01T00:00:00.000Z' })
    const next = await file(school.staff, '89/KH-UBND', { issueDate: '2025-03-01T00:00:00.000Z' })
    expect(next.numberParts).toMatchObject({ number: 89, year: 2025 })
  })

  it('does not reveal the title of a duplicate the writer may not read', async () => {
    await file(school.admin, '90/QĐ-MNHS', { documentType: 'QD', title: 'QUYẾT ĐỊNH KỶ LUẬT MẬT', accessLevel: 'leadership' })
    const response = await post('regulatory-documents', school.staff, documentData('90/TB-MNHS', { documentType: 'TB' }))
    expect(response.status).toBe(400)
    const messages = messagesOf(await json<ErrorAnswer>(response, 400))
    expect(messages.join('\n')).toContain('Số 90 của MNHS năm 2024 đã có trong sổ')
    expect(messages.join('\n')).not.toContain('KỶ LUẬT')
  })
})

describe('the validity of a regulatory document', () => {
  it('becomes "replaced" when a published document replaces it', async () => {
    const old = await file(school.staff, '100/QĐ-UBND', { documentType: 'QD' })
    expect((await read(old.id)).validityStatus).toBe('in-force')
    const replacer = await file(school.staff, '101/QĐ-UBND', {
      documentType: 'QD',
      relatedDocuments: [{ relation: 'replaces', document: old.id }],
    })
    await expect(read(old.id)).resolves.toMatchObject({ validityStatus: 'replaced', replacedBy: [replacer.id] })
  })

  describe('across access levels', () => {
    const stateOf = async (id: number | string) => {
      const stored = await payload.findByID({ collection: 'regulatory-documents', id, depth: 0, overrideAccess: true })
      return { validityStatus: stored.validityStatus, replacedBy: stored.replacedBy ?? [] }
    }

    it('is not changed by office staff replacing a leadership document they cannot read', async () => {
      const confidential = await file(school.admin, '130/QĐ-MNHS', { documentType: 'QD', accessLevel: 'leadership' })
      const response = await post('regulatory-documents', school.staff, documentData('131/QĐ-MNHS', {
        documentType: 'QD',
        relatedDocuments: [{ relation: 'replaces', document: confidential.id }],
      }))
      await response.arrayBuffer()
      await expect(stateOf(confidential.id)).resolves.toEqual({ validityStatus: 'in-force', replacedBy: [] })
    })

    it('refuses that write without blaming the access level the writer chose', async () => {
      const confidential = await file(school.admin, '132/QĐ-MNHS', { documentType: 'QD', accessLevel: 'leadership' })
      const response = await post('regulatory-documents', school.staff, documentData('133/QĐ-MNHS', {
        documentType: 'QD',
        accessLevel: 'public',
        relatedDocuments: [{ relation: 'replaces', document: confidential.id }],
      }))
      const answer = await json<ErrorAnswer>(response, 403)
      expect(messagesOf(answer)).not.toContain('Bạn không thể chọn mức truy cập cao hơn mức của mình.')
      // The same answer whether or not the id exists, so it reveals nothing about hidden documents.
      expect(messagesOf(answer)).toContain('Bạn chỉ có thể đính kèm tệp và liên kết văn bản mà chính bạn được phép xem.')
    })

    it('lets office staff edit a public document that an admin linked as replacing a leadership document', async () => {
      const confidential = await file(school.admin, '134/QĐ-MNHS', { documentType: 'QD', accessLevel: 'leadership' })
      const replacer = await file(school.admin, '135/QĐ-MNHS', {
        documentType: 'QD',
        relatedDocuments: [{ relation: 'replaces', document: confidential.id }],
      })
      await expect(stateOf(confidential.id)).resolves.toEqual({ validityStatus: 'replaced', replacedBy: [replacer.id] })
      const response = await rest(payload, `/regulatory-documents/${replacer.id}`, {
        body: { summary: 'Trích yếu đã sửa lỗi chính tả' },
        headers: { 'Accept-Language': 'vi' },
        method: 'PATCH',
        token: school.staff.token,
      })
      expect((await json(response)).doc.summary).toBe('Trích yếu đã sửa lỗi chính tả')
    })
  })

  it('is not replaced by a draft, and is in force again once its replacer is deleted', async () => {
    const old = await file(school.staff, '110/QĐ-UBND', { documentType: 'QD' })
    const replacer = await file(school.staff, '111/QĐ-UBND', {
      documentType: 'QD',
      relatedDocuments: [{ relation: 'replaces', document: old.id }],
      _status: 'draft',
    })
    expect((await read(old.id)).validityStatus).toBe('in-force')
    await json(await rest(payload, `/regulatory-documents/${replacer.id}`, { body: { _status: 'published' }, method: 'PATCH', token: school.staff.token }))
    expect((await read(old.id)).validityStatus).toBe('replaced')
    await json(await rest(payload, `/regulatory-documents/${replacer.id}`, { body: { deletedAt: new Date().toISOString() }, method: 'PATCH', token: school.staff.token }))
    await expect(read(old.id)).resolves.toMatchObject({ validityStatus: 'in-force', replacedBy: [] })
  })

  it.each([
    ['not-yet-effective', 'an effective date in the future', '120/TB-MNHS', { effectiveDate: day(30) }],
    ['expired', 'an expiry date in the past', '121/TB-MNHS', { effectiveDate: day(-400), expiryDate: day(-1) }],
    ['in-force', 'an effective date in the past and an expiry date in the future', '122/TB-MNHS', { effectiveDate: day(-30), expiryDate: day(300) }],
  ])('is "%s" with %s', async (validity, _, documentNumber, dates) => {
    const doc = await file(school.staff, documentNumber, { documentType: 'TB', ...dates })
    expect(doc.validityStatus).toBe(validity)
    expect((await read(doc.id)).validityStatus).toBe(validity)
    const { docs } = await payload.find({ collection: 'regulatory-documents', overrideAccess: true, where: { validityStatus: { equals: validity }, id: { equals: doc.id } } })
    expect(docs).toHaveLength(1)
  })
})

describe('a library item’s ISBN', () => {
  const item = (isbn: string) => ({ title: `Sách ${isbn}`, itemType: 'book', isbn, accessLevel: 'public' })

  it.each([
    ['an ISBN-10', '0-306-40615-2', '0306406152'],
    ['an ISBN-10 with an X check digit', '080442957X', '080442957X'],
    ['an ISBN-13', 'ISBN 978-0-306-40615-7', '9780306406157'],
  ])('accepts %s (%s) and stores it without hyphens', async (_, isbn, normalised) => {
    const answer = await json(await post('library-items', school.staff, item(isbn)), 201)
    expect(answer.doc.isbn).toBe(normalised)
  })

  it.each([
    ['an ISBN-13 with a wrong check digit', '978-0-306-40615-8'],
    ['an ISBN-10 with a wrong check digit', '0-306-40615-3'],
    ['a number of the wrong length', '978-0-306-4061'],
  ])('refuses %s (%s) with 400 and a message', async (_, isbn) => {
    const before = (await payload.count({ collection: 'library-items' })).totalDocs
    const response = await post('library-items', school.staff, item(isbn))
    expect(response.status).toBe(400)
    expect(messagesOf(await json<ErrorAnswer>(response, 400))).toContain(
      'ISBN không hợp lệ: hãy kiểm tra lại các chữ số (ISBN-10 hoặc ISBN-13).',
    )
    await expect(payload.count({ collection: 'library-items' })).resolves.toEqual({ totalDocs: before })
  })
})
