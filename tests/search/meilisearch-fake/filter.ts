/**
 * Meilisearch's filter expressions ("Filter expression reference",
 * https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference), parsed
 * after the grammar of `filter-parser` 1.19 and evaluated against stored documents.
 *
 * - `OR` binds looser than `AND`, `NOT` tighter; operators are upper-case words; parentheses group.
 * - Conditions: `=` `!=` `>` `>=` `<` `<=`, `a TO b`, `IN [..]`, `NOT IN`, `EXISTS`, `NOT EXISTS`,
 *   `IS [NOT] NULL`, `IS [NOT] EMPTY`, `STARTS WITH`. `CONTAINS` needs an experimental feature
 *   this fake does not enable (400 `feature_not_enabled`).
 * - A value is a word of letters, digits, `_`, `-`, `.` (not a keyword) or a quoted string. Inside
 *   quotes `\"` (or `\'`) is the quote, and since 1.4 every escape is then read, `\\` being one
 *   backslash ("Improved filter parameter handling with backslashes",
 *   https://www.meilisearch.com/docs/changelog/v1.4); an unknown escape is a malformed value.
 * - Strings compare case-insensitively (`=` "is case-insensitive"), trimmed and compatibility-
 *   decomposed (`normalize_facet`); a value that reads as a number also matches numbers.
 * - An array filter ANDs its items and ORs the items of an inner array, two levels at most
 *   ("Creating filter expressions with arrays").
 * - Every attribute must be filterable, or the search is refused: 400 `invalid_search_filter`
 *   ("Error codes: invalid_search_filter").
 */
import { refuse } from './errors.js'
import { normalizeFacet } from './text.js'

export type Filter =
  | { kind: 'and'; items: Filter[] }
  | { kind: 'or'; items: Filter[] }
  | { kind: 'not'; item: Filter }
  | { kind: 'compare'; attribute: string; op: '!=' | '<' | '<=' | '=' | '>' | '>='; value: string }
  | { kind: 'empty' | 'exists' | 'null'; attribute: string }
  | { kind: 'in'; attribute: string; values: string[] }
  | { kind: 'startsWith'; attribute: string; value: string }
  | { kind: 'to'; attribute: string; from: string; to: string }

const keywords = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH'])

const fail = (code: string, message: string): never => refuse(code, message)

const unescape = (raw: string): string => {
  let result = ''
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') {
      result += raw[i]
      continue
    }
    const next = raw[++i]
    const simple: Record<string, string> = { '"': '"', "'": "'", '/': '/', '0': '\0', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
    if (next in simple) result += simple[next]
    else if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(raw.slice(i + 1))
      const bare = /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 1))
      if (braced) {
        result += String.fromCodePoint(Number.parseInt(braced[1], 16))
        i += braced[0].length
      } else if (bare) {
        result += String.fromCodePoint(Number.parseInt(bare[0], 16))
        i += 4
      } else fail('invalid_search_filter', `Malformed value: \`${raw}\``)
    } else fail('invalid_search_filter', `Malformed value: \`${raw}\``)
  }
  return result
}

class Parser {
  private position = 0
  constructor(private readonly text: string) {}

  parse(): Filter {
    const filter = this.or()
    this.skipSpace()
    if (this.position < this.text.length) fail('invalid_search_filter', `Found unexpected characters at the end of the filter: \`${this.text.slice(this.position)}\``)
    return filter
  }

  private skipSpace() {
    while (/\s/u.test(this.text[this.position] ?? '')) this.position++
  }

  /** The next bare word, without consuming it. */
  private peekWord(): string | undefined {
    this.skipSpace()
    return /^[\p{L}\p{N}_.-]+/u.exec(this.text.slice(this.position))?.[0]
  }

  private keyword(word: string): boolean {
    if (this.peekWord() !== word) return false
    this.position += word.length
    return true
  }

  private or(): Filter {
    const items = [this.and()]
    while (this.keyword('OR')) items.push(this.and())
    return items.length === 1 ? items[0] : { items, kind: 'or' }
  }

  private and(): Filter {
    const items = [this.not()]
    while (this.keyword('AND')) items.push(this.not())
    return items.length === 1 ? items[0] : { items, kind: 'and' }
  }

  private not(): Filter {
    if (this.keyword('NOT')) return { item: this.not(), kind: 'not' }
    return this.primary()
  }

