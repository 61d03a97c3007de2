import type { RoleBearer } from '../../../access/accessLevels.js'
import type { LibraryItem } from '../../../payload-types.js'

import { canSeeLevel } from '../../../access/accessLevels.js'
import { isbn10To13, isValidIsbn, normalizeIsbn } from '../../../lib/isbn.js'
import { type CsvRow, fromSafeCell, parseCsv, UnclosedQuoteError } from '../csv.js'
import {
  acceptedLabels,
  type CatalogueField,
  catalogueColumns,
  fieldOfHeading,
  readAccessLevel,
  readAgeGroup,
  readItemType,
  readLanguage,
  splitList,
} from './columns.js'

/** What a valid row creates: a library item without the fields the catalogue file never fills. */
export type CatalogueItem = Pick<LibraryItem, 'accessLevel' | 'itemType' | 'title'> &
  Partial<Pick<LibraryItem, 'ageGroups' | 'creators' | 'description' | 'isbn' | 'language' | 'licence' | 'publisher' | 'subjects' | 'year'>>

/** One problem, on the line of the file where the row starts (the header is line 1). */
export type CatalogueProblem = { line: number; column?: string; message: string }

export type CatalogueRow = { line: number; item: CatalogueItem }

/** `total`: the data rows of the file, valid or not. */
export type ReadCatalogue = { rows: CatalogueRow[]; problems: CatalogueProblem[]; total: number }

/** The comparable form of an ISBN: ISBN-10s as their ISBN-13, so both spellings of one book match. */
export const isbnKey = (isbn: string): string => (isbn.length === 10 ? (isbn10To13(isbn) ?? isbn) : isbn)

const headingOf = Object.fromEntries(catalogueColumns.map((column) => [column.field, column.heading])) as Record<CatalogueField, string>

/**
 * Reads the rows of a catalogue file into library items and lists, in Vietnamese, every problem of
 * every row: a row with several problems has several entries. Nothing is looked up in the
 * database: `findExisting` answers which ISBNs the catalogue already holds.
 */
