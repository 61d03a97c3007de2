/**
 * The library search as the URL holds it, shared by the page (server) and the search box
 * (browser), so both build the same `/api/search` query from the same parameters.
 */
import type { SearchParams } from '@/site/format.js'

/** What the library searches: its own titles and the learning materials. */
export const searchedCollections = ['library-items', 'learning-materials'] as const

/** Facets offered as checkboxes, by their `/api/search` parameter name. */
export const facetParams = ['collections', 'type', 'ageGroups'] as const
export type FacetParam = (typeof facetParams)[number]

export type SearchState = { page: number; q: string; selected: Record<FacetParam, string[]> }

export const pageSize = 12

const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((each) => each.split(','))
    .map((each) => each.trim())
    .filter(Boolean)

export const stateFromParams = (params: SearchParams): SearchState => {
  const page = Number(Array.isArray(params.page) ? params.page[0] : params.page)
  const q = Array.isArray(params.q) ? params.q[0] : params.q
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    q: (q ?? '').slice(0, 200),
    selected: {
      collections: listOf(params.collections).filter((value) => (searchedCollections as readonly string[]).includes(value)),
      type: listOf(params.type),
      ageGroups: listOf(params.ageGroups),
    },
  }
}

/** The query string of the page's own URL: only what the reader chose. */
export const pageQuery = (state: SearchState): URLSearchParams => {
  const query = new URLSearchParams()
  if (state.q.trim()) query.set('q', state.q.trim())
  for (const facet of facetParams) for (const value of state.selected[facet]) query.append(facet, value)
  if (state.page > 1) query.set('page', String(state.page))
  return query
}

/** The query string for `/api/search`: the reader's choices, within the library's collections. */
export const apiQuery = (state: SearchState): URLSearchParams => {
  const query = pageQuery(state)
  if (!state.selected.collections.length) query.set('collections', searchedCollections.join(','))
  query.set('limit', String(pageSize))
  return query
}