  private primary(): Filter {
    this.skipSpace()
    if (this.text[this.position] === '(') {
      this.position++
      const inner = this.or()
      this.skipSpace()
      if (this.text[this.position] !== ')') fail('invalid_search_filter', 'Expression `(` is missing a closing delimiter `)`.')
      this.position++
      return inner
    }
    const attribute = this.value()
    if (this.keyword('IN')) return { attribute, kind: 'in', values: this.list() }
    if (this.keyword('NOT')) {
      if (this.keyword('IN')) return { item: { attribute, kind: 'in', values: this.list() }, kind: 'not' }
      if (this.keyword('EXISTS')) return { item: { attribute, kind: 'exists' }, kind: 'not' }
      if (this.keyword('STARTS') && this.keyword('WITH')) return { item: { attribute, kind: 'startsWith', value: this.value() }, kind: 'not' }
      if (this.peekWord() === 'CONTAINS') fail('feature_not_enabled', 'Using `CONTAINS` in a filter requires the `containsFilter` experimental feature.')
      fail('invalid_search_filter', 'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, or `_geoBoundingBox`')
    }
    if (this.keyword('EXISTS')) return { attribute, kind: 'exists' }
    if (this.keyword('IS')) {
      const negated = this.keyword('NOT')
      const kind = this.keyword('NULL') ? 'null' : this.keyword('EMPTY') ? 'empty' : fail('invalid_search_filter', 'Was expecting `NULL` or `EMPTY` after `IS`')
      const condition: Filter = { attribute, kind }
      return negated ? { item: condition, kind: 'not' } : condition
    }
    if (this.peekWord() === 'CONTAINS') fail('feature_not_enabled', 'Using `CONTAINS` in a filter requires the `containsFilter` experimental feature.')
    if (this.keyword('STARTS')) {
      if (!this.keyword('WITH')) fail('invalid_search_filter', 'Was expecting `WITH` after `STARTS`')
      return { attribute, kind: 'startsWith', value: this.value() }
    }
    this.skipSpace()
    const op = /^(!=|>=|<=|=|>|<)/.exec(this.text.slice(this.position))?.[0] as '!=' | '<' | '<=' | '=' | '>' | '>=' | undefined
    if (op) {
      this.position += op.length
      return { attribute, kind: 'compare', op, value: this.value() }
    }
    const from = this.value()
    if (this.keyword('TO')) return { attribute, from, kind: 'to', to: this.value() }
    return fail('invalid_search_filter', `Was expecting an operation \`=\`, \`!=\`, \`>=\`, \`>\`, \`<=\`, \`<\`, \`IN\`, \`NOT IN\`, \`TO\`, \`EXISTS\`, \`NOT EXISTS\`, \`IS NULL\`, \`IS NOT NULL\`, \`IS EMPTY\`, \`IS NOT EMPTY\`, \`STARTS WITH\` at \`${this.text.slice(this.position)}\`.`)
  }

  private list(): string[] {
    this.skipSpace()
    if (this.text[this.position] !== '[') fail('invalid_search_filter', 'Expected `[` after `IN` keyword.')
    this.position++
    const values: string[] = []
    for (;;) {
      this.skipSpace()
      if (this.text[this.position] === ']') break
      values.push(this.value())
      this.skipSpace()
      if (this.text[this.position] === ',') this.position++
      else if (this.text[this.position] !== ']') fail('invalid_search_filter', 'Expected only comma-separated field names inside `IN[..]`.')
    }
    this.position++
    return values
  }

  private value(): string {
    this.skipSpace()
    const quote = this.text[this.position]
    if (quote === '"' || quote === "'") {
      let end = this.position + 1
      let escapedQuote = false
      while (end < this.text.length && this.text[end] !== quote) {
        if (this.text[end] === '\\') {
          if (end + 1 >= this.text.length) fail('invalid_search_filter', 'Malformed value: a backslash ends the filter.')
          escapedQuote ||= this.text[end + 1] === quote
          end += 2
        } else end++
      }
      if (end >= this.text.length) fail('invalid_search_filter', `Expression \`${quote}\` is missing a closing delimiter \`${quote}\`.`)
      let raw = this.text.slice(this.position + 1, end)
      this.position = end + 1
      // First the escaped quotes, then every escape, as `parse_value` does.
      if (escapedQuote) raw = raw.replaceAll(`\\${quote}`, quote)
      return unescape(raw)
    }
    const word = this.peekWord()
    if (!word) return fail('invalid_search_filter', `Was expecting a value but instead got \`${this.text.slice(this.position, this.position + 20)}\`.`)
    if (keywords.has(word)) fail('invalid_search_filter', `\`${word}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` built-in rule to filter on \`_geo\` coordinates.`)
    this.position += word.length
    return word
  }
}

/**
 * Parses the `filter` parameter: a string, or an array of strings and arrays of strings.
 * @returns undefined for an empty filter
 */
