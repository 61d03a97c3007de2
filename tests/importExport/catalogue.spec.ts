/**
 * The library catalogue imported from a spreadsheet's CSV, as the librarian meets it: a dry run
 * that names every row in error in Vietnamese and writes nothing, then the real run, all or nothing.
 */
import type { Payload } from 'payload'

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type Actor, actors, importExportOutcome, roleOf } from '../access/matrix.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { rest, tokenFor } from '../helpers/api.js'
import { catalogueRows, headings, isbnOf, spreadsheetCsv, windows1258 } from './catalogueFixture.js'

type Problem = { line: number; column?: string; message: string }
type Answer = { dryRun: boolean; rows: number; valid: number; rowsInError: number; imported: number; errors: Problem[]; ids?: number[]; message?: string }

const password = 'mat-khau-thu-vien'
const tokens = new Map<Actor, string>()
let payload: Payload
let dir: string

const send = (file: Buffer, { actor = 'admin', query = '' }: { actor?: Actor; query?: string } = {}) => {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'danh-muc.csv')
  return rest(payload, `/library-items/import-catalogue${query}`, { method: 'POST', body, token: tokens.get(actor) })
}

const dryRun = async (file: Buffer, actor: Actor = 'admin'): Promise<Answer> => {
  const response = await send(file, { actor, query: '?dryRun=true' })
  expect(response.status).toBe(200)
  return (await response.json()) as Answer
}

/** The lines a real run streams: progress, then the outcome. */
const linesOf = async (response: Response): Promise<Array<Record<string, unknown>>> =>
  (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const count = async () => (await payload.count({ collection: 'library-items' })).totalDocs

/** A small file: the headings, then the given rows, each padded to the headings' width. */
const small = (name: string, rows: string[][], options?: Parameters<typeof spreadsheetCsv>[3]) =>
  spreadsheetCsv(dir, name, [headings, ...rows.map((row) => [...row, ...Array(headings.length - row.length).fill('')])], options)

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'truongso-catalogue-'))
  payload = await bootPayload('catalogue-import')
  for (const actor of actors) {
    if (actor === 'anonymous') continue
    const email = `${actor.toLowerCase()}@thuvien.test`
    await payload.create({ collection: 'users', data: { email, password, name: actor, roles: [roleOf[actor]] }, overrideAccess: true })
    tokens.set(actor, await tokenFor(payload, email, password))
  }
}, 240_000)

afterAll(async () => {
  if (payload) await shutdownPayload(payload)
})

