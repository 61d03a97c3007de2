import type { CollectionSlug } from 'payload'

export type LeanListsOptions = {
  /**
   * Collections whose REST lists leave out their rich-text fields when the request names no
   * `select`, by slug. A collection without a rich-text field outside arrays and blocks is left
   * as it is.
   */
  collections: CollectionSlug[]
}

/** What the plugin publishes in `config.custom.leanLists`: the fields each list leaves out, by collection. */
export type LeanListShapes = Record<string, string[]>
