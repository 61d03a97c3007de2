import type { CollectionSlug, FieldAccess } from 'payload'

export type LeanListsOptions = {
  /**
   * Collections whose REST lists leave out their rich-text fields when the request names no
   * `select`, by slug. A collection without a rich-text field outside arrays and blocks is left
   * as it is.
   */
  collections: CollectionSlug[]
  /**
   * Field read rules that decide by the reader alone, never by the document (`editorsOnlyField`).
   * A list with no `select` of its own does not read from the database the top-level fields such a
   * rule refuses this reader, rather than read them for every document and drop them after.
   */
  readerOnlyRules?: FieldAccess[]
}

/** What the plugin publishes in `config.custom.leanLists`: the fields each list leaves out, by collection. */
export type LeanListShapes = Record<string, string[]>
