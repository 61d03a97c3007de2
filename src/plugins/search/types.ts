import type { GlobalConfig, Payload, PayloadRequest } from 'payload'

import type { FacetName, SearchDocument, SearchEngine } from './engines/types.js'
import type { SchoolVocabulary } from './vocabulary.js'
import type { IndexWarmup } from './warmup.js'

/** What a collection contributes to the index, beyond the fields every entry has. */
export type ShapedDocument = Omit<SearchDocument, 'accessLevel' | 'collection' | 'docId' | 'id'>

export type CollectionSearchOptions = {
  /**
   * Turns a published document (read at depth 1, in the default locale) into what its readers may
   * find. Return `null` to keep it out of the index. A shaper that throws keeps it out too.
   */
  shape: (doc: Record<string, unknown>, context: { payload: Payload; req: PayloadRequest }) => Promise<ShapedDocument | null> | ShapedDocument | null
  /**
   * Whether a published document belongs in the index right now (e.g. an announcement that is
   * scheduled or has expired does not).
   * @default () => true
   */
  isListed?: (doc: Record<string, unknown>, now: Date) => boolean
  /**
   * Relationship fields whose targets appear in the shaped entry (an author's name): when a target
   * changes, the documents pointing at it are re-indexed.
   * @default []
   */
  dependsOn?: Array<{ collection: string; field: string }>
  /**
   * Date fields after which `isListed` may change on its own; a periodic sweep re-indexes
   * documents whose such date has just passed.
   * @default []
   */
  timeFields?: string[]
}

/** The global where administrators keep the school's synonyms and abbreviations. */
export type VocabularyOptions = {
  /** Who may read the list, change it, and read its earlier versions. */
  access: Pick<NonNullable<GlobalConfig['access']>, 'read' | 'readVersions' | 'update'>
  /**
   * The global's slug.
   * @default 'search-vocabulary'
   */
  slug?: string
  /**
   * The words searches use until the global is first saved (a fresh database).
   * @default defaultSchoolVocabulary
   */
  defaults?: SchoolVocabulary
}

export type SearchPluginOptions = {
  /** The collections to index, by slug. */
  collections: Record<string, CollectionSearchOptions>
  /**
   * The engine; by default Meilisearch when `MEILI_HOST` is set, otherwise the embedded engine.
   * @default engineFromEnvironment()
   */
  engine?: SearchEngine
  /** The global of the school's synonyms and abbreviations, and who may edit it. */
  vocabulary: VocabularyOptions
  /** Accepted values per facet, as a list or a pattern; anything else is refused with 400. */
  facetValues: Partial<Record<FacetName, RegExp | string[]>>
  /**
   * The jobs queue that carries index updates.
   * @default 'search'
   */
  queue?: string
  /**
   * The largest page a search may ask for.
   * @default 50
   */
  maxLimit?: number
  /**
   * Whether the server runs the queue itself, every second.
   * @default true
   */
  autoRun?: boolean
  /**
   * Whether the embedded index starts building in `onInit`. A server passes `false` and calls
   * `beginIndexWarmup(payload)` once it serves: the build shares its one thread with starting up.
   * @default true
   */
  buildIndexOnInit?: boolean
}

export type SanitizedSearchPluginOptions = Required<Omit<SearchPluginOptions, 'engine' | 'vocabulary'>> & {
  engine: SearchEngine
  vocabulary: Required<VocabularyOptions>
  warmup: IndexWarmup
}
