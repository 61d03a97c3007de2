import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch'

import type { FacetName, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from './types.js'

import { exactTerm, foldedTerm, queryVariants, tokenize } from '../analysis.js'
import { highlight, highlightTerms } from '../highlight.js'
import { type ParsedQuery, parseQuery, positiveWords } from '../query.js'
import { facetNames, maxTotalHits, maxValuesPerFacet } from './types.js'

const searchableFields = ['title', 'documentNumber', 'summary', 'text'] as const
const boosts = { documentNumber: 12, summary: 2, text: 1, title: 4 }

/** "227/KH-UBND" → "227khubnd": one term, so a document number matches as a whole. */
const compactNumber = (number: string): string => tokenize(number).map(foldedTerm).join('')

const newIndex = () =>
  new MiniSearch<SearchDocument>({
    fields: [...searchableFields],
    storeFields: [],
    extractField: (document, field) =>
      field === 'documentNumber'
        ? document.documentNumber ? compactNumber(document.documentNumber) : ''
        : String((document as Record<string, unknown>)[field] ?? ''),
    tokenize: (text, field) => (field === 'documentNumber' ? [text] : tokenize(text)),
    // Every word is indexed twice, with its tones and folded, so both "bác" and "bac" find it and
    // a toned query scores exact-tone matches higher (they match both forms).
    processTerm: (term, field) => {
      if (field === 'documentNumber') return term
      const exact = exactTerm(term)
      const folded = foldedTerm(term)
      return exact === folded ? folded : [exact, folded]
    },
    searchOptions: { processTerm: (term) => term.toLowerCase() },
    // Entries are removed with the very document they were added with, so nothing is left to
    // vacuum; MiniSearch's background vacuum crashes when a write splits a node it is walking
    // (lucaong/minisearch#306).
    autoVacuum: false,
  })

type Entries = { documents: Map<string, SearchDocument>; index: MiniSearch<SearchDocument> }

/** Removal needs the document as it was indexed: the entries keep it beside the index. */
const put = ({ documents, index }: Entries, document: SearchDocument) => {
  const previous = documents.get(document.id)
  if (previous) index.remove(previous)
  index.add(document)
  documents.set(document.id, document)
}

const drop = ({ documents, index }: Entries, id: string) => {
  const previous = documents.get(id)
  if (!previous) return
  index.remove(previous)
  documents.delete(id)
}

const facetValues = (document: SearchDocument, facet: FacetName): string[] => {
  const value = facet === 'collection' ? document.collection : document.facets[facet]
  if (value === undefined || value === null || value === '') return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/**
 * At most `maxValuesPerFacet` values, the most frequent first; among equal counts the greater
 * value first, as Meilisearch's count order pops them (`count_iterate_over_facet_distribution`).
 */
const topFacetValues = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries(
    [...counts.entries()]
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, maxValuesPerFacet),
  )

const letterOrDigit = '[\\p{L}\\p{N}]'
/** What may stand between the words of a phrase: soft separators only, as in Meilisearch. */
const softGap = '(?:[^\\p{L}\\p{N}!;?¡§¶¿.,]|[.,](?!\\s))+'

/** Matches the folded words side by side, as whole words, in folded text. */
const phrasePattern = (words: string[]): RegExp =>
  new RegExp(`(?<!${letterOrDigit})${words.map(foldedTerm).join(softGap)}(?!${letterOrDigit})`, 'u')

/** Searchable fields folded once per entry, and only for the entries a phrase or exclusion reaches. */
const foldedFieldsCache = new WeakMap<SearchDocument, string[]>()
const foldedFields = (document: SearchDocument): string[] => {
  let fields = foldedFieldsCache.get(document)
  if (!fields) {
    fields = searchableFields.flatMap((field) => {
      const value = document[field]
      return value ? [foldedTerm(value)] : []
    })
    foldedFieldsCache.set(document, fields)
  }
  return fields
}

/** Phrases that must appear and words or phrases that must not, as one test per entry. */
const syntaxFilter = (query: ParsedQuery): ((document: SearchDocument) => boolean) | undefined => {
  const required = query.terms.flatMap((term) => (term.kind === 'phrase' ? [phrasePattern(term.words)] : []))
  const excluded = [...query.excludedWords.map((word) => [word]), ...query.excludedPhrases].map(phrasePattern)
  if (required.length === 0 && excluded.length === 0) return undefined
  return (document) => {
    const fields = foldedFields(document)
    return (
      required.every((pattern) => fields.some((field) => pattern.test(field))) &&
      !excluded.some((pattern) => fields.some((field) => pattern.test(field)))
    )
  }
}

/** Search held in this process's memory, rebuilt from the database at start. */
export const createEmbeddedEngine = (): SearchEngine => {
  let entries: Entries = { documents: new Map(), index: newIndex() }

  const matchesFilters = (document: SearchDocument, query: SearchQuery): boolean =>
    query.levels.includes(document.accessLevel) &&
    Object.entries(query.filters).every(
      ([facet, wanted]) =>
        !wanted?.length || facetValues(document, facet as FacetName).some((value) => wanted.includes(value)),
    )

  const toMiniQuery = (query: ParsedQuery, words: string[]): Query => ({
    combineWith: 'OR',
    queries: queryVariants(query, words).flatMap((variant): Query[] => {
      if (variant.documentNumber) {
        return [{ combineWith: 'OR', fields: ['documentNumber'], queries: [compactNumber(variant.documentNumber)] }]
      }
      const folded = variant.terms.map(foldedTerm).join(' ')
      const exact = variant.terms.map(exactTerm).join(' ')
      const wholeWords = variant.literal ? { fuzzy: false, prefix: false } : {}
      return exact === folded
        ? [{ combineWith: 'AND', queries: [folded], ...wholeWords }]
        : [{ combineWith: 'AND', queries: [folded], ...wholeWords }, { combineWith: 'AND', queries: [exact], ...wholeWords }]
    }),
  })

  const rank = (query: SearchQuery, parsed: ParsedQuery): SearchDocument[] => {
    const { documents, index } = entries
    const words = positiveWords(parsed)
    const syntax = syntaxFilter(parsed)
    const kept = (document: SearchDocument) => matchesFilters(document, query) && (!syntax || syntax(document))
    // A query of exclusions alone lists everything else, newest first, as an empty query does.
    if (words.length === 0) {
      return [...documents.values()].filter(kept).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    }
    const results: MiniResult[] = index.search(toMiniQuery(parsed, words), {
      boost: boosts,
      filter: (result) => {
        const document = documents.get(String(result.id))
        return Boolean(document && kept(document))
      },
      // Vietnamese syllables are short: a typo is forgiven only in longer words.
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      prefix: (term, position, terms) => position === terms.length - 1 && term.length >= 2,
    })
    return results.flatMap((result) => documents.get(String(result.id)) ?? [])
  }

  const toHit = (document: SearchDocument, terms: Set<string>): SearchHit => ({
    accessLevel: document.accessLevel,
    collection: document.collection,
    docId: document.docId,
    documentNumber: document.documentNumber,
    highlights: {
      summary: document.summary ? highlight(document.summary, terms) : undefined,
      text: document.text ? highlight(document.text, terms, 200) : undefined,
      title: highlight(document.title, terms),
    },
    id: document.id,
    publishedAt: document.publishedAt,
    summary: document.summary,
    thumbnail: document.thumbnail,
    title: document.title,
    url: document.url,
  })

  return {
    name: 'embedded',
    setup: async () => ({ missing: [], settled: Promise.resolve() }),
    upsert: async (batch) => batch.forEach((document) => put(entries, document)),
    remove: async (ids) => ids.forEach((id) => drop(entries, id)),
    search: async (query): Promise<SearchResult> => {
      if (query.levels.length === 0) throw new Error('search without access levels refused')
      const started = performance.now()
      const parsed = parseQuery(query.q)
      const ranked = rank(query, parsed)
      const facets: SearchResult['facets'] = {}
      for (const facet of facetNames) {
        const counts = new Map<string, number>()
        for (const document of ranked) {
          for (const value of facetValues(document, facet)) counts.set(value, (counts.get(value) ?? 0) + 1)
        }
        facets[facet] = topFacetValues(counts)
      }
      const terms = highlightTerms(query.q)
      const total = Math.min(ranked.length, maxTotalHits)
      const start = (query.page - 1) * query.limit
      const hits = ranked.slice(start, Math.min(start + query.limit, total)).map((document) => toHit(document, terms))
      return { engineMs: performance.now() - started, facets, hits, total }
    },
    replaceAll: async (batches, onProgress) => {
      const next: Entries = { documents: new Map(), index: newIndex() }
      for await (const batch of batches) {
        batch.forEach((document) => put(next, document))
        onProgress?.(next.documents.size)
      }
      // Searches keep using the previous entries until this single swap.
      entries = next
      return { indexed: next.documents.size }
    },
    listIds: async () => [...entries.documents.keys()],
  }
}
