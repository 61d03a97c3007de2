/**
 * Catalogue files as people's programs write them. Python's `csv` module with its `excel`
 * dialect and the `utf-8-sig` codec writes what Excel's "CSV UTF-8 (Comma delimited)" does:
 * a byte-order mark, CRLF line ends, and quotes only around cells that need them. `iconv` makes
 * the Windows-1258 file Excel's plain "CSV" gives on a Vietnamese Windows.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const writer = `
import csv, json, sys
rows = json.load(sys.stdin)
with open(sys.argv[1], 'w', encoding=sys.argv[2], newline='') as out:
    csv.writer(out, dialect='excel', delimiter=sys.argv[3]).writerows(rows)
`

/** Writes rows (the first one the headings) as a spreadsheet would, and returns the file's bytes. */
export const spreadsheetCsv = (dir: string, name: string, rows: string[][], { delimiter = ',', encoding = 'utf-8-sig' } = {}): Buffer => {
  const file = path.join(dir, name)
  execFileSync('python3', ['-c', writer, file, encoding, delimiter], { input: JSON.stringify(rows) })
  return readFileSync(file)
}

/** The same text in Windows-1258, converted by iconv. */
export const windows1258 = (dir: string, name: string, utf8: Buffer): Buffer => {
  const source = path.join(dir, `${name}.utf8`)
  writeFileSync(source, utf8.subarray(utf8[0] === 0xef ? 3 : 0))
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1258', source])
}

const isbn13 = (first12: string): string => {
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0)
  return first12 + String((10 - (sum % 10)) % 10)
}

export const headings = ['Nhan đề', 'Tác giả', 'ISBN', 'Nhà xuất bản', 'Năm xuất bản', 'Loại tài liệu', 'Độ tuổi', 'Mức truy cập', 'Ngôn ngữ', 'Chủ đề', 'Tóm tắt nội dung']

const subjects = ['Động vật', 'Gia đình', 'Giao thông', 'Cây xanh', 'Tết Trung thu', 'Bốn mùa', 'Nghề nghiệp', 'Bản thân']
const publishers = ['NXB Giáo dục Việt Nam', 'NXB Kim Đồng', 'NXB Trẻ', 'NXB Phụ nữ Việt Nam', 'NXB Đại học Sư phạm']
const authors = ['Tô Hoài', 'Nguyễn Nhật Ánh', 'Phạm Hổ', 'Võ Quảng', 'Trần Đăng Khoa', 'Xuân Quỳnh', 'Nguyễn Thị Hoa']
const ages = ['Nhà trẻ', 'Mẫu giáo bé', 'Mẫu giáo nhỡ', 'Mẫu giáo lớn']
const types = ['Sách', 'Truyện tranh', 'Sách điện tử', 'Tạp chí', 'Sách nói']

/** The ISBN-13 of the n-th book of the catalogue (prefix 978-604, Vietnam's). */
export const isbnOf = (n: number): string => isbn13(`978604${String(n).padStart(6, '0')}`)

/**
 * A school library's catalogue of `count` books: titles with marks, quotes and commas (which
 * spreadsheets quote), several authors and age groups in one cell, hyphenated ISBNs.
 */
export const catalogueRows = (count: number, first = 1): string[][] => {
  const rows = [headings]
  for (let n = first; n < first + count; n++) {
    const isbn = isbnOf(n)
    rows.push([
      `Bé khám phá "${subjects[n % subjects.length]}", tập ${n}`,
      [authors[n % authors.length], authors[(n + 3) % authors.length]].join('; '),
      `${isbn.slice(0, 3)}-${isbn.slice(3, 6)}-${isbn.slice(6, 12)}-${isbn.slice(12)}`,
      publishers[n % publishers.length]!,
      String(2000 + (n % 25)),
      types[n % types.length]!,
      [ages[n % ages.length], ages[(n + 1) % ages.length]].join('; '),
      n % 10 === 0 ? 'Phụ huynh' : 'Công khai',
      'Tiếng Việt',
      subjects[n % subjects.length]!,
      n % 7 === 0 ? `Truyện kể cho bé về ${subjects[n % subjects.length]!.toLowerCase()}.\nCó tranh minh hoạ màu.` : '',
    ])
  }
  return rows
}
