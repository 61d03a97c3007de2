/** Options of the open-standards plugin (OAI-PMH, and the feeds and sitemaps that join it). */
export type StandardsPluginOptions = {
  /**
   * Records or headers in one OAI-PMH list answer; a longer list continues with a resumption
   * token. `OAI_PAGE_SIZE` in the environment overrides it.
   * @default 100
   */
  oaiPageSize?: number
  /**
   * How long a resumption token may be used, in milliseconds.
   * @default 3_600_000 (one hour)
   */
  oaiTokenLifetimeMs?: number
}

export type SanitizedStandardsOptions = Required<StandardsPluginOptions>
