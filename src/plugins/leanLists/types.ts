import type { CollectionSlug, FieldAccess, PopulateType } from 'payload'

export type LeanListsOptions = {
  /**
   * Collections whose REST lists leave out their rich-text fields when the request names no
   * `select`, by slug. A collection without a rich-text field outside arrays and blocks is left
   * as it is.
   */
  collections: CollectionSlug[]
  /**
   * The fields these lists populate related documents with, by the related collection, when the
   * request names neither `select` nor `populate` (and asks for a `depth` above 0). A client that
   * names either gets Payload's shape: every field of every related document it may read.
   * @default {} (related documents keep every field)
   */
  populate?: PopulateType
  /**
   * Field read rules that decide by the reader alone, never by the document (`editorsOnlyField`).
   * A list with no `select` of its own does not read from the database the top-level fields such a
   * rule refuses this reader, rather than read them for every document and drop them after.
   */
  readerOnlyRules?: FieldAccess[]
}

/** What the plugin publishes in `config.custom.leanLists`, for the API's description. */
export type LeanListShapes = {
  /** The fields each list leaves out, by collection. */
  omitted: Record<string, string[]>
  /** The fields related documents come with in these lists, by related collection (`populate`). */
  populate: PopulateType
  /** The collections whose lists relate to a collection of `populate`, at any depth of their fields. */
  populating: string[]
}
