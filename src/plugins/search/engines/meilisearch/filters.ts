/**
 * Filter expressions for Meilisearch. Every value goes through `quote`, so a value can never end
 * its string early and add clauses of its own (`x" OR accessLevel = "leadership`), even though the
 * plugin already checks facet values against a whitelist.
 */
import { type AccessLevel, isAccessLevel } from '../../../../access/accessLevels.js'
import { type FacetName, facetNames, type SearchQuery } from '../types.js'
import { MeilisearchRefusedError } from './errors.js'

/** The document attribute that holds each facet: `collection` at the top, the others under `facets`. */
export const facetAttribute = (facet: FacetName): string => (facet === 'collection' ? 'collection' : `facets.${facet}`)

/** Every facet attribute, in `facetNames` order, for `filterableAttributes` and facet counts. */
export const facetAttributes: string[] = facetNames.map(facetAttribute)

/**
 * A filter string literal: double-quoted, with backslashes and double quotes escaped. Meilisearch
 * reads `\"` as a quote and, since 1.4, `\\` as one backslash ("Improved filter parameter
 * handling with backslashes", https://www.meilisearch.com/docs/changelog/v1.4; `filter-parser`
 * unescapes the quote, then every escape), so a value holding either matches itself.
 */
export const quote = (value: string | number): string =>
  `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

const list = (values: readonly (string | number)[]): string => `[${values.map(quote).join(', ')}]`

/**
 * `accessLevel IN [...]` for the levels a reader may see. Refuses an empty or unknown level, so no
 * code path can produce an unfiltered search or token.
 * @throws MeilisearchRefusedError
 */
export const accessFilter = (levels: readonly AccessLevel[]): string => {
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new MeilisearchRefusedError('refusing a search without access levels')
  }
  const unknown = levels.filter((level) => !isAccessLevel(level))
  if (unknown.length > 0) throw new MeilisearchRefusedError(`unknown access levels: ${unknown.join(', ')}`)
  return `accessLevel IN ${list([...new Set(levels)])}`
}

/**
 * The access clause AND one `IN` clause per facet with values (values of a facet are OR-ed).
 * @throws MeilisearchRefusedError for empty levels or a facet the index does not know
 */
export const searchFilter = (query: Pick<SearchQuery, 'filters' | 'levels'>): string => {
  const clauses = [accessFilter(query.levels)]
  for (const [facet, values] of Object.entries(query.filters ?? {})) {
    if (!facetNames.includes(facet as FacetName)) throw new MeilisearchRefusedError(`unknown facet: ${facet}`)
    if (!values?.length) continue
    clauses.push(`${facetAttribute(facet as FacetName)} IN ${list(values)}`)
  }
  return clauses.map((clause) => `(${clause})`).join(' AND ')
}

/** Requires every one of these exact-tone words (see `tones.ts`) to occur in the document. */
export const toneFilter = (toneWords: readonly string[]): string =>
  toneWords.map((word) => `toneWords = ${quote(word)}`).join(' AND ')
