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

/** Meilisearch index uids: letters, digits, `-` and `_`, at most 400 bytes. */
export const indexUidPattern = /^[A-Za-z0-9_-]{1,400}$/

const positiveInteger = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new MeilisearchConfigError(`${name} must be a positive integer, got ${value}`)
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
    taskPollIntervalMs: positiveInteger(options.taskPollIntervalMs ?? defaultTaskPollIntervalMs, 'taskPollIntervalMs'),
    taskTimeoutMs: positiveInteger(options.taskTimeoutMs ?? defaultTaskTimeoutMs, 'taskTimeoutMs'),
  }
}
