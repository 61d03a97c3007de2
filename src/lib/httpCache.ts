import type { Request, RequestHandler, Response } from 'express'
import type { OutgoingHttpHeaders } from 'node:http'

import { createHash } from 'node:crypto'

/** Read as Payload reads its session cookie: pairs split on ';' and '=', the name trimmed. */
const hasSessionCookie = (cookie: string | string[] | undefined) =>
  String(cookie ?? '')
    .split(';')
    .some((pair) => pair.split('=')[0].trim() === 'payload-token')

const isPersonal = (headers: Record<string, string | string[] | undefined>) =>
  Boolean(headers.authorization) || hasSessionCookie(headers.cookie)

const isRead = (method: string) => method === 'GET' || method === 'HEAD'

type StoredAnswer = { body: Buffer; etag: string; expires: number; headers: OutgoingHttpHeaders }

/** Headers about this client or this moment, never replayed to another: its rate limit, its cookies. */
const isClientHeader = (name: string) => /^(ratelimit|retry-after|set-cookie|date$)/i.test(name)

/** What an answer holds in memory, roughly: its body, its key and its headers (two bytes a character). */
const sizeOf = (key: string, body: Buffer, headers: OutgoingHttpHeaders) =>
  body.length + 2 * (key.length + JSON.stringify(headers).length)

/**
 * Anonymous answers kept in memory for a few seconds, so a busy page (the school's news on the
 * morning of an announcement) is served without running the query again for every visitor. Any
 * write through the server empties it; what changes with time alone (a scheduled announcement
 * coming out) shows within `ttlMs`, well inside the minute browsers may cache it anyway.
 * It holds at most `maxBytes`, the oldest answers forgotten first: counted in answers, a few
 * large lists could take a small server's memory.
 */
export const createAnswerStore = ({ maxBodyBytes = 256 * 1024, maxBytes = 16 * 1024 * 1024, ttlMs }: { maxBodyBytes?: number; maxBytes?: number; ttlMs: number }) => {
  const answers = new Map<string, StoredAnswer & { bytes: number }>()
  let bytes = 0
  // Bumped by every write: an answer read before a write finished is not kept after it.
  let generation = 0
  // The answer differs by language and, through its CORS headers, by the calling site.
  const keyOf = (req: Request) => `${req.originalUrl}\n${req.headers['accept-language'] ?? ''}\n${req.headers.origin ?? ''}`
  const forget = (key: string) => {
    bytes -= answers.get(key)?.bytes ?? 0
    answers.delete(key)
  }
  return {
    /** Bytes the kept answers take, as counted against `maxBytes`. */
    bytes: () => bytes,
    clear: () => {
      generation++
      answers.clear()
      bytes = 0
    },
    generation: () => generation,
    find: (req: Request): StoredAnswer | undefined => {
      const answer = answers.get(keyOf(req))
      return answer && answer.expires > Date.now() ? answer : undefined
    },
    keep: (req: Request, res: Response, body: Buffer, etag: string, readInGeneration: number) => {
      if (readInGeneration !== generation || body.length > maxBodyBytes || res.getHeader('Set-Cookie')) return
      const key = keyOf(req)
      const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !isClientHeader(name)))
      const size = sizeOf(key, body, headers) + etag.length
      if (size > maxBytes) return
      forget(key)
      for (const oldest of answers.keys()) {
        if (bytes + size <= maxBytes) break
        forget(oldest)
      }
      answers.set(key, { body, bytes: size, etag, expires: Date.now() + ttlMs, headers })
      bytes += size
    },
  }
}

export type AnswerStore = ReturnType<typeof createAnswerStore>

/** Empties the store once any write anywhere on the server (API, admin) has been answered. */
export const forgetAnswersOnWrite =
  (store: AnswerStore): RequestHandler =>
  (req, res, next) => {
    // 'close' also comes when the writer leaves before the answer is sent; a refused write changed nothing.
    if (!isRead(req.method)) res.once('close', () => res.statusCode < 400 && store.clear())
    next()
  }

const sendStored = (req: Request, res: Response, answer: StoredAnswer) => {
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) res.setHeader(name, value)
  if (req.headers['if-none-match'] === answer.etag) {
    res.removeHeader('Content-Length')
    return void res.status(304).end()
  }
  res.status(200).end(req.method === 'HEAD' ? undefined : answer.body)
}

/**
 * Anonymous reads of the content API are the same for everyone, so they may be cached by
 * browsers and proxies and revalidated with an ETag (304 when unchanged), and, with a `store`,
 * answered from memory (except what `storeExcept` names: search results change with the index,
 * after the write has been answered). Anything answered for a signed-in viewer is personal: `private, no-store`.
 */
export const contentApiCaching =
  ({ except, maxAgeSeconds, store: storeOption, storeExcept }: { except?: RegExp; maxAgeSeconds: number; store?: AnswerStore; storeExcept?: RegExp }): RequestHandler =>
  (req, res, next) => {
    if (!isRead(req.method) || except?.test(req.path)) return next()
    if (isPersonal(req.headers)) {
      res.setHeader('Cache-Control', 'private, no-store')
      res.setHeader('Vary', 'Authorization, Cookie')
      return next()
    }
    const store = storeExcept?.test(req.path) ? undefined : storeOption
    const stored = store?.find(req)
    if (stored) return sendStored(req, res, stored)
    const generation = store?.generation() ?? 0
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
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
      return true
    }) as typeof res.write
    res.end = ((chunk?: Buffer | string | (() => void)) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
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
      res.setHeader('Content-Length', body.length)
      if (req.method === 'GET') store?.keep(req, res, body, etag, generation)
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304
        res.removeHeader('Content-Length')
        return end()
      }
      return end(body)
    }) as typeof res.end
    next()
  }
