/**
 * The access log's lines, written through a logger set up as Payload's is: one per request once it
 * is answered or its client leaves, at the level its status calls for, without parameter values.
 */
import type { AddressInfo } from 'node:net'
import type { PayloadLogger } from 'payload'

import express from 'express'
import { Writable } from 'node:stream'
import { pino } from 'pino'

import { accessLog } from '../../src/lib/accessLog.js'
import { repeatLimiter, serializeError } from '../../src/lib/logging.js'

type Line = { client?: string; err?: { message: string }; level: number; msg: string; req: { method: string; url: string }; res: { statusCode: number | null }; responseTime: number }

const lines: Line[] = []
let url = ''
let close: () => void = () => undefined

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line)
      done()
    },
  })
  const logger = pino({ hooks: { logMethod: repeatLimiter() }, serializers: { err: serializeError } }, destination) as unknown as PayloadLogger
  const app = express()
  app.use(accessLog({ clientOf: (res) => res.locals.client as string | undefined, ignore: (req) => req.url.startsWith('/_next/'), logger }))
  app.use((_req, res, next) => {
    res.locals.client = '10.0.0.7'
    next()
  })
  app.get('/api/ok', (_req, res) => void res.json({ ok: true }))
  app.get('/api/refused', (_req, res) => void res.status(403).json({ errors: [{ message: 'Không được phép' }] }))
  app.get('/api/broken', () => {
    throw new Error('hỏng')
  })
  app.get('/api/slow', (_req, res) => void setTimeout(() => res.end('late'), 2_000).unref())
  app.get('/_next/static/app.js', (_req, res) => void res.end('/* */'))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => void server.close()
})

afterAll(() => close())

const lineFor = async (path: string, init?: RequestInit): Promise<Line> => {
  const before = lines.length
  await fetch(`${url}${path}`, init).then((response) => response.text(), () => undefined)
  for (let waited = 0; lines.length === before && waited < 3_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10))
  // A second line (at 'close' after 'finish') would come a moment later.
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(lines.slice(before)).toHaveLength(1)
  return lines.at(-1)!
}

describe('the access log', () => {
  it('writes an answered request at info, with its client, status and time, and the names of its parameters only', async () => {
    const line = await lineFor('/api/ok?where[title][equals]=giaTriRieng&limit=3')
    expect(line).toMatchObject({ level: 30, msg: 'request completed', client: '10.0.0.7', req: { method: 'GET', url: '/api/ok?where&limit' }, res: { statusCode: 200 } })
    expect(line.responseTime).toBeGreaterThanOrEqual(0)
    expect(JSON.stringify(line)).not.toContain('giaTriRieng')
  })

  it('writes a refused request as a warning', async () => {
    expect(await lineFor('/api/refused')).toMatchObject({ level: 40, msg: 'request completed', res: { statusCode: 403 } })
  })

  it('writes a failed request as an error, with an error saying so', async () => {
    const line = await lineFor('/api/broken')
    expect(line).toMatchObject({ level: 50, msg: 'request errored', res: { statusCode: 500 } })
    expect(line.err?.message).toBe('failed with status code 500')
  })

  it('writes one line, "request aborted" with no status, for a client that leaves before its answer', async () => {
    const line = await lineFor('/api/slow', { signal: AbortSignal.timeout(200) })
    expect(line).toMatchObject({ level: 30, msg: 'request aborted', req: { url: '/api/slow' }, res: { statusCode: null } })
  })

  it('writes nothing for the web app’s static files', async () => {
    const before = lines.length
    await (await fetch(`${url}/_next/static/app.js`)).text()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(lines).toHaveLength(before)
  })
})
