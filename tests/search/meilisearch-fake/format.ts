/**
 * A hit as Meilisearch 1.19 returns it (`meilisearch/src/search/mod.rs`: `make_hit`,
 * `compute_formatted_options`, `format_fields`; `milli/src/search/new/matches`):
 *
 * - the hit holds the retrieved attributes that are displayed ("Attributes to retrieve",
 *   https://www.meilisearch.com/docs/reference/api/search#attributes-to-retrieve; "Displayed
 *   attributes", https://www.meilisearch.com/docs/reference/api/settings#displayed-attributes);
 * - `_formatted` exists only when an attribute to highlight or crop is displayed, and then holds
 *   those attributes and the retrieved ones; every number in it is a string;
 * - an attribute is highlighted only when `attributesToHighlight` names it (or `*`), cropped only
 *   when `attributesToCrop` does (`name:length` sets its own length); naming an object applies
 *   to every field inside it ("Attributes to highlight", "Attributes to crop");
 * - a match is a word equal to a query word, or starting with the last one (only that prefix is
 *   highlighted), a phrase or a synonym (each highlighted whole, as one span);
 * - a crop keeps `cropLength` words: around the window of that many words holding the most
 *   distinct matches, as centred as the text allows, or the first words when nothing matches;
 *   `cropMarker` stands where words were cut ("Cropping algorithm", "Crop marker").
 */
import type { SearchParams } from './params.js'
import type { Settings } from './settings.js'

import { normalize, type Query, wordsOf } from './text.js'

type Span = { end: number; start: number; terms: string[] }

/** Every matching span of a string, each with the query terms it satisfies. */
const spansOf = (text: string, query: Query, settings: Settings): Span[] => {
  const words = wordsOf(text)
  const spans: Span[] = []
  const sequences: { label: string; prefix: boolean; words: string[] }[] = []
  for (const term of query.terms) {
    if (term.kind === 'phrase') sequences.push({ label: term.words.join(' '), prefix: false, words: term.words })
    else {
      sequences.push({ label: term.word, prefix: term.prefix && settings.prefixSearch !== 'disabled', words: [term.word] })
      for (const [key, values] of Object.entries(settings.synonyms as Record<string, string[]>)) {
        if (normalize(key) !== term.word) continue
        for (const value of values) sequences.push({ label: term.word, prefix: false, words: wordsOf(value).map((word) => word.word) })
      }
    }
  }
  words.forEach((word, index) => {
    for (const sequence of sequences) {
      const run = words.slice(index, index + sequence.words.length)
      if (run.length !== sequence.words.length) continue
      if (run.some((each, i) => i > 0 && each.position !== run[i - 1].position + 1)) continue
      const last = sequence.words.length - 1
      const fits = run.every((each, i) => (sequence.prefix && i === last ? each.word.startsWith(sequence.words[i]) : each.word === sequence.words[i]))
      if (!fits) continue
      // A prefix match highlights as many characters as the query word has.
      const end = sequence.prefix && run[last].word !== sequence.words[last]
        ? run[last].start + [...text.slice(run[last].start, run[last].end)].slice(0, [...sequence.words[last]].length).join('').length
        : run[last].end
      spans.push({ end, start: run[0].start, terms: [sequence.label] })
    }
  })
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  return spans.filter((span, index) => index === 0 || span.start >= spans[index - 1].end)
}

/** Formats one string: cropped to `crop` words (when set) and highlighted (when asked). */
export const formatString = (text: string, query: Query, settings: Settings, params: SearchParams, options: { crop?: number; highlight: boolean }): string => {
  const spans = spansOf(text, query, settings)
  let [from, to] = [0, text.length]
  if (options.crop !== undefined && options.crop > 0) {
    const words = wordsOf(text)
    if (words.length > options.crop) {
      let first = 0
      if (spans.length) {
        // The window of `crop` words holding the most distinct query terms, the earliest such.
        let best = { count: 0, index: 0 }
        words.forEach((word, index) => {
          const end = words[Math.min(index + options.crop! - 1, words.length - 1)].end
          const terms = new Set(spans.filter((span) => span.start >= word.start && span.end <= end).flatMap((span) => span.terms))
          if (terms.size > best.count) best = { count: terms.size, index }
        })
        const matchedWords = words.filter((word, index) => index >= best.index && spans.some((span) => span.start <= word.start && word.end <= span.end && index < best.index + options.crop!))
        const firstMatch = words.indexOf(matchedWords[0] ?? words[best.index])
        const lastMatch = words.indexOf(matchedWords.at(-1) ?? words[best.index])
        const room = options.crop - (lastMatch - firstMatch + 1)
        first = Math.max(0, Math.min(firstMatch - Math.floor(room / 2), words.length - options.crop))
      }
      from = first === 0 ? 0 : words[first].start
      to = words[first + options.crop - 1].end
    }
  }
  let output = from > 0 ? params.cropMarker : ''
  let cursor = from
  if (options.highlight) {
    for (const span of spans) {
      if (span.end <= from || span.start >= to) continue
      const [start, end] = [Math.max(span.start, from), Math.min(span.end, to)]
      output += text.slice(cursor, start) + params.highlightPreTag + text.slice(start, end) + params.highlightPostTag
      cursor = end
    }
  }
  return output + text.slice(cursor, to) + (to < text.length ? params.cropMarker : '')
}

