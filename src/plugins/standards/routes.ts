import type { Payload } from 'payload'

import express, { type Request, type RequestHandler, Router } from 'express'

import { answerOai } from './oai/protocol.js'
import { standardsSettingsOf } from './index.js'

/** The site's public address: the configured one, else the one the request came to. */
const siteUrlOf = (payload: Payload, req: Request): string =>
  (payload.config.serverURL || `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/+$/, '')

/** Harvesters send a verb and a few short arguments; a token is under 1 KB. */
const formBody = express.text({ type: 'application/x-www-form-urlencoded', limit: '16kb' })

const oai =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const query = req.method === 'POST' ? (typeof req.body === 'string' ? req.body : '') : (req.originalUrl.split('?')[1] ?? '')
      const siteUrl = siteUrlOf(payload, req)
      const settings = standardsSettingsOf(payload.config)
      const xml = await answerOai({
        payload,
        params: new URLSearchParams(query),
        baseUrl: `${siteUrl}/oai`,
        siteUrl,
        secret: payload.secret,
        settings: { pageSize: settings.oaiPageSize, tokenLifetimeMs: settings.oaiTokenLifetimeMs },
        now: new Date(),
      })
      // Each answer states its own date, which incremental harvests start from: never kept.
      res.set('Cache-Control', 'no-store').type('text/xml; charset=utf-8').send(xml)
    } catch (error) {
      next(error)
    }
  }

/** The open-standards routes the server mounts in front of Next: `/oai` (GET and POST). */
export const standardsRoutes = (payload: Payload): Router => {
  const router = Router()
  router.get('/oai', oai(payload))
  router.post('/oai', formBody, oai(payload))
  return router
}
