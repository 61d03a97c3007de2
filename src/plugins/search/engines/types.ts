import type { AccessLevel } from '../../../access/accessLevels.js'
import type { SearchVocabulary } from '../vocabulary.js'

/** Facets a reader may filter by; their values are checked against a whitelist before use. */
export const facetNames = [
  'collection',
  'type',
  'ageGroups',
  'domains',
  'category',
  'documentType',
  'issuer',
  'year',
] as const
export type FacetName = (typeof facetNames)[number]

/**
 * Hits a search counts and pages through at most, on both engines: a search matching more says
 * this many, and pages past it are empty. Meilisearch's `pagination.maxTotalHits` (1,000 unless
 * set); its documentation warns that values over 20,000 can make queries take seconds.
 */
export const maxTotalHits = 10_000

/**
 * Values counted per facet at most, on both engines, the most frequent kept. Meilisearch's
 * `faceting.maxValuesPerFacet` (100 unless set, and then the first 100 in alphabetical order).
 */
export const maxValuesPerFacet = 1_000

/**
 * One published document as the index holds it: only what its readers may see, already shaped.
 * `id` is `${collection}-${docId}` so every collection shares one index.
 */
export type SearchDocument = {
  accessLevel: AccessLevel
  collection: string
  docId: string
  /** "227/KH-UBND" as written, for documents; found first when typed as a query. */
  documentNumber?: string
  facets: Partial<Record<Exclude<FacetName, 'collection'>, number | string | string[]>>
  id: string
  /** ISO date the document became public (or was issued), for sorting by recency. */
  publishedAt?: string
  summary?: string
  /** Body text and the text of attached PDF/DOCX files, capped in length. */
  text?: string
  thumbnail?: string
  title: string
  /** Path of the document on the website, e.g. `/hoc-lieu/be-tap-dem`. */
  url: string
}

export type SearchQuery = {
  /** Facet filters, each an OR of allowed values; facets are AND-ed together. */
  filters: Partial<Record<FacetName, string[]>>
  /** The levels the reader may see, from the logged-in user on the server; never empty. */
  levels: AccessLevel[]
  limit: number
  page: number
  q: string
}

export type SearchHit = {
  accessLevel: AccessLevel
  collection: string
  docId: string
  documentNumber?: string
  /** Fragments with matches wrapped in <mark>, in the document's original spelling (HTML-escaped). */
  highlights: Partial<Record<'summary' | 'text' | 'title', string>>
  id: string
  publishedAt?: string
  summary?: string
  thumbnail?: string
  title: string
  url: string
}

export type SearchResult = {
  /** For every facet, the count of matching documents per value (within the reader's levels). */
  facets: Partial<Record<FacetName, Record<string, number>>>
  hits: SearchHit[]
  /**
   * Words left out because no entry holds them all (the query was relaxed, dropping words from its
   * end); absent when every word that must match did.
   */
  ignored?: string[]
  /** Milliseconds the engine itself spent. */
  engineMs: number
  total: number
}

export type TenantToken = { expiresAt: string; host: string; indexUid: string; token: string }

/** What `setup()` found and what it left running. */
export type SetupReport = {
  /**
   * What the engine's credentials do not allow, one plain sentence each (empty when nothing is
   * missing), for the operator to read in the log at start.
   */
  missing: string[]
  /**
   * Settles once every setting is in force. A settings change on a large index can take minutes;
   * searches are answered meanwhile with the settings the index had. Rejects if the change failed.
   */
  settled: Promise<void>
  /** The engine's task that applies the settings, while one runs, to name it in `/readyz`. */
  pending?: string
}

/** What every search engine offers; the plugin talks to engines only through this. */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch'
  /**
   * Prepares the index and applies its settings; called at start. Idempotent and safe when several
   * servers start at once. Resolves once searches can be answered; the report says what runs on.
   */
  setup(): Promise<SetupReport>
  /**
   * Reads queries with this vocabulary from the next search on. Meilisearch, once set up, also
   * receives its synonyms as index settings (before `setup()` it keeps them for it). Resolves once
   * the change is sent; the report names the task applying it while one runs.
   */
  useVocabulary(vocabulary: SearchVocabulary): Promise<SetupReport>
  /** Adds or replaces documents; resolves only once the engine has durably applied them. */
  upsert(documents: SearchDocument[]): Promise<void>
  /** Removes documents by id; unknown ids are fine. */
  remove(ids: string[]): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /**
   * Rebuilds the whole index from these batches into a new index and swaps it in at the end, so
   * searches keep answering from the old index meanwhile.
   */
  replaceAll(batches: AsyncIterable<SearchDocument[]>, onProgress?: (indexed: number) => void): Promise<{ indexed: number }>
  /** Every id currently in the index, for drift checks. */
  listIds(): Promise<string[]>
  /** A short-lived key that lets a browser query the engine directly within the given levels. */
  tenantToken?(levels: AccessLevel[], expiresAt: Date): Promise<TenantToken>
  /** Lets go of what the engine holds open (the embedded engine's thread); Payload's `destroy` calls it. */
  close?(): Promise<void>
}
