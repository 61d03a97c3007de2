import type { RequestHandler } from 'express'
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'

/** What one slow or greedy client may hold of the server; see README "Connections". */
export type ConnectionLimits = {
  /** All request headers must arrive within this time. @default 15_000 */
  headersTimeoutMs: number
  /**
   * A connection that sends and receives nothing for this long is closed; not while the server
   * itself is preparing an answer (the client then waits on us). @default 30_000
   */
  idleTimeoutMs: number
  /** A kept-alive connection waiting for its next request is closed after this. @default 5_000 */
  keepAliveTimeoutMs: number
  /** Requests answered on one kept-alive connection before it is closed. @default 1_000 */
  maxRequestsPerSocket: number
  /** Open connections from one client address (not counting trusted proxies). @default 32 */
  maxConnectionsPerClient: number
  /** A body must arrive at least this fast, after a first `bodyGraceMs`. @default 16_384 bytes/s */
  minBodyBytesPerSecond: number
  /** Time every body gets before the minimum rate applies. @default 30_000 */
  bodyGraceMs: number
}

export const defaultConnectionLimits: ConnectionLimits = {
  headersTimeoutMs: 15_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxRequestsPerSocket: 1_000,
  maxConnectionsPerClient: Number(process.env.MAX_CONNECTIONS_PER_CLIENT) || 32,
  minBodyBytesPerSecond: 16 * 1024,
  bodyGraceMs: 30_000,
}

/** A body sent without a length (chunked) gets what the largest upload would get. */
const UNKNOWN_LENGTH_BYTES = 64 * 1024 * 1024

/**
 * Node's defaults let a client that sends one header line every few seconds hold a connection
 * for a minute or more, and any number of them. This server closes slow headers, idle
 * connections and bodies slower than a minimum rate, and caps connections per client address.
 * Addresses of trusted proxies (`isTrustedProxy`) are not capped: every visitor arrives through them.
 */
export const createLimitedServer = (
  listener: RequestListener,
  isTrustedProxy: (address: string) => boolean,
  limits: ConnectionLimits = defaultConnectionLimits,
): Server => {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // The whole-request deadline depends on the body's size: see `bodyDeadline`.
      requestTimeout: 0,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Timeouts are checked this often; Node's default (30 s) would let slow headers live 45 s.
      connectionsCheckingInterval: 1_000,
    },
    listener,
  )
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy())
  // Silence while the server works is not the client's: an upload of a long plan or a page of the
  // admin on a busy machine may take longer, and closing then loses the answer (the browser sees
  // a network error, and the admin's forms stay disabled). The clock starts again with the answer,
  // so a client that stops reading it is still let go.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket
    socket.setTimeout(0)
    const writeHead = res.writeHead
    const rearm = () => {
      if (!socket.destroyed) socket.setTimeout(limits.idleTimeoutMs)
    }
    res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
      rearm()
      return writeHead.apply(this, args)
    } as typeof writeHead
    res.once('close', rearm)
  })

  const openByClient = new Map<string, number>()
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? ''
    if (isTrustedProxy(address)) return
    const open = (openByClient.get(address) ?? 0) + 1
    if (open > limits.maxConnectionsPerClient) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      socket.destroy()
      return
    }
    openByClient.set(address, open)
    socket.once('close', () => {
      const left = (openByClient.get(address) ?? 1) - 1
      if (left > 0) openByClient.set(address, left)
      else openByClient.delete(address)
    })
  })
  return server
}

/**
 * A request body must arrive within the grace time plus its length at the minimum rate: an upload
 * on a slow phone line gets the time its size needs, a trickle of a few bytes a second does not.
 */
export const bodyDeadline =
  (limits: ConnectionLimits = defaultConnectionLimits): RequestHandler =>
  (req, res, next) => {
    const length = Number(req.headers['content-length'])
    const chunked = /chunked/i.test(req.headers['transfer-encoding'] ?? '')
    if (!chunked && !(length > 0)) return next()
    const bytes = chunked ? UNKNOWN_LENGTH_BYTES : length
    const timer = setTimeout(() => {
      if (req.complete) return
      if (!res.headersSent) {
        res.status(408).set('Connection', 'close').json({
          errors: [{ message: 'Gửi dữ liệu quá chậm nên yêu cầu đã bị dừng; vui lòng thử lại. / The request body arrived too slowly.' }],
        })
      }
      req.socket.destroySoon()
    }, limits.bodyGraceMs + (bytes / limits.minBodyBytesPerSecond) * 1000)
    timer.unref()
    req.once('end', () => clearTimeout(timer))
    res.once('close', () => clearTimeout(timer))
    next()
  }