export const readCatalogue = async (
  text: string,
  user: RoleBearer,
  findExisting: (isbnKeys: string[]) => Promise<Map<string, { id: number | string; title: string }>>,
): Promise<ReadCatalogue> => {
  let parsed: CsvRow[]
  try {
    parsed = parseCsv(text)
  } catch (error) {
    if (!(error instanceof UnclosedQuoteError)) throw error
    return { rows: [], total: 0, problems: [{ line: error.line, message: 'Dấu ngoặc kép (") mở ở dòng này không được đóng lại, nên phần còn lại của tệp không đọc được.' }] }
  }
  const [header, ...body] = parsed
  if (!header) return { rows: [], total: 0, problems: [{ line: 1, message: 'Tệp trống: cần một dòng tiêu đề cột và ít nhất một dòng dữ liệu.' }] }
  const fields = header.cells.map((cell) => fieldOfHeading(cell.trim()))
  const headerProblems: CatalogueProblem[] = []
  header.cells.forEach((cell, i) => {
    if (cell.trim() === '') headerProblems.push({ line: 1, message: `Cột thứ ${i + 1} không có tiêu đề.` })
    else if (!fields[i]) headerProblems.push({ line: 1, column: cell, message: `Không biết cột "${cell.trim()}". Các cột dùng được: ${catalogueColumns.map((column) => column.heading).join(', ')}.` })
  })
  for (const field of new Set(fields.filter((each): each is CatalogueField => Boolean(each)))) {
    if (fields.filter((each) => each === field).length > 1) headerProblems.push({ line: 1, column: headingOf[field], message: `Cột "${headingOf[field]}" xuất hiện nhiều lần.` })
  }
  for (const required of ['title', 'itemType'] as const) {
    if (!fields.includes(required)) headerProblems.push({ line: 1, column: headingOf[required], message: `Thiếu cột "${headingOf[required]}".` })
  }
  if (headerProblems.length > 0) return { rows: [], total: body.length, problems: headerProblems }
  if (body.length === 0) return { rows: [], total: 0, problems: [{ line: 1, message: 'Tệp chỉ có dòng tiêu đề, không có tài liệu nào.' }] }

  const problems: CatalogueProblem[] = []
  const rows: CatalogueRow[] = []
  const firstLineOfIsbn = new Map<string, number>()
  const isbnOfLine = new Map<number, { key: string; shown: string }>()
  for (const { cells, line } of body) {
    const problem = (field: CatalogueField | undefined, message: string) => problems.push({ line, ...(field ? { column: headingOf[field] } : {}), message })
    if (cells.length > header.cells.length && cells.slice(header.cells.length).some((cell) => cell.trim() !== '')) {
      problem(undefined, `Dòng có ${cells.length} ô, nhiều hơn ${header.cells.length} cột tiêu đề: có thể một ô chứa dấu phân cách mà không nằm trong ngoặc kép.`)
      continue
    }
    const cell = (field: CatalogueField): string => {
      const i = fields.indexOf(field)
      return i < 0 ? '' : fromSafeCell((cells[i] ?? '').trim())
    }
    const item: Partial<CatalogueItem> = {}
    const before = problems.length

    const title = cell('title')
    if (title) item.title = title
    else problem('title', 'Thiếu nhan đề.')

    const itemType = cell('itemType')
    if (!itemType) problem('itemType', `Thiếu loại tài liệu (${acceptedLabels.itemType}).`)
    else {
      const value = readItemType(itemType)
      if (value) item.itemType = value as CatalogueItem['itemType']
      else problem('itemType', `Loại tài liệu "${itemType}" không có; dùng một trong: ${acceptedLabels.itemType}.`)
    }

    const isbn = cell('isbn')
    if (isbn) {
      const normal = normalizeIsbn(isbn)
      if (normal === null) problem('isbn', `ISBN "${isbn}" không đúng dạng: cần 10 hoặc 13 chữ số (ISBN-10 có thể kết thúc bằng X).`)
      else if (!isValidIsbn(normal)) problem('isbn', `ISBN "${isbn}" sai chữ số kiểm tra (chữ số cuối): hãy đối chiếu lại với sách.`)
      else {
        const key = isbnKey(normal)
        const first = firstLineOfIsbn.get(key)
        if (first !== undefined) problem('isbn', `ISBN "${isbn}" trùng với dòng ${first} của tệp.`)
        else {
          firstLineOfIsbn.set(key, line)
          isbnOfLine.set(line, { key, shown: isbn })
        }
        item.isbn = normal
      }
    }

    const year = cell('year')
    if (year) {
      const value = Number(year)
      if (Number.isInteger(value) && value >= 1900 && value <= 2100) item.year = value
      else problem('year', `Năm xuất bản "${year}" không hợp lệ: cần một năm từ 1900 đến 2100.`)
    }

    const ageGroups: string[] = []
    for (const name of splitList(cell('ageGroups'))) {
      const value = readAgeGroup(name)
      if (value) ageGroups.push(value)
      else problem('ageGroups', `Độ tuổi "${name}" không có; dùng một trong: ${acceptedLabels.ageGroups}.`)
    }
    if (ageGroups.length > 0) item.ageGroups = [...new Set(ageGroups)] as CatalogueItem['ageGroups']

    const level = cell('accessLevel')
    if (level) {
      const value = readAccessLevel(level)
      if (!value) problem('accessLevel', `Mức truy cập "${level}" không có; dùng một trong: ${acceptedLabels.accessLevel}.`)
      else if (!canSeeLevel(user, value)) problem('accessLevel', `Mức truy cập "${level}" cao hơn mức bạn được xem, nên bạn không thể xếp tài liệu vào đó.`)
      else item.accessLevel = value
    } else item.accessLevel = 'public'

    const language = cell('language')
    if (language) {
      const value = readLanguage(language)
      if (value) item.language = value as CatalogueItem['language']
      else problem('language', `Ngôn ngữ "${language}" không có; dùng một trong: ${acceptedLabels.language}.`)
    }

    for (const field of ['creators', 'subjects'] as const) {
      const values = splitList(cell(field))
      if (values.length > 0) item[field] = values
    }
    for (const field of ['publisher', 'description', 'licence'] as const) {
      const value = cell(field)
      if (value) item[field] = value
    }
    if (problems.length === before) rows.push({ line, item: item as CatalogueItem })
  }

  const catalogued = new Set<number>()
  if (isbnOfLine.size > 0) {
    const existing = await findExisting([...new Set([...isbnOfLine.values()].map((each) => each.key))])
    for (const [line, { key, shown }] of isbnOfLine) {
      const found = existing.get(key)
      if (!found) continue
      problems.push({ line, column: headingOf.isbn, message: `ISBN "${shown}" đã có trong thư viện: "${found.title}" (mã ${found.id}).` })
      catalogued.add(line)
    }
  }
  problems.sort((a, b) => a.line - b.line)
  return { rows: rows.filter((row) => !catalogued.has(row.line)), problems, total: body.length }
}
