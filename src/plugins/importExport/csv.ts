/**
 * CSV as spreadsheets write and read it (RFC 4180): cells quoted when they hold the delimiter, a
 * quote or a line break, quotes doubled, rows ended by CRLF. Excel in a Vietnamese locale, where
 * the comma is the decimal mark, separates with semicolons; the delimiter is read from the header.
 */

export type CsvDelimiter = ',' | ';' | '\t'

/** A parsed row with the line of the file it starts on (1 is the header), for messages. */
export type CsvRow = { cells: string[]; line: number }

/** The delimiter of a file: the one of `,` `;` tab that occurs most in its header outside quotes. */
export const detectDelimiter = (text: string): CsvDelimiter => {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char in counts) counts[char as CsvDelimiter] += 1
  }
  return (Object.entries(counts) as Array<[CsvDelimiter, number]>).reduce((best, each) => (each[1] > best[1] ? each : best))[0]
}

/** Thrown for a quote left open at the end of the file: the rest of the file would be one cell. */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote from line ${line}`)
  }
}

/** Splits a whole file into rows of cells. Rows whose cells are all empty are left out. */
export const parseCsv = (text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvRow[] => {
  const rows: CsvRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  let quoteLine = 1
  const endRow = () => {
    cells.push(cell)
    if (cells.some((each) => each.trim() !== '')) rows.push({ cells, line: rowLine })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        cell += char
      }
    } else if (char === '"') {
      quoted = true
      quoteLine = line
    } else if (char === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else cell += char
  }
  if (quoted) throw new UnclosedQuoteError(quoteLine)
  if (cell !== '' || cells.length > 0) endRow()
  return rows
}

/**
 * A cell a spreadsheet would read as a formula (a title typed as `=HYPERLINK(…)`) is written after
 * an apostrophe, which spreadsheets show as plain text. Text that already starts with apostrophes
 * before such a sign gets one more, so that {@link fromSafeCell} gives back exactly what was written.
 */
const formulaLike = /^'*[=+\-@\t\r]/

export const toSafeCell = (text: string): string => (formulaLike.test(text) ? `'${text}` : text)

export const fromSafeCell = (text: string): string => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

/** One CSV line (without its CRLF) of the given cells, made safe from formulas. */
export const csvLine = (cells: ReadonlyArray<string>, delimiter: CsvDelimiter = ','): string =>
  cells
    .map((value) => {
      const safe = toSafeCell(value)
      return safe.includes(delimiter) || /["\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
    })
    .join(delimiter)
