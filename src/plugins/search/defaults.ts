export const defaultQueue = 'search'
export const defaultMaxLimit = 50
export const syncTaskSlug = 'searchSync'
export const sweepTaskSlug = 'searchSweep'
export const vocabularyTaskSlug = 'searchVocabulary'
/** The global holding the school's synonyms and abbreviations. */
export const defaultVocabularySlug = 'search-vocabulary'
/** Attempts of a sync job before it is left failed (with exponential backoff from one second). */
export const syncAttempts = 10
/** Characters of body and attachment text kept per entry: two attached files at the extraction cap. */
export const maxIndexedText = 2_000_000

/**
 * A `context` key for writes made in bulk by something that rebuilds the whole index once it is
 * done (`reindexAll`), such as the demo seed: with it set to `true`, a write queues no index
 * update of its own, neither for itself nor for the entries that show it, and a save of the
 * search vocabulary waits for the rebuild to put it in force.
 */
export const skipSearchSync = 'skipSearchSync'
