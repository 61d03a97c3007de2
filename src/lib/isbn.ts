// Catalogue records and book imprints write "ISBN 978-604-…" or "ISBN-13: …", and Word turns
// hyphens into dashes, so the prefix and every dash are dropped along with the spaces.
const LABEL = /^\s*ISBN(?:-?1[03](?=\D))?\s*:?/i
const SEPARATORS = /[\s\-\u2010-\u2014\u2212]/g

const ISBN10_SHAPE = /^\d{9}[\dX]$/
const ISBN13_SHAPE = /^\d{13}$/
const BOOK_TRADE_PREFIX = /^97[89]/

/**
 * Strips an "ISBN" label, spaces and hyphens, and uppercases the "x" check digit.
 * Only the shape is checked here; {@link isValidIsbn} checks the check digit.
 *
 * @example normalizeIsbn('ISBN 978-604-0-12345-9') // "9786040123459"
 * @returns ten or thirteen characters, or `null` when the input has neither shape.
 */
export function normalizeIsbn(input: string): string | null {
  const compact = input.replace(LABEL, '').replace(SEPARATORS, '').toUpperCase()
  return ISBN10_SHAPE.test(compact) || ISBN13_SHAPE.test(compact) ? compact : null
}

const isbn10CheckDigit = (first9: string): string => {
  const sum = [...first9].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

const isbn13CheckDigit = (first12: string): string => {
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0)
  return String((10 - (sum % 10)) % 10)
}

/**
 * Checks an ISBN-10 (weighted sum mod 11, "X" standing for 10) or an ISBN-13 (alternating
 * 1/3 weights mod 10, with the 978 or 979 prefix of the book trade).
 */
export function isValidIsbn(input: string): boolean {
  const isbn = normalizeIsbn(input)
  if (isbn === null) return false
  if (isbn.length === 10) return isbn10CheckDigit(isbn.slice(0, 9)) === isbn[9]
  return BOOK_TRADE_PREFIX.test(isbn) && isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12]
}

/**
 * Converts a valid ISBN-10 to its ISBN-13: prefix 978 and a new check digit.
 *
 * @example isbn10To13('604-0-12345-1') // "9786040123459"
 * @returns the ISBN-13 without hyphens, or `null` unless the input is a valid ISBN-10.
 */
export function isbn10To13(input: string): string | null {
  const isbn = normalizeIsbn(input)
  if (isbn === null || isbn.length !== 10 || !isValidIsbn(isbn)) return null
  const first12 = `978${isbn.slice(0, 9)}`
  return first12 + isbn13CheckDigit(first12)
}

/**
 * Converts an ISBN-13 of the 978 prefix to its ISBN-10 (979 ISBNs have none).
 *
 * @example isbn13To10('9786040123459') // "6040123451"
 * @returns the ISBN-10 without hyphens, or `null` when there is none.
 */
export function isbn13To10(input: string): string | null {
  const isbn = normalizeIsbn(input)
  if (isbn === null || isbn.length !== 13 || !isbn.startsWith('978') || !isValidIsbn(isbn)) return null
  const first9 = isbn.slice(3, 12)
  return first9 + isbn10CheckDigit(first9)
}
