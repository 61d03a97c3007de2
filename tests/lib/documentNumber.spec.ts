import {
  DOCUMENT_TYPE_CODES,
  documentMatchKey,
  parseDocumentNumber,
  type ParsedDocumentNumber,
} from '../../src/lib/documentNumber.js'

const parsed = (input: string): ParsedDocumentNumber => {
  const result = parseDocumentNumber(input)
  if (result === null) throw new Error(`expected ${JSON.stringify(input)} to parse`)
  return result
}

describe('parseDocumentNumber', () => {
  describe('reads the forms cited in official documents', () => {
    it.each<{ input: string; expected: ParsedDocumentNumber }>([
      {
        input: '227/KH-UBND',
        expected: { number: 227, typeCode: 'KH', issuerCode: 'UBND', normalized: '227/KH-UBND' },
      },
      {
        input: '29/KH-UBND',
        expected: { number: 29, typeCode: 'KH', issuerCode: 'UBND', normalized: '29/KH-UBND' },
      },
      {
        input: '46/KH-UBND',
        expected: { number: 46, typeCode: 'KH', issuerCode: 'UBND', normalized: '46/KH-UBND' },
      },
      {
        input: '123/QĐ-SGDĐT-TCCB',
        expected: { number: 123, typeCode: 'QĐ', issuerCode: 'SGDĐT', unitCode: 'TCCB', normalized: '123/QĐ-SGDĐT-TCCB' },
      },
      {
        input: '554/SGDĐT-VP',
        expected: { number: 554, issuerCode: 'SGDĐT', unitCode: 'VP', normalized: '554/SGDĐT-VP' },
      },
      {
        input: '4725/QĐ-BGDĐT',
        expected: { number: 4725, typeCode: 'QĐ', issuerCode: 'BGDĐT', normalized: '4725/QĐ-BGDĐT' },
      },
      {
        input: '13/2023/NĐ-CP',
        expected: { number: 13, year: 2023, typeCode: 'NĐ', issuerCode: 'CP', normalized: '13/2023/NĐ-CP' },
      },
      {
        input: '30/2020/NĐ-CP',
        expected: { number: 30, year: 2020, typeCode: 'NĐ', issuerCode: 'CP', normalized: '30/2020/NĐ-CP' },
      },
      {
        input: '09/2024/TT-BGDĐT',
        expected: { number: 9, year: 2024, typeCode: 'TT', issuerCode: 'BGDĐT', normalized: '9/2024/TT-BGDĐT' },
      },
      {
        input: '91/2025/QH15',
        expected: { number: 91, year: 2025, issuerCode: 'QH15', normalized: '91/2025/QH15' },
      },
      {
        input: '80/2015/QH13',
        expected: { number: 80, year: 2015, issuerCode: 'QH13', normalized: '80/2015/QH13' },
      },
      {
        input: '18/2020/QĐ-TTg',
        expected: { number: 18, year: 2020, typeCode: 'QĐ', issuerCode: 'TTg', normalized: '18/2020/QĐ-TTg' },
      },
      {
        input: '06/2015/TTLT-BGDĐT-BNV',
        expected: {
          number: 6,
          year: 2015,
          typeCode: 'TTLT',
          issuerCode: 'BGDĐT',
          unitCode: 'BNV',
          normalized: '6/2015/TTLT-BGDĐT-BNV',
        },
      },
      {
        input: '12/2019/L-CTN',
        expected: { number: 12, year: 2019, typeCode: 'L', issuerCode: 'CTN', normalized: '12/2019/L-CTN' },
      },
      {
        input: '05/NQ-HĐND',
        expected: { number: 5, typeCode: 'NQ', issuerCode: 'HĐND', normalized: '5/NQ-HĐND' },
      },
      {
        input: '45/TTr-UBND',
        expected: { number: 45, typeCode: 'TTr', issuerCode: 'UBND', normalized: '45/TTr-UBND' },
      },
      {
        input: '1234/CĐ-TTg',
        expected: { number: 1234, typeCode: 'CĐ', issuerCode: 'TTg', normalized: '1234/CĐ-TTg' },
      },
      {
        input: '07/QyĐ-MNPL',
        expected: { number: 7, typeCode: 'QyĐ', issuerCode: 'MNPL', normalized: '7/QyĐ-MNPL' },
      },
      {
        input: '15/HD-PGDĐT',
        expected: { number: 15, typeCode: 'HD', issuerCode: 'PGDĐT', normalized: '15/HD-PGDĐT' },
      },
      {
        input: '03/ĐA-UBND',
        expected: { number: 3, typeCode: 'ĐA', issuerCode: 'UBND', normalized: '3/ĐA-UBND' },
      },
      {
        input: '12/CV-MNPL',
        expected: { number: 12, typeCode: 'CV', issuerCode: 'MNPL', normalized: '12/CV-MNPL' },
      },
      {
        input: '08/MNPL',
        expected: { number: 8, issuerCode: 'MNPL', normalized: '8/MNPL' },
      },
    ])('reads $input as $expected.normalized', ({ input, expected }) => {
      expect(parseDocumentNumber(input)).toStrictEqual(expected)
    })
  })

  describe('tolerates what real input does', () => {
    it.each([
      ['a leading "Số"', 'Số 227/KH-UBND', '227/KH-UBND'],
      ['a leading "số:" as in a document header', 'số: 227/KH-UBND', '227/KH-UBND'],
      ['a leading "So" without marks', 'So 227/KH-UBND', '227/KH-UBND'],
      ['a leading "SỐ" in capitals', 'SỐ 227/KH-UBND', '227/KH-UBND'],
      ['spaces around "/" and "-"', '227 / KH - UBND', '227/KH-UBND'],
      ['spaces around the whole number', '  554/SGDĐT-VP\t', '554/SGDĐT-VP'],
      ['lowercase', '227/kh-ubnd', '227/KH-UBND'],
      ['lowercase đ', '123/qđ-sgdđt-tccb', '123/QĐ-SGDĐT-TCCB'],
      ['Latin D for Đ in a công văn', '554/SGDDT-VP', '554/SGDĐT-VP'],
      ['Latin D for Đ in a type and an issuer', '4725/QD-BGDDT', '4725/QĐ-BGDĐT'],
      ['Latin D for Đ in a legal document', '13/2023/ND-CP', '13/2023/NĐ-CP'],
      ['Latin D for Đ in a lowercase unit form', '123/qd-sgddt-tccb', '123/QĐ-SGDĐT-TCCB'],
      ['look-alike Ð (U+00D0) for Đ', '4725/QÐ-BGDÐT', '4725/QĐ-BGDĐT'],
      ['look-alike ð (U+00F0) for đ', '13/2023/nð-cp', '13/2023/NĐ-CP'],
      ['decomposed (NFD) text', 'Số 123/QĐ-SGDĐT-TCCB'.normalize('NFD'), '123/QĐ-SGDĐT-TCCB'],
      ['an en dash from a word processor', '227/KH–UBND', '227/KH-UBND'],
      ['leading zeros', '0009/KH-UBND', '9/KH-UBND'],
      ['a mixed-case code typed in capitals', '45/TTR-UBND', '45/TTr-UBND'],
      ['the Prime Minister typed in capitals', '18/2020/QD-TTG', '18/2020/QĐ-TTg'],
      ['Latin D in QyĐ', '07/QYD-MNPL', '7/QyĐ-MNPL'],
      ['Latin D in HĐND', '05/NQ-HDND', '5/NQ-HĐND'],
      ['Latin D in công điện', '1234/cd-ttg', '1234/CĐ-TTg'],
    ])('accepts %s: %j reads as %j', (_quirk, input, normalized) => {
      const result = parsed(input)
      expect(result.normalized).toBe(normalized)
      expect(result).toStrictEqual(parsed(normalized))
    })

    it.each([
      ['HD', 'HD', 'hướng dẫn, not HĐ hợp đồng'],
      ['DA', 'DA', 'dự án, not ĐA đề án'],
      ['HĐ', 'HĐ', 'hợp đồng'],
      ['ĐA', 'ĐA', 'đề án'],
    ])('keeps %s as %s (%s) because both spellings are real codes', (written, typeCode) => {
      expect(parsed(`1/${written}-UBND`).typeCode).toBe(typeCode)
    })

    it('uppercases an unknown code without guessing an Đ', () => {
      expect(parsed('12/kh-ldld').normalized).toBe('12/KH-LDLD')
    })
  })

  describe('tells a type code from an issuer', () => {
    it.each(DOCUMENT_TYPE_CODES)('reads %s as the type when it opens the symbol', (code) => {
      expect(parsed(`1/${code}-UBND`)).toMatchObject({ typeCode: code, issuerCode: 'UBND' })
      expect(parsed(`1/${code.toLowerCase()}-ubnd`).typeCode).toBe(code)
    })

    it('lists each type code once', () => {
      expect(new Set(DOCUMENT_TYPE_CODES).size).toBe(DOCUMENT_TYPE_CODES.length)
    })

    it('reads an unknown first code as the issuer of a công văn', () => {
      expect(parsed('554/SGDĐT-VP')).not.toHaveProperty('typeCode')
    })
  })

  describe('rejects what is not a document number', () => {
    it.each([
      ['an empty string', ''],
      ['only spaces', '   '],
      ['only the word "số"', 'Số'],
      ['a number without a slash', '227'],
      ['a symbol without a number', 'KH-UBND'],
      ['a number without a symbol', '227/'],
      ['an empty number', '/KH-UBND'],
      ['a type with a dangling dash', '227/KH-'],
      ['a leading dash in the symbol', '227/-UBND'],
      ['a doubled dash', '227/KH--UBND'],
      ['a doubled slash', '227//KH-UBND'],
      ['a word for the number', 'abc/KH-UBND'],
      ['number 0', '0/KH-UBND'],
      ['number 00', '00/KH-UBND'],
      ['a negative number', '-5/KH-UBND'],
      ['a decimal number', '2.5/KH-UBND'],
      ['a number too large to be exact', '99999999999999999999/KH-UBND'],
      ['a type code without an issuer', '227/KH'],
      ['a legal type without an issuer', '13/2023/NĐ'],
      ['a year before 1945', '13/1944/NĐ-CP'],
      ['a year after 2100', '13/2101/NĐ-CP'],
      ['a two-digit year', '13/23/NĐ-CP'],
      ['a year without a symbol', '13/2023/'],
      ['too many slashes', '1/2/2023/KH-UBND'],
      ['too many codes after a type', '227/KH-UBND-VP-TCCB'],
      ['too many codes in a công văn', '554/SGDĐT-VP-TCCB'],
      ['a space inside the symbol', '227/KH UBND'],
      ['a citation with its date', '227/KH-UBND ngày 21/9/2020'],
      ['trailing punctuation', '227/KH-UBND.'],
      ['a code starting with a digit', '227/KH-1UBND'],
      ['a code with punctuation', '227/K&H-UBND'],
      ['a code with a vowel mark', '227/KH-ỦBND'],
      ['full-width digits', '２２７/KH-UBND'],
      ['"số" before a symbol with no number', 'Số /KH-UBND'],
    ])('rejects %s: %j', (_reason, input) => {
      expect(parseDocumentNumber(input)).toBeNull()
    })
  })
})

