import type { Request, RequestHandler } from 'express'

/** How large a body the API takes into memory; see README "Connections and limits". */
export type BodyLimits = {
  /**
   * A query sent as the body of a `POST` with `X-Payload-HTTP-Method-Override: GET` (what the
   * admin does when a `where` is too long for an address). @default 131_072 (128 KiB)
   */
  queryBytes: number
  /**
   * Every other body that is not a file upload: JSON, url-encoded, GraphQL. The admin's own saves
   * are multipart with the document as one field, which Payload already caps at 1 MiB.
   * @default 1_048_576 (1 MiB)
   */
  dataBytes: number
}

export const defaultBodyLimits: BodyLimits = {
  queryBytes: 128 * 1024,
  dataBytes: 1024 * 1024,
}

/** Payload answers such a `POST` as the `GET` whose query string is the body. */
export const overridesToGet = (req: Request): boolean =>
  req.method === 'POST' &&
  [req.get('x-payload-http-method-override'), req.get('x-http-method-override')].some((value) => value?.trim().toUpperCase() === 'GET')

/**
 * How much of a refused body is still read, into nothing, before the connection is cut. A client
 * that is still sending when the answer comes would see its connection reset, not the answer,
 * if the server closed at once (a 4 MB query did, now and then, on a busy machine).
 */
const drainedBytes = 16 * 1024 * 1024

const refuse = (req: Request, res: Parameters<RequestHandler>[1], status: number, message: string) => {
  res.status(status).json({ errors: [{ message }] })
  let received = 0
  req.on('data', (chunk: Buffer) => {
    received += chunk.length
    if (received > drainedBytes) req.socket.destroy()
  })
  req.resume()
}

/**
 * Refuses API bodies above their cap by their declared length, before anything reads them: the
 * body of a query is parsed and validated clause by clause, so its size is its cost. File uploads
 * (multipart) keep the per-kind limits of `uploads/allowlist.ts`. A capped body must declare its
 * length: counting a chunked one would mean reading it here, and GraphQL reads its own in Next.
 */
export const bodyLimits =
  (limits: BodyLimits = defaultBodyLimits): RequestHandler =>
  (req, res, next) => {
    const chunked = /chunked/i.test(req.headers['transfer-encoding'] ?? '')
    const length = Number(req.headers['content-length'] ?? 0)
    if (!chunked && !(length > 0)) return next()
    const query = overridesToGet(req)
    if (!query && /^multipart\//i.test(req.headers['content-type'] ?? '')) return next()
    const cap = query ? limits.queryBytes : limits.dataBytes
    const kib = Math.floor(cap / 1024)
    if (chunked) {
      return refuse(
        req,
        res,
        411,
        `Yêu cầu phải ghi rõ độ dài nội dung (Content-Length), tối đa ${kib} KB. / The request must state its body length (Content-Length), at most ${kib} KB.`,
      )
    }
    if (length <= cap) return next()
    refuse(
      req,
      res,
      413,
      query
        ? `Truy vấn gửi kèm quá lớn: tối đa ${kib} KB. Hãy bớt điều kiện lọc. / The query in the request body is too large: at most ${kib} KB. Use fewer filter conditions.`
        : `Nội dung yêu cầu quá lớn: tối đa ${kib} KB. / The request body is too large: at most ${kib} KB.`,
    )
  }
