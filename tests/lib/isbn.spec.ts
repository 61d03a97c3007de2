import { isbn10To13, isValidIsbn, normalizeIsbn } from '../../src/lib/isbn.js'

describe('normalizeIsbn', () => {
  it.each([
    ['hyphens of a Vietnamese ISBN-13', '978-604-0-12345-9', '9786040123459'],
    ['spaces', '978 604 0 12345 9', '9786040123459'],
    ['an en dash from a word processor', '978–604–0–12345–9', '9786040123459'],
    ['an "ISBN" label', 'ISBN 978-604-0-12345-9', '9786040123459'],
    ['an "ISBN-13:" label', 'ISBN-13: 978-604-0-12345-9', '9786040123459'],
    ['an "isbn-10" label in lowercase', 'isbn-10 604-0-12345-1', '6040123451'],
    ['a lowercase check digit x', '0-8044-2957-x', '080442957X'],
    ['nothing from a compact ISBN-10', '6040123451', '6040123451'],
  ])('strips %s: %j → %j', (_what, input, expected) => {
    expect(normalizeIsbn(input)).toBe(expected)
  })

  it('keeps an ISBN-10 that starts with 10 when the label is glued on', () => {
    expect(normalizeIsbn('ISBN1034567890')).toBe('1034567890')
  })

  it('checks only the shape, not the check digit', () => {
    expect(normalizeIsbn('978-604-0-12345-8')).toBe('9786040123458')
  })

  it.each([
    ['an empty string', ''],
    ['nine digits', '604012345'],
    ['eleven digits', '60401234512'],
    ['twelve digits', '978604012345'],
    ['fourteen digits', '97860401234590'],
    ['X inside an ISBN-10', '60401X3451'],
    ['X at the end of an ISBN-13', '978604012345X'],
    ['a letter other than X', '604012345A'],
    ['other punctuation', '978.604.0.12345.9'],
    ['a label without a number', 'ISBN'],
  ])('rejects %s: %j', (_what, input) => {
    expect(normalizeIsbn(input)).toBeNull()
  })
})

describe('isValidIsbn', () => {
  it.each([
    ['a Vietnamese ISBN-13 (978-604)', '978-604-0-12345-9'],
    ['another Vietnamese ISBN-13', '978-604-55-1234-0'],
    ['a Vietnamese ISBN-13 whose check digit is 0', '9786045512340'],
    ['a 979 ISBN-13', '979-10-90636-07-1'],
    ['a Vietnamese ISBN-10', '604-0-12345-1'],
    ['a Vietnamese ISBN-10 with check digit X', '604-0-10001-X'],
    ['an ISBN-10 with check digit X', '0-8044-2957-X'],
    ['an ISBN-10 with lowercase x', '0-07-462542-x'],
    ['a labelled ISBN-13', 'ISBN 978-604-0-00000-2'],
  ])('accepts %s: %j', (_what, input) => {
    expect(isValidIsbn(input)).toBe(true)
  })

  it.each([
    ['an ISBN-13 with a wrong check digit', '978-604-0-12345-8'],
    ['a 979 ISBN-13 with a wrong check digit', '979-10-90636-07-0'],
    ['an ISBN-10 with a wrong check digit', '604-0-12345-9'],
    ['an ISBN-10 with 0 where X belongs', '604-0-10001-0'],
    ['an ISBN-10 with a digit where X belongs', '0-8044-2957-0'],
    ['a product EAN-13 outside the book trade', '4006381333931'],
    ['an ISSN-based EAN-13 (977)', '9770000000003'],
    ['a malformed string', 'not an isbn'],
    ['an empty string', ''],
  ])('rejects %s: %j', (_what, input) => {
    expect(isValidIsbn(input)).toBe(false)
  })
})

describe('isbn10To13', () => {
  it.each([
    ['604-0-12345-1', '9786040123459'],
    ['6045512340', '9786045512340'],
    ['604-0-10001-X', '9786040100016'],
    ['0-8044-2957-X', '9780804429573'],
    ['ISBN 0-07-462542-X', '9780074625422'],
  ])('converts %j to %j', (isbn10, isbn13) => {
    expect(isbn10To13(isbn10)).toBe(isbn13)
    expect(isValidIsbn(isbn13)).toBe(true)
  })

  it.each([
    ['an ISBN-10 with a wrong check digit', '604-0-12345-9'],
    ['an ISBN-13, which has no ISBN-10 to convert from', '978-604-0-12345-9'],
    ['a malformed string', '604-0-12345'],
  ])('returns null for %s: %j', (_what, input) => {
    expect(isbn10To13(input)).toBeNull()
  })
})
