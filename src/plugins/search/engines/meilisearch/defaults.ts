import type { MeilisearchEngineOptions, ResolvedMeilisearchOptions } from './types.js'

import { MeilisearchConfigError } from './errors.js'

export const defaultIndexUid = 'truongso'
export const defaultBatchSize = 1000
export const defaultMaxBatchBytes = 50 * 1024 * 1024
export const defaultTaskTimeoutMs = 300_000
export const defaultTaskPollIntervalMs = 100
export const defaultRequestTimeoutMs = 30_000

/** Tenant tokens live at most this long, so a leaked token or a demoted user expires quickly. */
export const maxTokenLifetimeMs = 60 * 60 * 1000

/**
 * How long the key that signs tenant tokens is trusted before it is looked up again, so a deleted
 * or expiring key is replaced within a minute instead of at the next restart.
 */
export const defaultSigningKeyCheckMs = 60_000

/**
 * The oldest Meilisearch this engine works with: `typoTolerance.disableOnNumbers` came in 1.15
 * (`localizedAttributes` and federated search in 1.10, `facetSearch` in 1.12). Older servers refuse
 * the settings with 400 `bad_request`.
 */
export const minimumServerVersion = '1.15.0'

/**
 * Meilisearch index uids: ASCII letters, digits, `-` and `_`, 1 to 400 bytes
 * (`meilisearch-types/src/index_uid.rs`; its error message says 512, the check is 400).
 */
export const indexUidPattern = /^[A-Za-z0-9_-]{1,400}$/

/** What a rebuild appends to the live uid for its temporary index: `_tmp_`, 13 digits of time, `_`, 6 hex. */
export const temporarySuffixLength = '_tmp_'.length + 13 + 1 + 6

/** The longest live uid whose temporary index still fits in 400 bytes. */
export const maxIndexUidLength = 400 - temporarySuffixLength

const positiveInteger = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new MeilisearchConfigError(`${name} must be a positive integer, got ${value}`)
  }
  return value
}

const nonNegativeInteger = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MeilisearchConfigError(`${name} must be a non-negative integer, got ${value}`)
  }
  return value
}

/** Fills in defaults and refuses options that could only fail later, or unsafely. */
export const resolveOptions = (options: MeilisearchEngineOptions): ResolvedMeilisearchOptions => {
  const host = options.host?.trim()
  if (!host) throw new MeilisearchConfigError('host is required')
  if (!options.apiKey) throw new MeilisearchConfigError('apiKey is required')
  const indexUid = options.indexUid ?? defaultIndexUid
  if (!indexUidPattern.test(indexUid)) {
    throw new MeilisearchConfigError(`indexUid may only hold letters, digits, - and _: ${JSON.stringify(indexUid)}`)
  }
  if (indexUid.length > maxIndexUidLength) {
    throw new MeilisearchConfigError(
      `indexUid may be at most ${maxIndexUidLength} characters, so that its rebuild index (${temporarySuffixLength} more) stays within Meilisearch's 400: ${indexUid.length} given`,
    )
  }
  if (options.searchKey !== undefined && options.searchKey === options.apiKey) {
    throw new MeilisearchConfigError('searchKey must be a search-only key, not the admin key')
  }
  return {
    apiKey: options.apiKey,
    batchSize: positiveInteger(options.batchSize ?? defaultBatchSize, 'batchSize'),
    host,
    indexUid,
    maxBatchBytes: positiveInteger(options.maxBatchBytes ?? defaultMaxBatchBytes, 'maxBatchBytes'),
    publicHost: options.publicHost?.trim() || host,
    requestTimeoutMs: positiveInteger(options.requestTimeoutMs ?? defaultRequestTimeoutMs, 'requestTimeoutMs'),
    searchKey: options.searchKey || undefined,
    signingKeyCheckMs: nonNegativeInteger(options.signingKeyCheckMs ?? defaultSigningKeyCheckMs, 'signingKeyCheckMs'),
    taskPollIntervalMs: positiveInteger(options.taskPollIntervalMs ?? defaultTaskPollIntervalMs, 'taskPollIntervalMs'),
    taskTimeoutMs: positiveInteger(options.taskTimeoutMs ?? defaultTaskTimeoutMs, 'taskTimeoutMs'),
  }
}
