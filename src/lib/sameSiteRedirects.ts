import type { RequestHandler } from 'express'

import { sameSitePath } from './sameSitePath.js'

/** The query parameters that name where to go next: the website's login and Payload's admin. */
const REDIRECT_PARAMETERS = ['redirect', 'tiep']

/**
 * Every redirect parameter goes through {@link sameSitePath} before Next or Payload read it, so
 * the admin (which applies rules of its own) and the website follow one rule: a path on this site,
 * or nothing.
 */
export const sameSiteRedirectParameters: RequestHandler = (req, _res, next) => {
  const start = req.url.indexOf('?')
  if (start === -1) return next()
  const params = new URLSearchParams(req.url.slice(start + 1))
  const named = REDIRECT_PARAMETERS.filter((name) => params.has(name))
  if (named.length === 0) return next()
  for (const name of named) {
    const path = sameSitePath(params.get(name))
    if (path) params.set(name, path)
    else params.delete(name)
  }
  req.url = `${req.url.slice(0, start)}${params.size > 0 ? `?${params}` : ''}`
  next()
}
