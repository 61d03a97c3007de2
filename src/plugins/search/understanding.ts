/**
 * What a query means, worked out once for both engines: which words must match and which only
 * help ranking, how words typed in raw Telex or VNI read, and which age groups or kinds of
 * document the query names. Engines turn the plan into their own requests.
 */
import type { FacetName } from './engines/types.js'

import { parseDocumentNumber } from '../../lib/documentNumber.js'
import { decodeTyped } from '../../lib/vietnameseInput.js'
import { exactTerm, foldedTerm } from './analysis.js'
import { type ParsedQuery, parseQuery, positiveWords } from './query.js'
import { ageGroupsOfYears, foldedWords, type SearchVocabulary } from './vocabulary.js'

/** Documents with a facet value the query names rank this many times higher per facet. */
export const facetBoost = 1.3

/** The share of its score an entry missing one of three or more words keeps. */
export const partialWeight = 0.6

/**
 * Entries missing one word are looked for only when fewer than this many have them all: past
 * three pages of full matches they would not be seen, and each costs a search of its own.
 */
export const partialBelow = 30

/**
 * The score of an entry listed for the facet values the query names alone, before their boosts,
 * and the share a match of small words keeps in such a query (the best match scores 1).
 */
export const browseWeight = 0.5

/** A reading of the typed query, whose weight below 1 makes it rank under the readings meant. */
export const typedReadingWeight = 0.5

export type Boost = { facet: FacetName; values: string[] }

export type Reading = {
  /** The words that must match, in the order typed (phrases' words included). */
  words: string[]
  /** The query as Meilisearch reads it: these words, the quoted phrases and the exclusions. */
  text: string
  /** Between 0 and 1: a reading made of the words as typed ranks below a decoded one. */
  weight: number
}

export type QueryPlan = {
  parsed: ParsedQuery
  /** The ways the query may be meant, the most likely first; the same number of words each. */
  readings: Reading[]
  /** Stopwords and words naming facets: they only rank. */
  soft: string[]
  boosts: Boost[]
  /**
   * Whether entries with the facet values the query names are listed too, below those holding its
   * words: the query names nothing but facets and small words ("sách cho trẻ 4 tuổi").
   */
  browse: boolean
  /** Whether words may be dropped from the end when no entry has them all (never with a phrase). */
  relaxable: boolean
  /** Whether the last word may be the start of a word (search as you type): it is typed last and must match. */
  prefixLast: boolean
  /** Every word a hit may be highlighted for: as typed and as decoded. */
  highlightWords: string[]
}

type Role = { boost?: Boost; kind: 'core' | 'facet' | 'stop' | 'weak' }

/** The longest facet phrase starting at word `start`, with how many words it spans. */
const facetAt = (words: string[], start: number, vocabulary: SearchVocabulary): { boost: Boost; length: number } | undefined => {
  const number = /^\d{1,2}$/
  // "3 tuổi", "3-4 tuổi", "5 6 tuoi", "24 tháng".
  if (number.test(words[start])) {
    const range = number.test(words[start + 1] ?? '') ? 2 : 1
    const unit = words[start + range]
    const years = unit === 'tuoi' ? Number(words[start]) : unit === 'thang' ? Number(words[start]) / 12 : undefined
    const values = years === undefined ? [] : ageGroupsOfYears(Math.floor(years))
    if (values.length) return { boost: { facet: 'ageGroups', values }, length: range + 1 }
  }
  let best: { boost: Boost; length: number } | undefined
  for (const entry of vocabulary.facetPhrases) {
    for (const phrase of entry.phrases) {
      const folded = foldedWords(phrase)
      if (folded.length <= (best?.length ?? 0)) continue
      if (folded.every((word, i) => words[start + i] === word)) best = { boost: { facet: entry.facet, values: entry.values }, length: folded.length }
    }
  }
  return best
}

/** Merges boosts of one facet, so a facet named twice boosts once. */
const mergeBoosts = (boosts: Boost[]): Boost[] => {
  const byFacet = new Map<FacetName, Set<string>>()
  for (const boost of boosts) {
    const values = byFacet.get(boost.facet) ?? new Set<string>()
    boost.values.forEach((value) => values.add(value))
    byFacet.set(boost.facet, values)
  }
  return [...byFacet.entries()].map(([facet, values]) => ({ facet, values: [...values] }))
}

const quote = (words: string[]) => `"${words.join(' ')}"`

