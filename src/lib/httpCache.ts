import type { RequestHandler } from 'express'

import { createHash } from 'node:crypto'

const isPersonal = (headers: Record<string, string | string[] | undefined>) =>
  Boolean(headers.authorization) || /(^|;\s*)payload-token=/.test(String(headers.cookie ?? ''))

/**
 * Anonymous reads of the content API are the same for everyone, so they may be cached by
 * browsers and proxies and revalidated with an ETag (304 when unchanged). Anything answered for a
 * signed-in viewer is personal: `private, no-store`.
 */
export const contentApiCaching =
  ({ except, maxAgeSeconds }: { except?: RegExp; maxAgeSeconds: number }): RequestHandler =>
  (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || except?.test(req.path)) return next()
    if (isPersonal(req.headers)) {
      res.setHeader('Cache-Control', 'private, no-store')
      res.setHeader('Vary', 'Authorization, Cookie')
      return next()
    }
    const chunks: Buffer[] = []
    const write = res.write.bind(res)
    const end = res.end.bind(res)
    const writeHead = res.writeHead.bind(res)
    // Next sends its headers with writeHead before the body: keep them unsent until the body is
    // known, so the ETag and caching headers can still be added.
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
      if (Array.isArray(headers)) {
        for (let index = 0; index < headers.length; index += 2) res.setHeader(headers[index], headers[index + 1])
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string)
      }
      return res
    }) as typeof res.writeHead
    // Buffer the answer to hash it; API answers are small JSON documents.
    res.write = ((chunk: Buffer | string) => {
      chunks.push(Buffer.from(chunk))
      return true
    }) as typeof res.write
    res.end = ((chunk?: Buffer | string | (() => void)) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk))
      const body = Buffer.concat(chunks)
      res.write = write
      res.end = end
      res.writeHead = writeHead
      if (res.statusCode !== 200 || res.getHeader('Cache-Control')?.toString().includes('no-store')) {
        return end(body)
      }
      const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`
      res.setHeader('ETag', etag)
      res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds * 5}`)
      res.setHeader('Vary', 'Authorization, Cookie, Accept-Language')
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304
        res.removeHeader('Content-Length')
        return end()
      }
      res.setHeader('Content-Length', body.length)
      return end(body)
    }) as typeof res.end
    next()
  }
