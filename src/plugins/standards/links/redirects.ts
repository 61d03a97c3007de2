import type { Payload } from 'payload'
import type { IncomingHttpHeaders } from 'node:http'

import type { RequestHandler } from 'express'

import { slugHistorySlug, sluggedPages, type SluggedCollection, slugKey } from './slugHistory.js'

/** Pages addressed by id, by collection. */
const pagesById = { 'library-items': '/thu-vien', 'regulatory-documents': '/van-ban' } as const
type ShortLinked = SluggedCollection | keyof typeof pagesById

const toHeaders = (incoming: IncomingHttpHeaders): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  return headers
}

/**
 * A document's slug as the visitor may read it (anonymous, or signed in by cookie or token), so
 * that a redirect never reveals the address of something the visitor cannot open.
 */
const slugFor = async (payload: Payload, headers: IncomingHttpHeaders, collection: SluggedCollection, id: string): Promise<string | undefined> => {
  const { user } = await payload.auth({ headers: toHeaders(headers) })
  const doc = await payload
    .findByID({ collection, id, depth: 0, overrideAccess: false, user, disableErrors: true })
    .catch(() => null)
  return typeof doc?.slug === 'string' && doc.slug ? doc.slug : undefined
}

const queryOf = (url: string): string => (url.includes('?') ? url.slice(url.indexOf('?')) : '')

/**
 * `/p/<collection>/<id>`: the short, permanent address printed on paper and in QR codes. It
 * answers 302 (not 301) because the page it leads to may move when a title changes.
 */
export const shortLink =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const collection = req.params.collection as ShortLinked
      const id = String(req.params.id)
      if (collection in pagesById) return void res.redirect(302, `${pagesById[collection as keyof typeof pagesById]}/${encodeURIComponent(id)}`)
      if (!(collection in sluggedPages)) return next()
      const slug = await slugFor(payload, req.headers, collection as SluggedCollection, id)
      if (!slug) return next()
      res.redirect(302, `${sluggedPages[collection as SluggedCollection]}/${encodeURIComponent(slug)}`)
    } catch (error) {
      next(error)
    }
  }

/** An address with a former slug answers 301 to the document's current one; any other passes on to the site. */
export const formerSlug =
  (payload: Payload, collection: SluggedCollection): RequestHandler =>
  async (req, res, next) => {
    try {
      const slug = String(req.params.slug)
      // The page as it is addressed now: the usual case, one indexed lookup.
      const { totalDocs } = await payload.count({ collection, where: { slug: { equals: slug } }, overrideAccess: true })
      if (totalDocs > 0) return next()
      const { docs } = await payload.find({ collection: slugHistorySlug, where: { key: { equals: slugKey(collection, slug) } }, limit: 1, depth: 0, overrideAccess: true })
      const current = docs[0] ? await slugFor(payload, req.headers, collection, docs[0].docId) : undefined
      if (!current || current === slug) return next()
      res.redirect(301, `${sluggedPages[collection]}/${encodeURIComponent(current)}${queryOf(req.originalUrl)}`)
    } catch (error) {
      next(error)
    }
  }
