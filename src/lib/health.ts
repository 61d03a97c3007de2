import type { Payload } from 'payload'

import { Router } from 'express'

/**
 * `/healthz` answers while the process is up; `/readyz` only when the database answers a query,
 * so a load balancer stops sending traffic to an instance that lost its database.
 */
export const healthRoutes = (payload: Payload): Router => {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      await payload.count({ collection: 'users', overrideAccess: true })
      res.json({ status: 'ready' })
    } catch (error) {
      payload.logger.error({ err: error, msg: 'readiness check failed' })
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' })
    }
  })
  return router
}
