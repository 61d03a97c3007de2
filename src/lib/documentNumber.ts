/**
 * The parts of a Vietnamese official document number ("số, ký hiệu"), such as
 * `227/KH-UBND`, `554/SGDĐT-VP` or `13/2023/NĐ-CP`.
 */
export type ParsedDocumentNumber = {
  /** The registration number, without leading zeros ("09" → 9). */
  number: number
  /** The year written into the symbol; only legal normative documents carry one. */
  year?: number
  /** The document type (KH, QĐ, NĐ, TT…); absent for a công văn and for a law (`91/2025/QH15`). */
  typeCode?: string
  /** The issuing body (UBND, SGDĐT, CP, QH15…). */
  issuerCode: string
  /** The segment after the issuer: the drafting unit (`554/SGDĐT-VP`), or the co-issuer of a joint document (`TTLT-BGDĐT-BNV`). */
  unitCode?: string
  /** The canonical form for matching and search: official spelling of known codes, otherwise uppercase; no spaces, no leading zeros. */
  normalized: string
}

/**
 * Type codes that may open the symbol. An unknown first segment is read as the issuer instead,
 * which is how `554/SGDĐT-VP` (a công văn) is told apart from `227/KH-UBND`.
 */
export const DOCUMENT_TYPE_CODES = [
  // Administrative documents: Decree 30/2020/NĐ-CP, Appendix III.
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB',
  'TTr', 'HĐ', 'CĐ', 'GN', 'TTh', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB',
  // Legal normative documents (Law 80/2015/QH13): decree, circular, joint circular and
  // resolution, and the President's order (L-CTN). A law has no type code: `91/2025/QH15`.
  'NĐ', 'TT', 'TTLT', 'NQLT', 'L',
  // Not in Appendix III (a công văn has no type code), but older and informal letters still
  // write `12/CV-UBND`; without it "CV" would be taken for the issuer.
  'CV',
] as const

/**
 * Issuer codes whose official spelling cannot be recovered by uppercasing: they contain Đ
 * (often typed as D) or lowercase letters.
 */
const ISSUER_CODES = ['SGDĐT', 'PGDĐT', 'BGDĐT', 'HĐND', 'BCĐ', 'TTg']

const TYPE_CODES: ReadonlySet<string> = new Set(DOCUMENT_TYPE_CODES)

const foldD = (code: string): string => code.replace(/Đ/g, 'D')

const KNOWN_BY_UPPERCASE = new Map<string, string>()
/** `null` marks a folded spelling shared by two codes (HD/HĐ, DA/ĐA), which stays as written. */
const KNOWN_BY_FOLDED = new Map<string, string | null>()
for (const code of [...DOCUMENT_TYPE_CODES, ...ISSUER_CODES]) {
  const upper = code.toUpperCase()
  KNOWN_BY_UPPERCASE.set(upper, code)
  const folded = foldD(upper)
  KNOWN_BY_FOLDED.set(folded, KNOWN_BY_FOLDED.has(folded) ? null : code)
}

/**
 * Restores the official spelling of a known code ("QD" → "QĐ", "TTR" → "TTr"). A code that is
 * known exactly as written wins, so "HD" stays hướng dẫn rather than becoming HĐ (hợp đồng).
 */
const canonicalCode = (upper: string): string =>
  KNOWN_BY_UPPERCASE.get(upper) ?? KNOWN_BY_FOLDED.get(foldD(upper)) ?? upper

// Word turns "-" into dashes, and "Ð" (U+00D0, Icelandic eth) looks exactly like "Đ".
const DASHES = /[\u2010-\u2014\u2212]/g
const ETH = /[\u00D0\u00F0]/g
const LEADING_SO = /^(?:số|so)\s*:?\s*(?=\d)/iu
const CODE = /^[A-ZĐ][A-ZĐ0-9]*$/

// The state's first documents date from 1945; anything past 2100 is a typing slip.
const MIN_YEAR = 1945
const MAX_YEAR = 2100

/**
 * Parses a document number as people actually type it: a leading "số"/"Số:", spaces around
 * "/" and "-", lowercase, decomposed (NFD) text, "D" or "Ð" for "Đ", leading zeros.
 *
 * The first code is read as the type when it is one of {@link DOCUMENT_TYPE_CODES}, otherwise as
 * the issuer (a công văn such as `554/SGDĐT-VP`). A lone code is the issuer, so `91/2025/QH15`
 * parses as issuer QH15 with no type, while `227/KH` (a type without an issuer) is rejected.
 *
 * @returns the parts and the normalised form, or `null` when the input is not a document number.
 */
export function parseDocumentNumber(input: string): ParsedDocumentNumber | null {
  const text = input
    .normalize('NFC')
    .replace(ETH, 'Đ')
    .replace(DASHES, '-')
    .trim()
    .replace(LEADING_SO, '')
    .replace(/\s*([/-])\s*/g, '$1')
    .toUpperCase()
  if (/\s/.test(text)) return null

  const parts = text.split('/')
  if (parts.length < 2 || parts.length > 3) return null
  const numberPart = parts[0]
  const codesPart = parts[parts.length - 1]
  const yearPart = parts.length === 3 ? parts[1] : undefined

  if (!/^\d+$/.test(numberPart)) return null
  const number = Number(numberPart)
  if (number === 0 || !Number.isSafeInteger(number)) return null

  let year: number | undefined
  if (yearPart !== undefined) {
    if (!/^\d{4}$/.test(yearPart)) return null
    year = Number(yearPart)
    if (year < MIN_YEAR || year > MAX_YEAR) return null
  }

  const rawCodes = codesPart.split('-')
  if (!rawCodes.every((code) => CODE.test(code))) return null
  const codes = rawCodes.map(canonicalCode)

  const typeCode = TYPE_CODES.has(codes[0]) ? codes[0] : undefined
  const [issuerCode, unitCode, ...rest] = typeCode ? codes.slice(1) : codes
  if (issuerCode === undefined || rest.length > 0) return null

  const normalized = [String(number), ...(year === undefined ? [] : [String(year)]), codes.join('-')].join('/')
  return {
    number,
    ...(year === undefined ? {} : { year }),
    ...(typeCode === undefined ? {} : { typeCode }),
    issuerCode,
    ...(unitCode === undefined ? {} : { unitCode }),
    normalized,
  }
}

/**
 * The key for the duplicate rule "same number + issuer + year": numbers restart every calendar
 * year, and under Decree 30/2020/NĐ-CP one register covers all of a body's administrative
 * documents, so the type code is left out. Legal normative documents are numbered in series of
 * their own, so `15/2023/QĐ-UBND` and an administrative `15/QĐ-UBND` of 2023 share a key.
 *
 * The year written in the symbol wins over `issueYear`. The issuer is uppercased with Đ folded to
 * D so that an unknown code typed with "D" still meets its "Đ" spelling. Without any year the
 * last field is empty, so two undated entries with the same number and issuer still match.
 *
 * @example documentMatchKey(parseDocumentNumber('227/KH-UBND')!, 2020) // "227|UBND|2020"
 */
export function documentMatchKey(parsed: ParsedDocumentNumber, issueYear?: number): string {
  const year = parsed.year ?? issueYear
  return [parsed.number, foldD(parsed.issuerCode.toUpperCase()), year ?? ''].join('|')
}
