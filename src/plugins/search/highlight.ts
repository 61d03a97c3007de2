import { foldedTerm } from './analysis.js'
import { parseQuery, positiveWords } from './query.js'

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const wordCharacter = '[\\p{L}\\p{M}\\p{N}]'

const foldedCharacters = new Map<string, string>()

/**
 * One character folded as `foldedTerm` folds words, or left as it is (lowercased where that keeps
 * its length) when folding would change the text's length: positions in the folded text must be
 * positions in the original.
 */
const foldCharacter = (character: string): string => {
  let folded = foldedCharacters.get(character)
  if (folded === undefined) {
    const candidate = foldedTerm(character)
    const lower = character.toLowerCase()
    folded = candidate.length === character.length ? candidate : lower.length === character.length ? lower : character
    foldedCharacters.set(character, folded)
  }
  return folded
}

/** The text folded character by character, so an index in it is the same index in `text`. */
const foldInPlace = (text: string): string => text.replace(/[^\x00-\x7f]/gu, foldCharacter).toLowerCase()

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

type Match = { end: number; start: number; term: string }

/**
 * Whole words of `source` that fold to a query term. One regular expression over the folded text:
 * an attached 150-page plan is half a million characters, too many to fold word by word per hit.
 */
const matchesIn = (source: string, terms: string[]): Match[] => {
  if (terms.length === 0) return []
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')
  const pattern = new RegExp(`(?<!${wordCharacter})(?:${alternatives})(?!${wordCharacter})`, 'gu')
  return [...foldInPlace(source).matchAll(pattern)].map((match) => ({
    end: (match.index ?? 0) + match[0].length,
    start: match.index ?? 0,
    term: match[0],
  }))
}

/**
 * Where the crop should start: at the stretch of at most `crop` characters that holds the most
 * different query words, the tightest such stretch, the earliest of those. Folded syllables are
 * common ("dan co" is also "dân có"), so the words typed side by side are the place meant.
 */
const bestWindowStart = (matches: Match[], crop: number): number => {
  let best = { count: 0, span: Infinity, start: matches[0].start }
  let first = 0
  const inWindow = new Map<string, number>()
  const leave = () => {
    const leaving = matches[first++].term
    const left = (inWindow.get(leaving) ?? 1) - 1
    if (left === 0) inWindow.delete(leaving)
    else inWindow.set(leaving, left)
  }
  for (const match of matches) {
    inWindow.set(match.term, (inWindow.get(match.term) ?? 0) + 1)
    while (match.end - matches[first].start > crop) leave()
    // A word that comes again later in the stretch adds nothing at its start.
    while ((inWindow.get(matches[first].term) ?? 0) > 1) leave()
    const span = match.end - matches[first].start
    if (inWindow.size > best.count || (inWindow.size === best.count && span < best.span)) {
      best = { count: inWindow.size, span, start: matches[first].start }
    }
  }
  return best.start
}

/**
 * Wraps the words of `text` that match the query in <mark>, keeping the document's own spelling.
 * The text is HTML-escaped first, so a title can never inject markup into a results page.
 * With `crop`, returns a window of about that many characters around the place where the most
 * query words meet (the first such place).
 */
export const highlight = (text: string, queryTerms: Set<string>, crop?: number): string | undefined => {
  const source = text.normalize('NFC')
  const matches = matchesIn(source, [...new Set([...queryTerms].map(foldedTerm))].filter(Boolean))
  if (matches.length === 0) return crop ? undefined : escapeHtml(source)

  const start = crop ? Math.max(0, bestWindowStart(matches, crop) - Math.floor(crop / 3)) : 0
  const end = crop ? Math.min(source.length, start + crop) : source.length
  let output = start > 0 ? '…' : ''
  let cursor = start
  for (const match of matches) {
    if (match.start < start || match.end > end) continue
    output += escapeHtml(source.slice(cursor, match.start)) + `<mark>${escapeHtml(source.slice(match.start, match.end))}</mark>`
    cursor = match.end
  }
  return output + escapeHtml(source.slice(cursor, end)) + (end < source.length ? '…' : '')
}

/** The folded forms of the words a query asks for (not those it excludes), for `highlight`. */
export const highlightTerms = (query: string): Set<string> => new Set(positiveWords(parseQuery(query)).map(foldedTerm))
