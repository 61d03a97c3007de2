/** Caps on how much work one `where` filter may ask of the database. */
export type WhereLimits = {
  /**
   * Conditions in all (each operator on a field counts once: `{ title: { like, not_equals } }` is two).
   * @default 30
   */
  maxConditions?: number
  /**
   * Conditions on a path through a relationship (`cover.alt`): each one joins the related
   * collection again, with its access rule, and SQLite stops at 64 tables in a join.
   * @default 5
   */
  maxConditionsAcrossRelations?: number
  /**
   * Levels of `and`/`or` nested in one another.
   * @default 5
   */
  maxNesting?: number
  /**
   * Values in all: the entries of `in`/`not_in`/`all` lists and the words of `like` (each word
   * is a pattern of its own to the database).
   * @default 500
   */
  maxValues?: number
}

/**
 * Caps on one GraphQL operation, counted after following fragments. All but `maxDocuments` and
 * `assumedListLength` need no schema and are checked on the document before GraphQL's own
 * validation, whose cost grows faster than the document (see `screenDocument`).
 */
export type GraphQLLimits = {
  /**
   * Documents the operation may read: every list counts its `limit` (Payload's default 10 when
   * absent), every relationship its documents, and nested lists multiply.
   * @default 200
   */
  maxDocuments?: number
  /**
   * Fields nested in one another (`LearningMaterials { docs { cover { url } } }` is 4).
   * @default 8
   */
  maxDepth?: number
  /**
   * Aliases anywhere in the operation (`a1: LearningMaterials …`).
   * @default 20
   */
  maxAliases?: number
  /**
   * Fields asked for at the top of the operation, aliases included.
   * @default 10
   */
  maxRootFields?: number
  /**
   * Rows a list field (an array, or a relationship with several values) is assumed to hold when
   * its field sets no `maxRows`; what each row reads counts that many times.
   * @default 5
   */
  assumedListLength?: number
  /**
   * Tokens of the document (names, punctuation, values): about 10 KB of a typical query. The
   * parser stops counting there.
   * @default 3000
   */
  maxTokens?: number
  /**
   * Fields of an operation once every fragment is spread where it is used.
   * @default 500
   */
  maxExpandedFields?: number
  /**
   * Fragment definitions in the document.
   * @default 10
   */
  maxFragments?: number
}

export type CostLimitsOptions = {
  /**
   * The largest page of a list, REST `?limit=` and GraphQL `limit:` alike. `limit=0`, a negative
   * limit and `pagination=false` without a limit all mean "everything" to Payload and are refused.
   * @default 100
   */
  maxLimit?: number
  /**
   * REST lists: `depth × limit` at most this (depth as Payload applies it: its default when
   * absent, never above `maxDepth` of the config).
   * @default 200
   */
  maxDepthTimesLimit?: number
  where?: WhereLimits
  graphQL?: GraphQLLimits
}

export type SanitizedCostLimits = Required<Omit<CostLimitsOptions, 'graphQL' | 'where'>> & {
  graphQL: Required<GraphQLLimits>
  where: Required<WhereLimits>
}
