import type { Request, RequestHandler } from 'express'

import { allowedOrigins } from './allowedOrigins.js'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The session cookie Payload reads (`${cookiePrefix}-token`), which a browser attaches to any site's request. */
const carriesSession = (req: Request): boolean => /(^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

/**
 * This site's own origin: `SERVER_URL` when it is set, otherwise the one the request was sent to
 * (`X-Forwarded-Proto` and `X-Forwarded-Host` count only from a trusted proxy, by `trust proxy`).
 */
export const ownOrigin = (req: Request): string =>
  process.env.SERVER_URL?.trim().replace(/\/$/, '') || `${req.protocol}://${req.host}`

const refusal = (origin: string) => ({
  errors: [
    {
      message: `Từ chối yêu cầu thay đổi dữ liệu gửi từ trang khác (${origin}): phiên đăng nhập của bạn chỉ dùng được trên chính trang của trường. / A write sent from another site (${origin}) is refused: your session works only on the school's own site.`,
    },
  ],
})

/**
 * Cookie-authenticated writes only from this site and the origins `CORS_ORIGINS` lists. A browser
 * attaches the session cookie to a form or `fetch` sent by any site (SameSite=Lax still lets a
 * top-level form POST through in some browsers, and any sibling subdomain is "same site"), so the
 * request's `Origin` (or, without one, `Sec-Fetch-Site: cross-site`) decides. Requests without the
 * cookie (the website's own calls, scripts with a token) carry no ambient authority and pass.
 * Payload's `csrf` list cannot do this alone: with `SERVER_URL` unset it is empty, and Payload then
 * accepts every origin.
 */
export const refuseCrossSiteWrites: RequestHandler = (req, res, next) => {
  if (safeMethods.has(req.method) || !carriesSession(req)) return next()
  const listed = allowedOrigins()
  const origin = req.headers.origin
  if (origin !== undefined) {
    if (origin === ownOrigin(req) || listed.includes(origin)) return next()
    return void res.status(403).json(refusal(origin))
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return void res.status(403).json(refusal('?'))
  next()
}
