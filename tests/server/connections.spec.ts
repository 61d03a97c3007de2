import express from 'express'
import { connect, type Socket } from 'node:net'
import type { Server } from 'node:http'

import { bodyDeadline, createLimitedServer, defaultConnectionLimits, type ConnectionLimits } from '../../src/lib/connectionLimits.js'
import { type RunningServer, startServer, stopServer } from '../helpers/server.js'

/** Resolves with what the server sent and how long it kept the connection open. */
const held = (socket: Socket): Promise<{ ms: number; received: string }> => {
  const opened = Date.now()
  let received = ''
  socket.on('data', (chunk) => (received += chunk))
  return new Promise((resolve) => socket.once('close', () => resolve({ ms: Date.now() - opened, received })))
}

const opened = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })

/** Sends `lines` one by one, `everyMs` apart, until the socket closes. */
const trickle = (socket: Socket, lines: string[], everyMs: number): void => {
  let next = 0
  const timer = setInterval(() => {
    if (socket.destroyed || next >= lines.length) return clearInterval(timer)
    socket.write(lines[next++])
  }, everyMs)
  socket.once('close', () => clearInterval(timer))
}

describe('limits of the server itself, with short limits', () => {
  const limits: ConnectionLimits = {
    ...defaultConnectionLimits,
    headersTimeoutMs: 1_500,
    idleTimeoutMs: 2_000,
    maxConnectionsPerClient: 4,
    minBodyBytesPerSecond: 1_000,
    bodyGraceMs: 1_000,
  }
  let server: Server
  let port: number
  let trusted = false
  /** How long the server kept writing the long answer before it gave up on its reader. */
  let longAnswerHeldMs: number | undefined

  beforeAll(async () => {
    const app = express()
    app.use(bodyDeadline(limits))
    app.post('/upload', (req, res) => {
      req.resume()
      req.on('end', () => res.json({ ok: true }))
    })
    app.get('/', (_req, res) => void res.send('ok'))
    // An answer the server needs longer than the silence it allows to prepare.
    app.post('/slow', (req, res) => {
      req.resume()
      req.on('end', () => setTimeout(() => res.json({ ok: true }), limits.idleTimeoutMs * 2))
    })
    // A long download, written as fast as the reader takes it (as files are, through pipeline).
    app.get('/long', (_req, res) => {
      const began = Date.now()
      res.once('close', () => (longAnswerHeldMs = Date.now() - began))
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      const chunk = 'x'.repeat(64 * 1024)
      const more = () => {
        while (!res.destroyed && res.write(chunk));
      }
      res.on('drain', more)
      more()
    })
    server = createLimitedServer(app, () => trusted, limits)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as { port: number }).port
  })

  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('closes a connection whose headers trickle in, with 408', async () => {
    const socket = await opened(port)
    const result = held(socket)
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n')
    trickle(socket, Array.from({ length: 20 }, (_, index) => `X-Slow-${index}: y\r\n`), 300)
    const { ms, received } = await result
    expect(received).toMatch(/^HTTP\/1\.1 408/)
    expect(ms).toBeLessThan(limits.headersTimeoutMs + 2_500)
  })

  it('answers 408 to a body slower than the minimum rate, and lets one at the rate through', async () => {
    const slow = await opened(port)
    const slowResult = held(slow)
    slow.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n')
    trickle(slow, Array.from({ length: 200 }, () => 'aaaaaaaaaa'), 200)
    expect((await slowResult).received).toMatch(/^HTTP\/1\.1 408[\s\S]*Gửi dữ liệu quá chậm/)

    const steady = await fetch(`http://127.0.0.1:${port}/upload`, { method: 'POST', body: 'a'.repeat(2_000) })
    expect(steady.status).toBe(200)
  })

  it('closes a connection that stays silent', async () => {
    const socket = await opened(port)
    const { ms } = await held(socket)
    expect(ms).toBeLessThan(limits.idleTimeoutMs + 2_500)
  })

  it('waits for an answer the server takes longer than that silence to prepare, and still closes a silent connection after it', async () => {
    const socket = await opened(port)
    const result = held(socket)
    socket.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok')
    const { ms, received } = await result
    expect(received).toMatch(/^HTTP\/1\.1 200[\s\S]*\{"ok":true\}/)
    // Kept alive after the answer, then silent: closed by the keep-alive or the idle limit.
    expect(ms).toBeLessThan(limits.idleTimeoutMs * 2 + limits.idleTimeoutMs + 2_500)
  })

  it('lets go a client that stops reading an answer', async () => {
    const socket = await opened(port)
    socket.write('GET /long HTTP/1.1\r\nHost: x\r\n\r\n')
    socket.once('data', () => socket.pause())
    await new Promise((resolve) => setTimeout(resolve, limits.idleTimeoutMs + 2_500))
    expect(longAnswerHeldMs).toBeLessThan(limits.idleTimeoutMs + 2_500)
    socket.destroy()
  })

  it('refuses connections from one client beyond its cap, and takes new ones once they close', async () => {
    const sockets = await Promise.all(Array.from({ length: limits.maxConnectionsPerClient }, () => opened(port)))
    const extra = await opened(port)
    const { received } = await held(extra)
    expect(received).toMatch(/^HTTP\/1\.1 429/)
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve).destroy())))
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
  })

  it('does not cap a trusted proxy, through which every visitor arrives', async () => {
    trusted = true
    try {
      const sockets = await Promise.all(Array.from({ length: limits.maxConnectionsPerClient + 2 }, () => opened(port)))
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
      sockets.forEach((socket) => socket.destroy())
    } finally {
      trusted = false
    }
  })
})

describe('the real server', () => {
  let server: RunningServer

  beforeAll(async () => {
    // Loopback is a trusted proxy by default; here the test client is a visitor.
    server = await startServer({ env: { TRUST_PROXY: 'false' } })
  }, 10 * 60_000)

  afterAll(async () => {
    if (server) await stopServer(server)
  })

  it(`closes a connection sending a header line every 5 s within ${defaultConnectionLimits.headersTimeoutMs / 1000} s`, async () => {
    const socket = await opened(Number(new URL(server.url).port))
    const result = held(socket)
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n')
    trickle(socket, Array.from({ length: 20 }, (_, index) => `X-Slow-${index}: y\r\n`), 5_000)
    const { ms, received } = await result
    expect(received).toMatch(/^HTTP\/1\.1 408/)
    expect(ms).toBeLessThan(defaultConnectionLimits.headersTimeoutMs + 3_000)
  }, 60_000)

  it('caps the connections one visitor holds open', async () => {
    const port = Number(new URL(server.url).port)
    const sockets = await Promise.all(Array.from({ length: defaultConnectionLimits.maxConnectionsPerClient }, () => opened(port)))
    const { received } = await held(await opened(port))
    expect(received).toMatch(/^HTTP\/1\.1 429/)
    sockets.forEach((socket) => socket.destroy())
  })
})