/** Reads a query; see the module comment. */
export const planQuery = (q: string, vocabulary: SearchVocabulary): QueryPlan => {
  const parsed = parseQuery(q)
  const stopwords = new Set(vocabulary.stopwords.map(exactTerm))
  const weakWords = new Set(vocabulary.weakWords.map(exactTerm))
  const isWord = (i: number) => parsed.terms[i].kind === 'word'
  const typed = parsed.terms.map((term) => (term.kind === 'word' ? term.word : ''))
  const decodings = parsed.terms.map((term) => (term.kind === 'word' ? decodeTyped(term.word) : undefined))
  // The most likely reading: a word that cannot be Vietnamese as typed is read as Telex or VNI.
  const likely = typed.map((word, i) => (decodings[i] && !decodings[i]!.ambiguous ? decodings[i]!.decoded : word))

  const roles: Role[] = parsed.terms.map(() => ({ kind: 'core' }))
  // Facet phrases run over consecutive words; a quoted phrase is always meant as typed.
  const folded = likely.map((word) => (word ? foldedTerm(word) : ''))
  // A stopword inside a synonym ("giáo dục và đào tạo") belongs to that phrase.
  const inSynonym = new Set<number>()
  for (const phrase of vocabulary.synonyms.flat().map(foldedWords).filter((words) => words.length > 1)) {
    for (let i = 0; i + phrase.length <= folded.length; i++) {
      if (phrase.every((word, j) => folded[i + j] === word)) phrase.forEach((_, j) => inSynonym.add(i + j))
    }
  }
  for (let i = 0; i < folded.length; i++) {
    if (!folded[i]) continue
    const found = facetAt(folded, i, vocabulary)
    if (found && folded.slice(i, i + found.length).every(Boolean)) {
      for (let j = i; j < i + found.length; j++) roles[j] = { boost: found.boost, kind: 'facet' }
      i += found.length - 1
    } else if (stopwords.has(exactTerm(likely[i])) && !inSynonym.has(i)) roles[i] = { kind: 'stop' }
    else if (weakWords.has(exactTerm(likely[i])) && !inSynonym.has(i)) roles[i] = { kind: 'weak' }
  }
  const strong = roles.filter((role, i) => role.kind === 'core' && isWord(i)).length
  roles.forEach((role, i) => role.kind === 'weak' && (roles[i] = { kind: strong >= 2 ? 'stop' : 'core' }))
  // Only an age group or a kind of material lists entries by itself: "học liệu" or "thông báo" alone
  // name whole collections, and are searched as the words they are.
  const browse = strong === 0 && roles.some((role) => role.kind === 'facet' && ['ageGroups', 'type'].includes(role.boost?.facet ?? ''))
  // A query made only of such words still has to match something: facet words first, then all.
  if (!roles.some((role, i) => role.kind === 'core' || !isWord(i))) {
    // A collection's name alone ("học liệu", "thông báo") is searched as the words it is.
    const namesItems = (boost?: Boost) => boost?.facet === 'ageGroups' || boost?.facet === 'type'
    roles.forEach((role, i) => role.kind === 'facet' && (roles[i] = { boost: namesItems(role.boost) ? role.boost : undefined, kind: 'core' }))
    if (!roles.some((role) => role.kind === 'core')) roles.forEach((_, i) => (roles[i] = { kind: 'core' }))
  }

  const readingOf = (words: string[], weight: number): Reading => {
    const core = parsed.terms.flatMap((term, i) => (roles[i].kind !== 'core' ? [] : term.kind === 'phrase' ? term.words : [words[i]]))
    const changed = roles.some((role) => role.kind !== 'core') || words.some((word, i) => word !== typed[i])
    // A word followed by a separator is not a prefix to Meilisearch: a trailing space keeps the
    // last word that must match whole when the words typed after it only rank.
    const trailing = roles.at(-1)?.kind === 'core' ? '' : ' '
    const text = changed
      ? `${[
          ...parsed.terms.flatMap((term, i) => (roles[i].kind !== 'core' ? [] : term.kind === 'phrase' ? [quote(term.words)] : [words[i]])),
          ...parsed.excludedWords.map((word) => `-${word}`),
          ...parsed.excludedPhrases.map((phrase) => `-${quote(phrase)}`),
        ].join(' ')}${trailing}`
      : parsed.text
    return { text, weight, words: core }
  }

  const readings = [readingOf(likely, 1)]
  const allDecoded = typed.map((word, i) => decodings[i]?.decoded ?? word)
  if (allDecoded.some((word, i) => word !== likely[i])) readings.push(readingOf(allDecoded, 1))
  if (likely.some((word, i) => word !== typed[i])) readings.push(readingOf(typed, typedReadingWeight))

  const coreWords = readings[0].words.length
  const last = roles.length - 1
  return {
    browse,
    prefixLast: last >= 0 && roles[last].kind === 'core',
    boosts: mergeBoosts(roles.flatMap((role) => (role.boost ? [role.boost] : []))),
    highlightWords: [...new Set([...positiveWords(parsed), ...allDecoded.filter(Boolean), ...likely.filter(Boolean)])],
    parsed,
    readings,
    // A document number ("15/KH-UBND") is meant whole.
    relaxable: coreWords >= 2 && parsed.terms.every((term) => term.kind === 'word') && !parseDocumentNumber(parsed.text),
    soft: parsed.terms.flatMap((term, i) => (roles[i].kind === 'core' || term.kind !== 'word' ? [] : [likely[i]])),
  }
}

/** The query text for some words of a plan without phrases, with its exclusions, as Meilisearch reads it. */
export const textOf = (plan: QueryPlan, words: string[]): string =>
  [...words, ...plan.parsed.excludedWords.map((word) => `-${word}`), ...plan.parsed.excludedPhrases.map((phrase) => `-${quote(phrase)}`)].join(' ') +
  (plan.prefixLast ? '' : ' ')

/** The words a relaxed search left out, keeping the first `kept` words that must match. */
export const ignoredWords = (plan: QueryPlan, kept: number): string[] => plan.readings[0].words.slice(kept)
