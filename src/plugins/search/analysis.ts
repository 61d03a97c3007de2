/**
 * How Vietnamese text and queries are cut into terms, for the embedded engine. (Meilisearch folds
 * marks itself; its adapter handles tones in its own way and gets the synonyms as settings.)
 */
import type { ParsedQuery } from './query.js'

import { parseDocumentNumber } from '../../lib/documentNumber.js'
import { foldVietnamese } from '../../lib/vietnamese.js'
import { foldedWords, type SearchVocabulary } from './vocabulary.js'

/** Syllables and numbers; "227/KH-UBND" splits into 227, kh, ubnd. */
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu

export const tokenize = (text: string): string[] => text.normalize('NFC').match(wordPattern) ?? []

/** Lowercase with tones kept, for exact-tone matches ("bác" is not "bạc"). */
export const exactTerm = (term: string): string => term.normalize('NFC').toLowerCase()

/** Lowercase without tones or marks, so "hoc lieu" matches "học liệu". */
export const foldedTerm = (term: string): string => foldVietnamese(term)

/** Variants of one query a search tries at most, so a query naming many synonyms stays cheap. */
const maxVariants = 8

/** The synonym groups, folded, longest phrases first (so "phòng giáo dục và đào tạo" is one phrase, not "phòng gddt"). */
const foldedGroups = (vocabulary: SearchVocabulary): string[][] =>
  vocabulary.synonyms
    .map((group) => [...new Set(group.map((phrase) => foldedWords(phrase).join(' ')))].filter(Boolean))
    .filter((group) => group.length > 1)
    .sort((a, b) => Math.max(...b.map((each) => each.length)) - Math.max(...a.map((each) => each.length)))

export type QueryVariant = {
  documentNumber?: string
  /** A rewritten variant (abbreviation expanded or contracted) matches whole words only. */
  literal?: boolean
  terms: string[]
}

/**
 * The ways the words a query asks for may be meant: as typed, with words of a synonym group
 * (abbreviations included) replaced by the others of the group, and as an official document
 * number when the query reads as one.
 */
export const queryVariants = (query: ParsedQuery, terms: string[], vocabulary: SearchVocabulary): QueryVariant[] => {
  const variants: QueryVariant[] = [{ terms }]
  const typed = ` ${terms.map(foldedTerm).join(' ')} `
  let texts = [typed]
  for (const group of foldedGroups(vocabulary)) {
    const next = [...texts]
    for (const text of texts) {
      for (const member of group) {
        if (!text.includes(` ${member} `)) continue
        for (const other of group) {
          const replaced = text.replace(` ${member} `, ` ${other} `)
          if (other !== member && !next.includes(replaced) && next.length < maxVariants) next.push(replaced)
        }
      }
    }
    texts = next
  }
  for (const text of texts.slice(1)) variants.push({ literal: true, terms: text.trim().split(' ') })

  const number = parseDocumentNumber(query.text)
  if (number) variants.push({ documentNumber: number.normalized, terms: [] })
  return variants
}
