import type { SanitizedStandardsOptions, StandardsPluginOptions } from './types.js'

/** DSpace answers 100 records a page; Koha's OAI-PMH:MaxCount defaults to 50. */
export const defaultOaiPageSize = 100

/** An hour: long enough for a slow harvester between two pages, short enough to forget. */
export const defaultOaiTokenLifetimeMs = 60 * 60 * 1000

const positive = (value: string | undefined): number | undefined => {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : undefined
}

export const sanitizeStandardsOptions = (options: StandardsPluginOptions, env: NodeJS.ProcessEnv = process.env): SanitizedStandardsOptions => ({
  oaiPageSize: positive(env.OAI_PAGE_SIZE) ?? options.oaiPageSize ?? defaultOaiPageSize,
  oaiTokenLifetimeMs: options.oaiTokenLifetimeMs ?? defaultOaiTokenLifetimeMs,
})
