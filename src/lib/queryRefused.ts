import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { truongsoTranslations } from '../i18n.js'

/**
 * What SQLite says when one statement passes its own limits (1,000 levels of expression, 32,766
 * parameters, …): the query is the client's to simplify, not a fault of the server. Deep nesting
 * can also exhaust the stack while the SQL is being built.
 */
const refusals = [
  /Expression tree is too large/i,
  /too many SQL variables/i,
  /too many terms in compound SELECT/i,
  /too many FROM clause terms/i,
  /parser stack overflow/i,
  /LIKE or GLOB pattern too complex/i,
  /string or blob too big/i,
  /Maximum call stack size exceeded/i,
]

/** Drizzle's wrapper, whose message is the SQL and its values: only its causes speak for SQLite. */
const carriesQuery = (error: Error): boolean => 'query' in error && 'params' in error

/** The database's own words for why it refused, when it did; never the SQL or its values. */
export const refusalReason = (error: unknown): string | undefined => {
  for (let cause = error, hops = 0; cause instanceof Error && hops < 5; cause = cause.cause, hops++) {
    if (carriesQuery(cause)) continue
    const { message } = cause
    if (refusals.some((pattern) => pattern.test(message))) return message.slice(0, 200)
  }
  return undefined
}

/** A query the database refused as too complex: answered 400 on every surface, logged as a warning. */
export class QueryRefusedError extends APIError {
  constructor(
    message: string,
    /** Why the database refused, for the log. */
    readonly reason: string,
  ) {
    super(message, 400, undefined, true)
    this.name = 'QueryRefusedError'
  }
}

const messageFor = (req: Partial<PayloadRequest> | undefined): string =>
  req?.t ? req.t('truongso:queryTooComplex' as Parameters<PayloadRequest['t']>[0]) : truongsoTranslations.vi.truongso.queryTooComplex

/** The adapter calls that run a `where` a client may have written. */
const queryMethods = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies ReadonlyArray<keyof BaseDatabaseAdapter>

/**
 * The adapter with its query calls translating a refusal into `QueryRefusedError`. Done where the
 * database is called, so REST, GraphQL and the Local API all answer the same 400 — and the
 * adapter's own error, whose message carries the whole SQL and every value, is never logged.
 */
export const refusingQueriesClearly = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const methods = db as unknown as Record<string, unknown>
    for (const name of queryMethods) {
      const method = methods[name]
      if (typeof method !== 'function') continue
      methods[name] = async function (this: unknown, ...callArgs: unknown[]) {
        try {
          return await method.apply(this, callArgs)
        } catch (error) {
          const reason = refusalReason(error)
          if (!reason) throw error
          throw new QueryRefusedError(messageFor((callArgs[0] as { req?: Partial<PayloadRequest> } | undefined)?.req), reason)
        }
      }
    }
    return db
  },
})
