/**
 * How the fake reads text, after Meilisearch's tokenizer (charabia 0.9, Latin script) and indexer:
 * - a word is a run of letters, marks and digits; everything else separates
 *   ("Datatypes: string", https://www.meilisearch.com/docs/learn/engine/datatypes#string);
 * - `. ` `, ` `!` `;` `?` `¡` `§` `¶` `¿` are hard separators, the rest soft (charabia `CONTEXT_SEPARATORS`);
 * - words are normalized: compatibility decomposition, marks removed, lowercase, đ → d
 *   ("Query term normalization", https://www.meilisearch.com/docs/reference/api/search#query-term-normalization);
 * - each word of an attribute takes the next position, a hard separator before it adds 8, and only
 *   positions below 65,535 are indexed ("Maximum number of words per attribute",
 *   https://www.meilisearch.com/docs/learn/resources/known_limitations#maximum-number-of-words-per-attribute).
 *   Every nested field (`textMore.1`) is an attribute of its own; array elements are 8 apart.
 * Not modelled: typo tolerance, stop words, dictionaries, custom separators, other scripts.
 */

/** The first position Meilisearch no longer indexes in an attribute (`u16::MAX`). */
export const maxPositionsPerAttribute = 65_535

export type Word = {
  /** The normalized word. */
  word: string
  position: number
  /** Where it stands in the original string, in UTF-16 units. */
  start: number
  end: number
}

/** Normalizes a word or a facet string as Meilisearch's tokenizer does for Latin text. */
export const normalize = (text: string): string =>
  text.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/đ/g, 'd')

/** Normalizes a facet or filter string: trimmed, compatibility-decomposed, lowercase (`milli::normalize_facet`). */
export const normalizeFacet = (text: string): string => text.trim().normalize('NFKD').toLowerCase()

const hardSeparator = /[!;?¡§¶¿]|[.,]\s/u

/** The words of a string, with positions counted from `start` as the indexer counts them. */
export const wordsOf = (text: string, start = 0): Word[] => {
  const words: Word[] = []
  let position = start
  let cursor = 0
  let first = true
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const index = match.index ?? 0
    const gap = text.slice(cursor, index)
    if (!first) position += hardSeparator.test(gap) ? 8 : 1
    first = false
    words.push({ end: index + match[0].length, position, start: index, word: normalize(match[0]) })
    cursor = index + match[0].length
  }
  return words
}

/** A query term: a word (the last may match as a prefix) or a phrase. */
export type Term = { kind: 'phrase'; words: string[] } | { kind: 'word'; prefix: boolean; word: string }

export type Query = { terms: Term[]; negativeWords: string[]; negativePhrases: string[][] }

/** Words and phrases taken into account at most ("Maximum number of query words"). */
export const maxQueryWords = 10

/**
 * Reads a query as `milli/src/search/new/query_term/parse_query.rs` does: `"…"` phrases (a hard
 * separator splits one, an unclosed one runs to the end), `-word` and `-"phrase"` after a space or
 * at the start exclude ("Phrase search", "Negative search",
 * https://www.meilisearch.com/docs/reference/api/search#phrase-search), the last word is a
 * prefix unless a separator follows it, and only the first ten words or phrases count.
 */
export const parseQuery = (q: string): Query => {
  const query: Query = { negativePhrases: [], negativeWords: [], terms: [] }
  const tokens = q.match(/[\p{L}\p{M}\p{N}]+|[.,]\s|[^]/gu) ?? []
  let phrase: string[] | undefined
  let negativePhrase = false
  let negativeNext = false
  let afterWhitespace = true
  const close = () => {
    if (!phrase?.length) return
    if (negativePhrase) query.negativePhrases.push(phrase)
    else query.terms.push({ kind: 'phrase', words: phrase })
  }
  tokens.forEach((token, index) => {
    if (query.terms.length >= maxQueryWords) return
    if (/^[\p{L}\p{M}\p{N}]/u.test(token)) {
      const word = normalize(token)
      if (phrase) phrase.push(word)
      else if (negativeNext) {
        query.negativeWords.push(word)
        negativeNext = false
      } else query.terms.push({ kind: 'word', prefix: index === tokens.length - 1, word })
    } else {
      if (phrase && hardSeparator.test(token)) {
        close()
        phrase = []
      }
      if (token === '"') {
        if (phrase) {
          close()
          phrase = undefined
          negativePhrase = false
        } else {
          negativePhrase = negativeNext
          phrase = []
        }
      }
      negativeNext = !phrase && token === '-' && afterWhitespace
    }
    afterWhitespace = /\s$/u.test(token)
  })
  if (query.terms.length < maxQueryWords) close()
  return query
}
