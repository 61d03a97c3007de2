/**
 * Exact-tone words, which Meilisearch cannot rank by on its own.
 *
 * Meilisearch's tokenizer (charabia) already folds Latin text at indexing and at query time:
 * compatibility decomposition, lowercase, removal of nonspacing marks, and Đ/đ → d. So "hoc lieu"
 * finds "học liệu", "dao tao" finds "đào tạo" and NFD input matches, without folded copies of
 * the text. Folded copies as extra searchable attributes would not help: they fold to the very
 * same words, so they double the index and every match without changing any ranking.
 *
 * What folding loses is the tone: "bác" and "bạc" become the same word "bac" in every attribute,
 * so no searchable attribute and no ranking rule can put the exact-tone match first. So each
 * document also carries `toneWords`, a filterable list of the words with marks in its searchable
 * attributes, spelled exactly (lowercase, tone apart from the letters) and percent-encoded so no
 * normalization of facet values can merge two tones. A query typed with marks then runs as a
 * federated search of two queries with the same text: the plain one, and one restricted to the
 * documents holding every marked query word exactly, weighted far above it. Both carry the access
 * filter. Meilisearch keeps each document once, from the query where it scored best, so
 * exact-tone matches come first, the rest follow in their usual order, and highlights are the
 * same either way. Queries without marks need no such pass, and neither do tenant-token searches
 * from the browser, which simply rank without tones.
 */
import { exactTerm, foldedTerm, tokenize } from '../../analysis.js'

/** The five tone marks, by their Telex letters; every other mark (ă â ê ô ơ ư) belongs to the vowel. */
const toneLetters: Record<string, string> = { '\u0300': 'f', '\u0301': 's', '\u0303': 'x', '\u0309': 'r', '\u0323': 'j' }
const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g

/**
 * The index-safe spelling of one word with its marks: the letters with their vowel marks, then the
 * tone apart, so the old and new tone placements ("hoà"/"hòa", "thuỷ"/"thủy") spell the same word
 * while every tone stays distinct ("bác" → `bac.s`, "bạc" → `bac.j`, "bắc" → `b%C4%83c.s`).
 */
const encode = (word: string): string => {
  const decomposed = exactTerm(word).normalize('NFD')
  const tones = [...new Set(decomposed.match(toneMarks) ?? [])].map((mark) => toneLetters[mark]).sort().join('')
  const letters = encodeURIComponent(decomposed.replace(toneMarks, '').normalize('NFC'))
  return tones ? `${letters}.${tones}` : letters
}

const marked = (word: string): boolean => exactTerm(word) !== foldedTerm(word)

/** Every distinct word with marks in these texts, encoded, for a document's `toneWords`. */
export const toneWordsOf = (...texts: (string | undefined)[]): string[] => {
  const words = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const word of tokenize(text)) if (marked(word)) words.add(encode(word))
  }
  return [...words].sort()
}

/** How many marked query words a federated exact-tone pass filters on, to bound the filter. */
const maxQueryToneWords = 8

/**
 * The marked words among those a query asks for (see `positiveWords`: excluded words are not
 * asked for), encoded as in `toneWordsOf`; empty when none has marks.
 */
export const queryToneWords = (words: string[]): string[] =>
  [...new Set(words.flatMap(tokenize).filter(marked).map(encode))].slice(0, maxQueryToneWords)

/**
 * Weight of the exact-tone query in the federated search. Ranking scores are between 0 and 1, so
 * this puts practically every exact-tone match above every other match.
 */
export const exactToneWeight = 1000
