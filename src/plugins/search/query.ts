/**
 * The query syntax both engines understand, read the way Meilisearch reads it
 * (`milli/src/search/new/query_term/parse_query.rs`, v1.19), so a query means the same on either:
 *
 * - `"học liệu"`: a phrase; its words must stand side by side, in this order, in one attribute.
 *   A hard separator inside it (`. ` `, ` `;` `!` `?`) splits it into phrases; a quote never closed
 *   runs to the end of the query.
 * - `-word` or `-"a phrase"` after a space (or at the start) leaves out the entries holding it; a
 *   hyphen inside a word (`KH-UBND`) or followed by a space is a separator like any other.
 * - only the first {@link maxQueryTerms} words and phrases count; the rest is ignored
 *   ("Maximum number of query words", https://www.meilisearch.com/docs/learn/resources/known_limitations).
 *
 * Typographic quotes (“ ” „ ‟ ″ ＂), which phones type in place of `"`, are read as `"`; Meilisearch
 * would take them for plain separators, so {@link ParsedQuery.text} is what it is sent.
 */
/** Words and phrases of a query that count (Meilisearch ignores the rest). */
export const maxQueryTerms = 10

export type QueryTerm = { kind: 'phrase'; words: string[] } | { kind: 'word'; word: string }

export type ParsedQuery = {
  /** What must match, at most {@link maxQueryTerms}: words and phrases, in the order typed. */
  terms: QueryTerm[]
  /** Words that exclude an entry holding them. */
  excludedWords: string[]
  /** Phrases that exclude an entry holding them. */
  excludedPhrases: string[][]
  /** The query with typographic quotes made plain, as sent to Meilisearch. */
  text: string
}

const typographicQuotes = /[\u201C\u201D\u201E\u201F\u2033\uFF02]/g

/** charabia's hard separators for Latin script: they end a phrase (`CONTEXT_SEPARATORS`). */
const hardSeparator = /[!;?¡§¶¿]|[.,](?=\s)/

type Token = { kind: 'separator' | 'word'; text: string }

/** Words (letters, marks, digits) and the separator characters between them, one by one. */
const tokens = (text: string): Token[] => {
  const result: Token[] = []
  const words = /[\p{L}\p{M}\p{N}]+/gu
  let cursor = 0
  for (const match of text.matchAll(words)) {
    const start = match.index ?? 0
    // A full stop or comma is hard only before a space, so it keeps that space in its token.
    for (const separator of text.slice(cursor, start).match(/[.,]\s|[^]/gu) ?? []) result.push({ kind: 'separator', text: separator })
    result.push({ kind: 'word', text: match[0] })
    cursor = start + match[0].length
  }
  for (const separator of text.slice(cursor).match(/[.,]\s|[^]/gu) ?? []) result.push({ kind: 'separator', text: separator })
  return result
}

/** Reads a query as Meilisearch does; see the module comment for the rules. */
export const parseQuery = (raw: string): ParsedQuery => {
  const text = raw.normalize('NFC').replace(typographicQuotes, '"').trim()
  const parsed: ParsedQuery = { excludedPhrases: [], excludedWords: [], terms: [], text }
  let phrase: string[] | undefined
  let negativePhrase = false
  let negativeNext = false
  let afterWhitespace = true

  const closePhrase = () => {
    if (phrase?.length) {
      if (negativePhrase) parsed.excludedPhrases.push(phrase)
      else parsed.terms.push({ kind: 'phrase', words: phrase })
    }
  }

  for (const token of tokens(text)) {
    if (parsed.terms.length >= maxQueryTerms) return parsed
    if (token.kind === 'word') {
      if (phrase) phrase.push(token.text)
      else if (negativeNext) {
        parsed.excludedWords.push(token.text)
        negativeNext = false
      } else parsed.terms.push({ kind: 'word', word: token.text })
    } else {
      if (phrase && hardSeparator.test(token.text)) {
        closePhrase()
        phrase = []
      }
      if (token.text === '"') {
        if (phrase) {
          closePhrase()
          phrase = undefined
          negativePhrase = false
        } else {
          negativePhrase = negativeNext
          phrase = []
        }
      }
      negativeNext = !phrase && token.text === '-' && afterWhitespace
    }
    afterWhitespace = /\s$/u.test(token.text)
  }
  closePhrase()
  return parsed
}

/** Every word a query asks for, phrases' words included, for ranking and highlighting. */
export const positiveWords = (query: ParsedQuery): string[] =>
  query.terms.flatMap((term) => (term.kind === 'word' ? [term.word] : term.words))
