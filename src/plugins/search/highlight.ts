import { exactTerm, foldedTerm, tokenize } from './analysis.js'

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu

/**
 * Wraps the words of `text` that match the query in <mark>, keeping the document's own spelling.
 * The text is HTML-escaped first, so a title can never inject markup into a results page.
 * With `crop`, returns a window of about that many characters around the first match.
 */
export const highlight = (text: string, queryTerms: Set<string>, crop?: number): string | undefined => {
  const source = text.normalize('NFC')
  const matches = [...source.matchAll(wordPattern)].filter(
    ([word]) => queryTerms.has(foldedTerm(word)) || queryTerms.has(exactTerm(word)),
  )
  if (matches.length === 0) return crop ? undefined : escapeHtml(source)

  const start = crop ? Math.max(0, (matches[0].index ?? 0) - Math.floor(crop / 3)) : 0
  const end = crop ? Math.min(source.length, start + crop) : source.length
  let output = start > 0 ? '…' : ''
  let cursor = start
  for (const match of matches) {
    const from = match.index ?? 0
    if (from < start || from + match[0].length > end) continue
    output += escapeHtml(source.slice(cursor, from)) + `<mark>${escapeHtml(match[0])}</mark>`
    cursor = from + match[0].length
  }
  return output + escapeHtml(source.slice(cursor, end)) + (end < source.length ? '…' : '')
}

/** The folded and exact forms of every query word, for `highlight`. */
export const highlightTerms = (query: string): Set<string> =>
  new Set(tokenize(query).flatMap((word) => [foldedTerm(word), exactTerm(word)]))
