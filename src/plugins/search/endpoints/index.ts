import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedSearchPluginOptions } from '../types.js'

import { hasRole, levelsFor } from '../../../access/accessLevels.js'
import { isOpsToken, opsTokenHeader } from '../../../lib/opsToken.js'
import { translate } from '../../../lib/translate.js'
import { checkDrift, reindexAll } from '../ops.js'
import { warmWithin } from '../warmup.js'
import { parseSearchQuery, SearchQueryError } from './parseSearchQuery.js'

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { headers: { 'Cache-Control': 'private, no-store', ...headers }, status })

const isOperator = (req: PayloadRequest) =>
  hasRole(req.user, 'admin') || isOpsToken(req.headers.get(opsTokenHeader))

/** How long a search waits for the index being built at start before answering 503. */
const warmupWaitMs = 5000

/** Tenant tokens live at most this long; the issue caps them at an hour. */
const tokenLifetimeMs = 50 * 60 * 1000

export const searchEndpoints = (options: SanitizedSearchPluginOptions): Endpoint[] => [
  {
    path: '/search',
    method: 'get',
    handler: async (req) => {
      const started = performance.now()
      try {
        const query = parseSearchQuery(new URL(req.url ?? '', 'http://localhost'), req, options)
        if (!(await warmWithin(options.warmup, warmupWaitMs))) {
          return json({ errors: [{ message: translate(req, 'searchWarmingUp') }] }, 503, { 'Retry-After': '5' })
        }
        const result = await options.engine.search(query)
        return json(
          {
            facets: result.facets,
            hits: result.hits,
            ...(result.ignored?.length
              ? { ignored: result.ignored, notice: translate(req, 'searchRelaxed', { words: result.ignored.join(', ') }) }
              : {}),
            limit: query.limit,
            page: query.page,
            q: query.q,
            timing: { engineMs: Math.round(result.engineMs * 100) / 100, totalMs: Math.round((performance.now() - started) * 100) / 100 },
            total: result.total,
            totalPages: Math.ceil(result.total / query.limit),
          },
          200,
          { Vary: 'Authorization, Cookie' },
        )
      } catch (error) {
        if (error instanceof SearchQueryError) {
          return json({ errors: [{ message: translate(req, error.key, error.variables) }] }, 400)
        }
        req.payload.logger.error({ err: error, msg: 'search failed' })
        return json({ errors: [{ message: translate(req, 'searchUnavailable') }] }, 503)
      }
    },
  },
  {
    path: '/search/token',
    method: 'get',
    handler: async (req) => {
      if (!options.engine.tenantToken) {
        return json({ errors: [{ message: translate(req, 'searchTokenUnavailable') }] }, 404)
      }
      const token = await options.engine.tenantToken(levelsFor(req.user), new Date(Date.now() + tokenLifetimeMs))
      return json(token)
    },
  },
  {
    path: '/search/reindex',
    method: 'post',
    handler: async (req) => {
      if (!isOperator(req)) return json({ errors: [{ message: req.t('error:unauthorized') }] }, 403)
      return json(await reindexAll(options, req))
    },
  },
  {
    path: '/search/check',
    method: 'get',
    handler: async (req) => {
      if (!isOperator(req)) return json({ errors: [{ message: req.t('error:unauthorized') }] }, 403)
      return json(await checkDrift(options, req))
    },
  },
]