export const parseFilter = (filter: unknown): Filter | undefined => {
  if (filter === null || filter === undefined) return undefined
  const parseString = (text: string) => (text.trim() ? new Parser(text).parse() : undefined)
  if (typeof filter === 'string') return parseString(filter)
  if (!Array.isArray(filter)) return fail('invalid_search_filter', 'Invalid syntax for the filter parameter: `expected String, Array`.')
  const items = filter.flatMap((item): Filter[] => {
    if (typeof item === 'string') return parseString(item) ? [parseString(item)!] : []
    if (Array.isArray(item)) {
      const inner = item.flatMap((nested): Filter[] => {
        if (typeof nested !== 'string') return fail('invalid_search_filter', 'Invalid value type: array filters may only be two levels deep.')
        const parsed = parseString(nested)
        return parsed ? [parsed] : []
      })
      return inner.length ? [{ items: inner, kind: 'or' }] : []
    }
    return fail('invalid_search_filter', 'Invalid value type in the filter array: expected strings or arrays of strings.')
  })
  return items.length ? { items, kind: 'and' } : undefined
}

/** Every attribute a filter names. */
export const attributesOf = (filter: Filter): string[] => {
  if (filter.kind === 'and' || filter.kind === 'or') return filter.items.flatMap(attributesOf)
  if (filter.kind === 'not') return attributesOf(filter.item)
  return [filter.attribute]
}

/** The leaf values at a dotted path, arrays flattened (`facets.ageGroups` → every age group). */
export const valuesAt = (document: Record<string, unknown>, path: string): unknown[] | undefined => {
  let found = false
  const values: unknown[] = []
  const walk = (value: unknown, rest: string[]) => {
    if (Array.isArray(value) && (value.length > 0 || rest.length > 0)) return value.forEach((item) => walk(item, rest))
    if (rest.length === 0) {
      found = true
      values.push(value)
      return
    }
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>
      // A key may itself hold dots; the longest one present wins.
      for (let take = rest.length; take >= 1; take--) {
        const key = rest.slice(0, take).join('.')
        if (key in object) walk(object[key], rest.slice(take))
      }
    }
  }
  walk(document, path.split('.'))
  return found ? values : undefined
}

const asNumber = (value: string): number | undefined => {
  const number = Number(value)
  return value.trim() !== '' && Number.isFinite(number) ? number : undefined
}

const equals = (stored: unknown, wanted: string): boolean => {
  if (typeof stored === 'number') return asNumber(wanted) === stored
  if (typeof stored === 'string') return normalizeFacet(stored) === normalizeFacet(wanted)
  if (typeof stored === 'boolean') return String(stored) === normalizeFacet(wanted)
  return false
}

const compare = (stored: unknown, op: '<' | '<=' | '>' | '>=', wanted: string): boolean => {
  const number = asNumber(wanted)
  const [a, b] =
    typeof stored === 'number' && number !== undefined ? [stored, number] : typeof stored === 'string' ? [normalizeFacet(stored), normalizeFacet(wanted)] : [undefined, undefined]
  if (a === undefined || b === undefined) return false
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b
}

/** Whether a document passes a filter. */
export const matches = (filter: Filter, document: Record<string, unknown>): boolean => {
  if (filter.kind === 'and') return filter.items.every((item) => matches(item, document))
  if (filter.kind === 'or') return filter.items.some((item) => matches(item, document))
  if (filter.kind === 'not') return !matches(filter.item, document)
  const values = valuesAt(document, filter.attribute)
  switch (filter.kind) {
    case 'exists':
      return values !== undefined
    case 'null':
      return Boolean(values?.some((value) => value === null))
    case 'empty':
      return Boolean(values?.some((value) => value === '' || (Array.isArray(value) && value.length === 0) || (value && typeof value === 'object' && Object.keys(value).length === 0)))
    case 'in':
      return Boolean(values?.some((value) => filter.values.some((wanted) => equals(value, wanted))))
    case 'startsWith':
      return Boolean(values?.some((value) => typeof value === 'string' && normalizeFacet(value).startsWith(normalizeFacet(filter.value))))
    case 'to':
      return Boolean(values?.some((value) => compare(value, '>=', filter.from) && compare(value, '<=', filter.to)))
    case 'compare':
      if (filter.op === '=') return Boolean(values?.some((value) => equals(value, filter.value)))
      if (filter.op === '!=') return !values?.some((value) => equals(value, filter.value))
      return Boolean(values?.some((value) => compare(value, filter.op as '<', filter.value)))
  }
}
