import type { Payload } from 'payload'

import express, { type Request, type RequestHandler, Router } from 'express'

import { answerFeed } from './feeds.js'
import { formerSlug, shortLink } from './links/redirects.js'
import { answerOai } from './oai/protocol.js'
import { robotsTxt, sectionSitemap, sitemapIndex } from './sitemaps.js'
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

/** The school's name for a feed's title and author; the site's own fallback when the profile has none. */
const schoolNameOf = async (payload: Payload): Promise<string> => {
  const profile = await payload.findGlobal({ slug: 'school-profile', depth: 0, overrideAccess: false })
  return typeof profile?.name === 'string' && profile.name.trim() ? profile.name.trim() : 'Trường Số'
}

const feeds =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const answer = await answerFeed(payload, req.path, siteUrlOf(payload, req), await schoolNameOf(payload))
      if (!answer) return next()
      // Feed readers poll: a minute's staleness spares the database, as for the API's public answers.
      res.set('Cache-Control', 'public, max-age=60').type(answer.type).send(answer.xml)
    } catch (error) {
      next(error)
    }
  }

const sitemaps =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const siteUrl = siteUrlOf(payload, req)
      const section = req.path.match(/^\/sitemaps\/([a-z-]+)\.xml$/)?.[1]
      const xml = req.path === '/sitemap.xml' ? await sitemapIndex(payload, siteUrl) : section ? await sectionSitemap(payload, section, siteUrl) : undefined
      if (!xml) return next()
      res.set('Cache-Control', 'public, max-age=300').type('application/xml; charset=utf-8').send(xml)
    } catch (error) {
      next(error)
    }
  }

/**
 * The open-standards routes the server mounts in front of Next: `/oai` (GET and POST), `/feeds/…`,
 * `/sitemap.xml`, `/sitemaps/…`, `/robots.txt`, short links `/p/<collection>/<id>` and former slugs.
 */
export const standardsRoutes = (payload: Payload): Router => {
  const router = Router()
  router.get('/oai', oai(payload))
  router.post('/oai', formBody, oai(payload))
  router.get('/feeds/*feed', feeds(payload))
  router.get(['/sitemap.xml', '/sitemaps/*section'], sitemaps(payload))
  router.get('/p/:collection/:id', shortLink(payload))
  router.get('/hoc-lieu/:slug', formerSlug(payload, 'learning-materials'))
  router.get('/tin-tuc/:slug', formerSlug(payload, 'announcements'))
  router.get('/robots.txt', (req, res) => void res.set('Cache-Control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(robotsTxt(siteUrlOf(payload, req))))
  return router
}
