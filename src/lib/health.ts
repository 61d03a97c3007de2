import type { Payload } from 'payload'

import { Router } from 'express'

import { searchSettingsOf } from '../plugins/search/settingsOf.js'

/** One condition of readiness: resolves to why the instance is not ready, or `undefined`. */
export type ReadinessCheck = () => Promise<string | undefined>

/**
 * `/healthz` answers while the process is up, from its first moment; `/readyz` only when every
 * check passes, so a load balancer sends traffic to an instance once it started, while its
 * database answers, and once its search index is complete.
 */
export const healthRoutes = (checks: ReadinessCheck[]): Router => {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    for (const check of checks) {
      const reason = await check()
      if (reason) return void res.status(503).json({ status: 'unavailable', reason })
    }
    res.json({ status: 'ready' })
  })
  return router
}

export const databaseAnswers =
  (payload: Payload): ReadinessCheck =>
  async () => {
    try {
      await payload.count({ collection: 'users', overrideAccess: true })
      return undefined
    } catch (error) {
      payload.logger.error({ err: error, msg: 'readiness check failed' })
      return 'database unreachable'
    }
  }

/**
 * Not ready while the index is being built at start, while a search engine is not yet set up
 * (unreachable, or refusing its key), or while it applies new index settings. A build that failed
 * leaves the instance ready: the site serves, searches answer 503, and an operator's reindex
 * repairs it.
 */
export const searchIndexComplete =
  (payload: Payload): ReadinessCheck =>
  async () => {
    const { warmup } = searchSettingsOf(payload)
    if (warmup.failed) return undefined
    return warmup.pending ?? (warmup.done ? undefined : 'search index still building')
  }
