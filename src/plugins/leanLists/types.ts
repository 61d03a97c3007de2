import type { CollectionSlug, FieldAccess, SelectIncludeType } from 'payload'

/** The fields to populate related documents with, by their collection: only fields to include. */
export type ListPopulate = Partial<Record<CollectionSlug, SelectIncludeType>>

export type LeanListsOptions = {
  /**
   * Collections whose REST lists leave out their rich-text fields when the request names no
   * `select`, by slug. A collection without a rich-text field outside arrays and blocks is left
   * as it is.
   */
  collections: CollectionSlug[]
  /**
   * The fields these lists populate related documents with, by the related collection, when the
   * request names neither `select` nor `populate`: at any `depth` above 0, Payload's default of 2
   * for REST included, and through the documents they relate to (Payload passes `populate` down).
   * A client that names either gets Payload's own shape: with a `select`, every field of each
   * related document it may read; with a `populate`, the fields it names.
   * @default undefined: related documents keep every field
   */
  populate?: ListPopulate
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
  populate: ListPopulate
  /** The collections whose lists populate so: their documents lead to a collection of `populate`. */
  populating: string[]
}