describe('a dry run', () => {
  it('lists the rows in error of a 2,000-book catalogue by line, in Vietnamese, and writes nothing', async () => {
    const rows = catalogueRows(2000)
    rows[10]![0] = ''
    rows[200]![2] = '978-604-000200-0'
    rows[1500]![6] = 'Mẫu giáo; Lớp lá'
    rows[1999]![2] = rows[3]![2]!
    const before = await count()
    const answer = await dryRun(spreadsheetCsv(dir, 'catalogue-errors.csv', rows))
    expect(await count()).toBe(before)
    // Line 1 holds the headings; a description with a line break makes a row two lines long.
    const lineOf = (index: number) => 1 + index + rows.slice(1, index).filter((row) => row[10]!.includes('\n')).length
    expect(answer.errors.map(({ line, column }) => [line, column])).toEqual([
      [lineOf(10), 'Nhan đề'],
      [lineOf(200), 'ISBN'],
      [lineOf(1500), 'Độ tuổi'],
      [lineOf(1500), 'Độ tuổi'],
      [lineOf(1999), 'ISBN'],
    ])
    expect(answer.errors.map((problem) => problem.message)).toEqual([
      'Thiếu nhan đề.',
      'ISBN "978-604-000200-0" sai chữ số kiểm tra (chữ số cuối): hãy đối chiếu lại với sách.',
      'Độ tuổi "Mẫu giáo" không có; dùng một trong: Nhà trẻ, Mẫu giáo bé, Mẫu giáo nhỡ, Mẫu giáo lớn.',
      'Độ tuổi "Lớp lá" không có; dùng một trong: Nhà trẻ, Mẫu giáo bé, Mẫu giáo nhỡ, Mẫu giáo lớn.',
      `ISBN "${rows[3]![2]}" trùng với dòng ${lineOf(3)} của tệp.`,
    ])
    expect(answer).toMatchObject({ dryRun: true, rows: 2000, valid: 1996, rowsInError: 4, imported: 0 })
  }, 120_000)

  it.each([
    ['a title missing', [['', 'Tô Hoài', '', '', '', 'Sách']], 'Nhan đề', 'Thiếu nhan đề.'],
    ['an ISBN of the wrong length', [['Đàn gà con', '', '978-604-12', '', '', 'Sách']], 'ISBN', 'ISBN "978-604-12" không đúng dạng: cần 10 hoặc 13 chữ số (ISBN-10 có thể kết thúc bằng X).'],
    ['an ISBN-10 with a wrong check digit', [['Đàn gà con', '', '604-0-12345-2', '', '', 'Sách']], 'ISBN', 'ISBN "604-0-12345-2" sai chữ số kiểm tra (chữ số cuối): hãy đối chiếu lại với sách.'],
    ['an unknown item type', [['Đàn gà con', '', '', '', '', 'Sách giáo khoa']], 'Loại tài liệu', 'Loại tài liệu "Sách giáo khoa" không có; dùng một trong: Sách, Sách điện tử, Truyện tranh, Tạp chí, Tài liệu tham khảo, Sách nói, Video.'],
    ['an item type missing', [['Đàn gà con']], 'Loại tài liệu', 'Thiếu loại tài liệu (Sách, Sách điện tử, Truyện tranh, Tạp chí, Tài liệu tham khảo, Sách nói, Video).'],
    ['a year that is not one', [['Đàn gà con', '', '', '', '20l9', 'Sách']], 'Năm xuất bản', 'Năm xuất bản "20l9" không hợp lệ: cần một năm từ 1900 đến 2100.'],
    ['an unknown access level', [['Đàn gà con', '', '', '', '', 'Sách', '', 'Bí mật']], 'Mức truy cập', 'Mức truy cập "Bí mật" không có; dùng một trong: Công khai, Phụ huynh, Nội bộ, Ban giám hiệu.'],
  ])('reports %s', async (_name, rows, column, message) => {
    const answer = await dryRun(small(`error-${column}.csv`, rows))
    expect(answer.errors).toEqual([{ line: 2, column, message }])
  })

  it('finds one book under its ISBN-10 and ISBN-13 as a duplicate within the file', async () => {
    const answer = await dryRun(small('isbn-10-13.csv', [['Đàn gà con', '', '978-604-0-12345-9', '', '', 'Sách'], ['Đàn gà con (tái bản)', '', '604-0-12345-1', '', '', 'Sách']]))
    expect(answer.errors).toEqual([{ line: 3, column: 'ISBN', message: 'ISBN "604-0-12345-1" trùng với dòng 2 của tệp.' }])
  })

  it('accepts the semicolons Excel separates with in a Vietnamese locale, and values by their keys or English labels', async () => {
    const answer = await dryRun(small('semicolons.csv', [['Đàn gà con; tái bản', 'Phạm Hổ', '', '', '2019', 'book', 'mau-giao-be | Kindergarten, oldest (5–6)', 'Parents', 'en']], { delimiter: ';' }))
    expect(answer).toMatchObject({ rows: 1, valid: 1, errors: [] })
  })

  it('refuses a level above the importer’s own', async () => {
    const answer = await dryRun(small('leadership.csv', [['Hồ sơ kiểm định', '', '', '', '', 'Tài liệu tham khảo', '', 'Ban giám hiệu']]), 'staff')
    expect(answer.errors.map((problem) => problem.message)).toEqual(['Mức truy cập "Ban giám hiệu" cao hơn mức bạn được xem, nên bạn không thể xếp tài liệu vào đó.'])
  })

  it('names unknown and missing columns before reading any row', async () => {
    const file = spreadsheetCsv(dir, 'columns.csv', [['Tên', 'Tác giả'], ['Đàn gà con', 'Phạm Hổ']])
    expect((await dryRun(file)).errors.map((problem) => problem.message)).toEqual([
      'Không biết cột "Tên". Các cột dùng được: Nhan đề, Tác giả, ISBN, Nhà xuất bản, Năm xuất bản, Loại tài liệu, Độ tuổi, Mức truy cập, Ngôn ngữ, Chủ đề, Tóm tắt nội dung, Giấy phép sử dụng.',
      'Thiếu cột "Nhan đề".',
      'Thiếu cột "Loại tài liệu".',
    ])
  })

  it.each([
    ['Windows-1258 (Excel’s plain CSV on a Vietnamese Windows)', () => windows1258(dir, 'cp1258.csv', small('cp1258-source.csv', [['Dế Mèn phiêu lưu ký', 'Tô Hoài', '', '', '', 'Sách']])), /không dùng bảng mã UTF-8 \(có thể là Windows-1258/],
    ['UTF-16 (Excel’s "Unicode Text")', () => small('utf16.csv', [['Dế Mèn phiêu lưu ký', 'Tô Hoài', '', '', '', 'Sách']], { encoding: 'utf-16' }), /bảng mã UTF-16/],
  ])('refuses a file in %s with the way to save it right', async (_name, file, message) => {
    const response = await send(file(), { query: '?dryRun=true' })
    expect(response.status).toBe(415)
    expect(((await response.json()) as { errors: Problem[] }).errors[0]!.message).toMatch(message)
  })
})

describe('the real run', () => {
  it('imports nothing from a file with an error, and says so', async () => {
    const rows = catalogueRows(50, 5000)
    rows[25]![5] = 'Sách cũ'
    const before = await count()
    const response = await send(spreadsheetCsv(dir, 'one-bad-row.csv', rows))
    expect(response.status).toBe(422)
    const answer = (await response.json()) as Answer
    expect(answer).toMatchObject({ imported: 0, rowsInError: 1, valid: 49 })
    expect(answer.message).toMatch(/^Tệp có 1 dòng lỗi nên chưa nhập tài liệu nào/)
    expect(await count()).toBe(before)
  })

  // 300 books, not 2,000: each takes 50–300 ms to create on this shared machine (hooks, version,
  // search, audit). The 2,000-book file goes through the dry run above.
  it('imports a clean catalogue of 300 books as drafts, streaming its progress, and a second run finds every ISBN already there', async () => {
    const file = spreadsheetCsv(dir, 'catalogue.csv', catalogueRows(300))
    const response = await send(file, { actor: 'staff' })
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    const lines = await linesOf(response)
    expect(lines.slice(0, -1)).toEqual([100, 200].map((imported) => ({ imported, of: 300 })))
    expect(lines.at(-1)).toMatchObject({ done: true, rows: 300, valid: 300, imported: 300, errors: [], status: 'draft' })

    const { docs } = await payload.find({ collection: 'library-items', where: { isbn: { equals: isbnOf(7) } }, draft: true, depth: 0 })
    expect(docs).toEqual([
      expect.objectContaining({
        title: 'Bé khám phá "Bản thân", tập 7',
        creators: ['Tô Hoài', 'Võ Quảng'],
        publisher: 'NXB Trẻ',
        year: 2007,
        itemType: 'ebook',
        ageGroups: ['mau-giao-lon', 'nha-tre'],
        accessLevel: 'public',
        language: 'vi',
        subjects: ['Bản thân'],
        description: 'Truyện kể cho bé về bản thân.\nCó tranh minh hoạ màu.',
        _status: 'draft',
      }),
    ])
    // Drafts: anonymous readers see none of them until a reviewer publishes.
    expect(((await (await rest(payload, `/library-items?where[isbn][equals]=${isbnOf(7)}`)).json()) as { totalDocs: number }).totalDocs).toBe(0)

    const again = await dryRun(file)
    expect(again.rowsInError).toBe(300)
    expect(again.errors[0]!.message).toMatch(/^ISBN "978-604-000001-\d" đã có trong thư viện: "Bé khám phá "Gia đình", tập 1" \(mã \d+\)\.$/)
  }, 300_000)

  it('publishes what it imports when asked by someone who may publish', async () => {
    const response = await send(small('published.csv', [['Đàn gà con', 'Phạm Hổ', '604-0-12345-1', 'NXB Kim Đồng', '2019', 'Truyện tranh', 'Nhà trẻ']]), { actor: 'reviewer', query: '?publish=true' })
    expect(response.status).toBe(201)
    const { ids } = (await linesOf(response)).at(-1) as Answer
    const read = (await (await rest(payload, `/library-items/${ids![0]}`)).json()) as { isbn: string; _status: string }
    expect(read).toMatchObject({ isbn: '6040123451', _status: 'published' })
  })
})

describe.each(actors.map((actor) => [actor]))('%s', (actor) => {
  const file = () => small(`access-${actor}.csv`, [['Gấu con chia quà', '', '', '', '', 'Sách']])
  const statusOf = { allowed: 200, forbidden: 403, unauthenticated: 401 } as const

  it('may run a catalogue import as the access table says', async () => {
    const dry = await send(file(), { actor, query: '?dryRun=true' })
    expect(dry.status).toBe(statusOf[importExportOutcome('import a catalogue as drafts', actor)])
  })

  it('may publish what it imports as the access table says', async () => {
    const before = await count()
    const outcome = importExportOutcome('import a catalogue published', actor)
    const response = await send(file(), { actor, query: '?dryRun=true&publish=true' })
    expect(response.status).toBe(statusOf[outcome])
    expect(await count()).toBe(before)
  })
})
