import type { RequestHandler } from 'express'

/**
 * `TRUST_PROXY` as express understands it: `true`/`false`, a number of hops, or addresses and
 * names (`loopback`, `10.0.0.0/8`, comma-separated). Express takes strings as addresses only, so
 * `TRUST_PROXY=false` would otherwise stop the server with "invalid IP address".
 */
export const trustProxySetting = (value = process.env.TRUST_PROXY ?? 'loopback'): boolean | number | string => {
  const setting = value.trim()
  if (setting === 'true' || setting === 'false') return setting === 'true'
  if (/^\d+$/.test(setting)) return Number(setting)
  return setting
}

/**
 * `req.ip` resolved once for the whole chain. Express resolves it through `trust proxy` on every
 * read (the forwarded addresses parsed, each hop checked), and the rate limit and the cost budget
 * read it four times per request: 0.9 % of the server's main thread on an anonymous REST list of
 * 20, 0.2 % once resolved (CPU profiles, 10,000 documents). The app behind the front door trusts
 * the same proxies, so its answer is this one.
 */
export const clientAddressResolvedOnce: RequestHandler = (req, _res, next) => {
  Object.defineProperty(req, 'ip', { configurable: true, enumerable: false, value: req.ip, writable: true })
  next()
}