describe('documentMatchKey', () => {
  it.each([
    ['an administrative document with the issue year', '227/KH-UBND', 2020, '227|UBND|2020'],
    ['a công văn, leaving out its drafting unit', '554/SGDĐT-VP', 2022, '554|SGDDT|2022'],
    ['a ministry decision', '4725/QĐ-BGDĐT', 2022, '4725|BGDDT|2022'],
    ['a legal document, preferring the year in its symbol', '13/2023/NĐ-CP', 2024, '13|CP|2023'],
    ['a legal document without an issue year', '09/2024/TT-BGDĐT', undefined, '9|BGDDT|2024'],
    ['a law of the 15th National Assembly', '91/2025/QH15', undefined, '91|QH15|2025'],
    ['a Prime Minister decision', '18/2020/QĐ-TTg', undefined, '18|TTG|2020'],
    ['a document with no year at all', '227/KH-UBND', undefined, '227|UBND|'],
  ])('keys %s: %j → %j', (_form, input, issueYear, key) => {
    expect(documentMatchKey(parsed(input), issueYear)).toBe(key)
  })

  it.each([
    ['different types from one register', '227/KH-UBND', '227/QĐ-UBND'],
    ['different drafting units', '554/SGDĐT-VP', '554/SGDĐT-TCCB'],
    ['a leading zero and none', '09/2024/TT-BGDĐT', '9/2024/TT-BGDĐT'],
    ['Latin D and Đ in a known issuer', '554/SGDDT-VP', '554/SGDĐT-VP'],
    ['Latin D and Đ in an unknown issuer', '12/KH-LĐLĐ', '12/KH-LDLD'],
  ])('gives one key to %s: %j and %j', (_why, first, second) => {
    expect(documentMatchKey(parsed(first), 2024)).toBe(documentMatchKey(parsed(second), 2024))
  })

  it.each([
    ['numbers', '227/KH-UBND', 2020, '228/KH-UBND', 2020],
    ['issuers', '227/KH-UBND', 2020, '227/KH-SGDĐT', 2020],
    ['issue years, since numbers restart each year', '227/KH-UBND', 2020, '227/KH-UBND', 2021],
    ['years in the symbol', '13/2023/NĐ-CP', 2023, '13/2024/NĐ-CP', 2023],
  ])('tells documents apart by %s', (_what, first, firstYear, second, secondYear) => {
    expect(documentMatchKey(parsed(first), firstYear)).not.toBe(documentMatchKey(parsed(second), secondYear))
  })
})
