import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import { csvLine, type CsvRow, fromSafeCell } from './csv.js'

/** Columns every document has besides its fields. */
const systemColumns = ['id', 'createdAt', 'updatedAt', '_status'] as const

type Doc = Record<string, unknown>

/** Fields whose value is a scalar in a CSV cell; anything else is written as JSON. */
const scalarTypes = new Set(['checkbox', 'code', 'date', 'email', 'number', 'radio', 'select', 'text', 'textarea'])

const isScalar = (field: FlattenedField): boolean =>
  (scalarTypes.has(field.type) && !('hasMany' in field && field.hasMany)) ||
  ((field.type === 'relationship' || field.type === 'upload') && !field.hasMany && typeof field.relationTo === 'string')

/** The fields an export carries: every named field but joins, which are read from other documents. */
export const exportedFields = (collection: SanitizedCollectionConfig): FlattenedField[] =>
  collection.flattenedFields.filter((field) => field.type !== 'join' && !(systemColumns as readonly string[]).includes(field.name) && field.name !== 'deletedAt')

/** The CSV columns of a collection: a column per field, one per locale for localized fields (`title.vi`). */
export const csvColumns = (collection: SanitizedCollectionConfig, locales: string[]): string[] => [
  ...systemColumns.filter((name) => name !== '_status' || collection.versions?.drafts),
  ...exportedFields(collection)
    .filter((field) => field.name !== '_status')
    .flatMap((field) => (field.localized ? locales.map((locale) => `${field.name}.${locale}`) : [field.name])),
]

const cellOf = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/** One document (read with `locale: 'all'`) as a CSV line of the given columns. */
export const csvLineOf = (doc: Doc, columns: string[]): string =>
  csvLine(
    columns.map((column) => {
      const [name, locale] = column.split('.') as [string, string | undefined]
      const value = doc[name]
      return cellOf(locale ? (value as Record<string, unknown> | null | undefined)?.[locale] : value)
    }),
  )

/** A problem of an imported document, by its place in the file (a CSV line, or a position in the JSON list). */
export type DocumentProblem = { place: string; id?: number | string; message: string }

const idValue = (cell: string): number | string => (/^\d+$/.test(cell) ? Number(cell) : cell)

const valueOf = (field: FlattenedField, cell: string): unknown => {
  if (cell === '') return field.type === 'checkbox' ? false : null
  if (!isScalar(field)) return JSON.parse(cell)
  if (field.type === 'number') return Number(cell)
  if (field.type === 'checkbox') return cell === 'true'
  if (field.type === 'relationship' || field.type === 'upload') return idValue(cell)
  return cell
}

/**
 * Documents from the rows of a CSV export, in the shape `find` gives with `locale: 'all'`: a value
 * per locale for localized fields. A column the collection does not have is a problem of the file.
 */
export const documentsFromCsv = (collection: SanitizedCollectionConfig, rows: CsvRow[], locales: string[]): { docs: Array<{ doc: Doc; place: string }>; problems: DocumentProblem[] } => {
  const [header, ...body] = rows
  const problems: DocumentProblem[] = []
  if (!header) return { docs: [], problems: [{ place: 'dòng 1', message: 'Tệp trống.' }] }
  const fields = new Map(exportedFields(collection).map((field) => [field.name, field]))
  const known = new Set(csvColumns(collection, locales))
  for (const column of header.cells) if (!known.has(column)) problems.push({ place: 'dòng 1', message: `Không biết cột "${column}" của ${collection.slug}.` })
  if (!header.cells.includes('id')) problems.push({ place: 'dòng 1', message: 'Thiếu cột "id".' })
  if (problems.length > 0) return { docs: [], problems }
  const docs = body.map(({ cells, line }) => {
    const doc: Doc = {}
    const place = `dòng ${line}`
    header.cells.forEach((column, i) => {
      const cell = fromSafeCell(cells[i] ?? '')
      const [name, locale] = column.split('.') as [string, string | undefined]
      const field = fields.get(name)
      try {
        const value = name === 'id' ? idValue(cell) : field ? valueOf(field, cell) : cell === '' ? null : cell
        // An empty cell of a locale is a translation nobody wrote, not a value to write.
        if (locale) doc[name] = { ...(doc[name] as Doc | undefined), ...(cell === '' ? {} : { [locale]: value }) }
        else doc[name] = value
      } catch {
        problems.push({ place, message: `Ô "${column}" không phải JSON hợp lệ.` })
      }
    })
    return { doc, place }
  })
  return { docs, problems }
}
