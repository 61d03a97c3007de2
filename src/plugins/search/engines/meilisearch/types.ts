import type { SearchVocabulary } from '../../vocabulary.js'

/** How the Meilisearch engine reaches its server and sizes its work. */
export type MeilisearchEngineOptions = {
  /** Base URL the server uses to reach Meilisearch, e.g. `http://meilisearch:7700`. */
  host: string
  /**
   * The master key or an admin key (indexes, documents, settings, tasks and keys). It stays on the
   * server: it never signs a tenant token and is never returned to a browser.
   */
  apiKey: string
  /**
   * A key whose only action is `search`, used to sign tenant tokens. Without it, an existing
   * search-only key is looked up through the keys API, or one is created for this index.
   * @default looked up or created on the first `tenantToken()` call
   */
  searchKey?: string
  /**
   * The live index; every collection shares it. At most 375 characters: a rebuild builds beside
   * it an index named `${indexUid}_tmp_…`, and Meilisearch allows 400.
   * @default 'truongso'
   */
  indexUid?: string
  /**
   * The most documents sent in one request.
   * @default 1000
   */
  batchSize?: number
  /**
   * The most bytes of JSON sent in one request; Meilisearch refuses payloads over its
   * `--http-payload-size-limit` (100 MB unless changed).
   * @default 50 * 1024 * 1024
   */
  maxBatchBytes?: number
  /**
   * Base URL browsers use to reach Meilisearch with a tenant token, when it differs from `host`.
   * @default host
   */
  publicHost?: string
  /**
   * How long to wait for one Meilisearch task (an indexing batch, a settings update) to finish.
   * @default 300_000
   */
  taskTimeoutMs?: number
  /**
   * How often a pending task is polled.
   * @default 100
   */
  taskPollIntervalMs?: number
  /**
   * Timeout of a single HTTP request.
   * @default 30_000
   */
  requestTimeoutMs?: number
  /**
   * How long the key that signs tenant tokens is used before it is looked up again (a deleted,
   * replaced or expiring key is then replaced). `0` looks it up for every token.
   * @default 60_000
   */
  signingKeyCheckMs?: number
  /**
   * The vocabulary queries are read with and whose synonyms the index gets, until
   * `useVocabulary()` gives another.
   * @default defaultVocabulary
   */
  vocabulary?: SearchVocabulary
}

/** The options with every default filled in and checked. */
export type ResolvedMeilisearchOptions = Required<Omit<MeilisearchEngineOptions, 'searchKey' | 'vocabulary'>> & {
  searchKey?: string
}
