import type { RequestHandler } from 'express'

/**
 * Payload picks the admin language from its cookie, then from the browser's Accept-Language.
 * The school's staff read Vietnamese whatever their phone's setting: without an explicit choice
 * (the language picker in the account page sets the cookie), every request is treated as `vi`.
 */
export const vietnameseByDefault: RequestHandler = (req, _res, next) => {
  if (!/(^|;\s*)payload-lng=/.test(req.headers.cookie ?? '')) {
    req.headers['accept-language'] = 'vi'
  }
  next()
}
