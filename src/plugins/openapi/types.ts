import type { ServerObject } from './oas.js'

export type OpenAPIPluginOptions = {
  /** The API's name, shown as `info.title` and as the docs page's heading. */
  title: string
  /** The version of the API description (not Payload's), shown as `info.version`. */
  version: string
  /**
   * `info.description`, in Markdown.
   * @default a bilingual (vi, en) note on access levels and signing in, see `defaultDescription`
   */
  description?: string
  /**
   * Collections whose read routes are described, by slug.
   * @default every collection except auth collections (described through login, logout and me
   * only) and Payload's own `payload-*` collections
   */
  collections?: string[]
  /**
   * Globals whose read route is described, by slug.
   * @default every global except Payload's own `payload-*` globals
   */
  globals?: string[]
  /**
   * Where the API answers; paths already start with the API route (`/api`).
   * @default [{ url: config.serverURL }], or `/` (this server) when `serverURL` is empty
   */
  servers?: ServerObject[]
}

/** The options with every default filled in; some defaults depend on the final config. */
export type ResolvedOpenAPIOptions = Required<OpenAPIPluginOptions>
