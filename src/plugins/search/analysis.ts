/**
 * How Vietnamese text and queries are cut into terms, for the embedded engine. (Meilisearch folds
 * marks itself; its adapter handles tones and abbreviations in its own settings.)
 */
import type { ParsedQuery } from './query.js'

import { parseDocumentNumber } from '../../lib/documentNumber.js'
import { foldVietnamese } from '../../lib/vietnamese.js'

/** Syllables and numbers; "227/KH-UBND" splits into 227, kh, ubnd. */
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu

export const tokenize = (text: string): string[] => text.normalize('NFC').match(wordPattern) ?? []

/** Lowercase with tones kept, for exact-tone matches ("bác" is not "bạc"). */
export const exactTerm = (term: string): string => term.normalize('NFC').toLowerCase()

/** Lowercase without tones or marks, so "hoc lieu" matches "học liệu". */
export const foldedTerm = (term: string): string => foldVietnamese(term)

/**
 * School abbreviations and their expansions, both ways, folded. A query term found here also
 * searches for its expansion (and an expansion for its abbreviation).
 */
const abbreviations: Record<string, string> = {
  bgddt: 'bo giao duc va dao tao',
  cbgvnv: 'can bo giao vien nhan vien',
  cntt: 'cong nghe thong tin',
  gddt: 'giao duc va dao tao',
  gv: 'giao vien',
  kh: 'ke hoach',
  mg: 'mau giao',
  mn: 'mam non',
  pgddt: 'phong giao duc va dao tao',
  ph: 'phu huynh',
  qd: 'quyet dinh',
  sgddt: 'so giao duc va dao tao',
  ubnd: 'uy ban nhan dan',
}

export type QueryVariant = {
  documentNumber?: string
  /** A rewritten variant (abbreviation expanded or contracted) matches whole words only. */
  literal?: boolean
  terms: string[]
}

/**
 * The ways the words a query asks for may be meant: as typed, with abbreviations expanded or
 * contracted, and as an official document number when the query reads as one.
 */
export const queryVariants = (query: ParsedQuery, terms: string[]): QueryVariant[] => {
  const folded = terms.map(foldedTerm)
  const variants: QueryVariant[] = [{ terms }]

  const expanded = folded.flatMap((term) => abbreviations[term]?.split(' ') ?? [term])
  if (expanded.join(' ') !== folded.join(' ')) variants.push({ literal: true, terms: expanded })

  const joined = ` ${folded.join(' ')} `
  // Longest phrases first, so "phòng giáo dục và đào tạo" becomes pgddt, not "phòng gddt".
  const byLength = Object.entries(abbreviations).sort(([, a], [, b]) => b.length - a.length)
  const contracted = byLength.reduce(
    (text, [short, long]) => text.replace(` ${long} `, ` ${short} `),
    joined,
  )
  if (contracted !== joined) variants.push({ literal: true, terms: contracted.trim().split(' ') })

  const number = parseDocumentNumber(query.text)
  if (number) variants.push({ documentNumber: number.normalized, terms: [] })
  return variants
}
