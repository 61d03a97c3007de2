export const defaultQueue = 'search'
export const defaultMaxLimit = 50
export const syncTaskSlug = 'searchSync'
export const sweepTaskSlug = 'searchSweep'
/** Attempts of a sync job before it is left failed (with exponential backoff from one second). */
export const syncAttempts = 10
/** Characters of body and attachment text kept per entry. */
export const maxIndexedText = 50_000