/** Picks the given top-level or nested attributes out of a document (`permissive_json_pointer::select_values`). */
export const selectValues = (document: Record<string, unknown>, selectors: string[]): Record<string, unknown> => {
  const result: Record<string, unknown> = {}
  for (const selector of selectors) {
    const [head, ...rest] = selector.split('.')
    if (!(head in document)) continue
    if (rest.length === 0) result[head] = document[head]
    else if (document[head] && typeof document[head] === 'object' && !Array.isArray(document[head])) {
      const inner = selectValues(document[head] as Record<string, unknown>, [rest.join('.')])
      if (Object.keys(inner).length) result[head] = { ...(result[head] as object), ...inner }
    }
  }
  return result
}

const isUnder = (field: string, attribute: string): boolean => field === attribute || field.startsWith(`${attribute}.`)

const mapLeaves = (value: unknown, name: string, map: (name: string, value: unknown) => unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, name, map))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapLeaves(inner, `${name}.${key}`, map)]))
  }
  return map(name, value)
}

/** The hit for a stored document: retrieved attributes, and `_formatted` when asked for. */
export const makeHit = (document: Record<string, unknown>, query: Query, settings: Settings, params: SearchParams): Record<string, unknown> => {
  const displayedSetting = settings.displayedAttributes as string[]
  const displayed = displayedSetting.includes('*') ? Object.keys(document) : displayedSetting.filter((name) => name in document || name.includes('.'))
  const displayedDocument = selectValues(document, displayed)
  const retrieve = params.attributesToRetrieve && !params.attributesToRetrieve.includes('*')
    ? params.attributesToRetrieve.filter((name) => displayed.includes(name))
    : displayed
  const hit = selectValues(displayedDocument, retrieve)

  const options = new Map<string, { crop?: number; highlight: boolean }>()
  const highlighted = params.attributesToHighlight ?? []
  for (const name of highlighted.includes('*') ? displayed : highlighted.filter((name) => displayed.includes(name))) {
    options.set(name, { highlight: true })
  }
  for (const entry of params.attributesToCrop ?? []) {
    const [name, length] = entry.includes(':') ? [entry.slice(0, entry.lastIndexOf(':')), Number(entry.slice(entry.lastIndexOf(':') + 1))] : [entry, params.cropLength]
    const crop = Number.isInteger(length) ? length : params.cropLength
    for (const target of name === '*' ? displayed : displayed.includes(name) ? [name] : []) {
      options.set(target, { ...(options.get(target) ?? { highlight: false }), crop })
    }
  }
  if (options.size === 0) return hit
  for (const name of retrieve) if (!options.has(name)) options.set(name, { highlight: false })

  const formatted = mapLeaves(displayedDocument, '', (path, value) => {
    const field = path.slice(1)
    const applicable = [...options.entries()].filter(([name]) => isUnder(field, name) || isUnder(name, field)).map(([, option]) => option)
    const merged = applicable.reduce<{ crop?: number; highlight: boolean }>((all, option) => ({ crop: option.crop ?? all.crop, highlight: all.highlight || option.highlight }), { highlight: false })
    if (typeof value === 'number') value = String(value)
    if (typeof value !== 'string' || (!merged.highlight && merged.crop === undefined)) return value
    return formatString(value, query, settings, params, merged)
  }) as Record<string, unknown>
  return { ...hit, _formatted: selectValues(formatted, [...options.keys()]) }
}
