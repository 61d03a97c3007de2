import express from 'express'
import type { AddressInfo } from 'node:net'

import { contentApiCaching, createAnswerStore, forgetAnswersOnWrite } from '../../src/lib/httpCache.js'

let url: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use('/api', contentApiCaching({ except: /^\/users/, maxAgeSeconds: 60 }))
  // Written the way Next writes: writeHead, then chunks, then end.
  app.get('/api/announcements', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.write('{"docs":')
    res.end('[{"title":"Thông báo tuyển sinh"}]}')
  })
  app.get('/api/users/me', (_req, res) => {
    res.setHeader('Content-Type', 'application/json')
    res.end('{"user":null}')
  })
  app.get('/api/broken', (_req, res) => {
    res.status(500).json({ errors: [] })
  })
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(() => close())

describe('caching of the content API', () => {
  it('lets anonymous answers be cached publicly, with an ETag', async () => {
    const response = await fetch(`${url}/api/announcements`)
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=60/)
    expect(response.headers.get('etag')).toMatch(/^W\/".+"$/)
    expect(await response.json()).toEqual({ docs: [{ title: 'Thông báo tuyển sinh' }] })
  })

  it('answers 304 with no body when the ETag still matches', async () => {
    const first = await fetch(`${url}/api/announcements`)
    const again = await fetch(`${url}/api/announcements`, { headers: { 'If-None-Match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it.each([
    ['a bearer token', { Authorization: 'JWT abc' }],
    ['a session cookie', { Cookie: 'payload-token=abc' }],
    ['a session cookie spelled loosely', { Cookie: 'lang=vi;\tpayload-token =abc' }],
  ])('keeps answers for a viewer with %s private and uncached', async (_what, headers) => {
    const response = await fetch(`${url}/api/announcements`, { headers })
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
  })

  it('leaves the excepted routes alone', async () => {
    const response = await fetch(`${url}/api/users/me`)
    expect(response.headers.get('etag')).toBeNull()
    expect(response.headers.get('cache-control')).toBeNull()
  })

  it('never marks an error as cacheable', async () => {
    const response = await fetch(`${url}/api/broken`)
    expect(response.status).toBe(500)
    expect(response.headers.get('cache-control')).toBeNull()
  })
})

describe('anonymous answers kept in memory', () => {
  const started: Array<() => void> = []
  afterAll(() => started.forEach((stop) => stop()))

  /** A content API whose handler counts its runs; `ttlMs` as the server would set it. */
  const serveCounting = async (ttlMs = 60_000, maxBytes?: number) => {
    const store = createAnswerStore({ maxBytes, ttlMs })
    const runs = { count: 0 }
    let title = 'Lịch nghỉ Tết'
    const app = express()
    app.use(forgetAnswersOnWrite(store))
    app.use((req, res, next) => {
      res.setHeader('RateLimit-Remaining', req.headers['x-client'] === 'b' ? '7' : '599')
      next()
    })
    app.use('/api', contentApiCaching({ maxAgeSeconds: 60, store, storeExcept: /^\/search/ }))
    const answer = (res: express.Response, body: unknown) => {
      runs.count++
      res.setHeader('Access-Control-Allow-Origin', String(res.req.headers.origin ?? ''))
      res.json(body)
    }
    app.get('/api/announcements', (_req, res) => answer(res, { docs: [{ title }] }))
    app.get('/api/search', (_req, res) => answer(res, { hits: [{ title }] }))
    // A list of 10 KB, a different one for each page.
    app.get('/api/library-items', (req, res) => answer(res, { docs: [{ page: req.query.page, title: title.padEnd(10_000, '.') }] }))
    app.post('/api/announcements', (_req, res) => {
      title = 'Lịch nghỉ Tết (sửa)'
      res.status(201).json({})
    })
    const server = app.listen(0)
    await new Promise((resolve) => server.once('listening', resolve))
    started.push(() => server.close())
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, runs, store }
  }

  it('answers a repeated anonymous read without running the handler, with the same ETag and 304s', async () => {
    const { base, runs } = await serveCounting()
    const first = await fetch(`${base}/api/announcements?limit=10`)
    const second = await fetch(`${base}/api/announcements?limit=10`)
    expect(await second.json()).toEqual(await first.json())
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    const revalidated = await fetch(`${base}/api/announcements?limit=10`, { headers: { 'If-None-Match': first.headers.get('etag')! } })
    expect(revalidated.status).toBe(304)
    expect(runs.count).toBe(1)
  })

  it('forgets everything once a write has been answered', async () => {
    const { base, runs } = await serveCounting()
    await fetch(`${base}/api/announcements`)
    expect((await fetch(`${base}/api/announcements`, { method: 'POST' })).status).toBe(201)
    expect(await (await fetch(`${base}/api/announcements`)).json()).toEqual({ docs: [{ title: 'Lịch nghỉ Tết (sửa)' }] })
    expect(runs.count).toBe(2)
  })

  it('keeps answers apart by calling site and language, and replays no client’s rate limit', async () => {
    const { base, runs } = await serveCounting()
    const fromSchool = await fetch(`${base}/api/announcements`, { headers: { Origin: 'https://mnphucle.edu.vn' } })
    const fromOther = await fetch(`${base}/api/announcements`, { headers: { Origin: 'https://pgd-thuynguyen.edu.vn' } })
    expect(fromOther.headers.get('access-control-allow-origin')).toBe('https://pgd-thuynguyen.edu.vn')
    expect(fromSchool.headers.get('access-control-allow-origin')).toBe('https://mnphucle.edu.vn')
    await fetch(`${base}/api/announcements`, { headers: { 'Accept-Language': 'en' } })
    expect(runs.count).toBe(3)
    const replayed = await fetch(`${base}/api/announcements`, { headers: { Origin: 'https://mnphucle.edu.vn', 'x-client': 'b' } })
    expect(replayed.headers.get('ratelimit-remaining')).toBe('7')
    expect(runs.count).toBe(3)
  })

  it('never keeps personal answers or search results, and lets kept answers expire', async () => {
    const { base, runs } = await serveCounting(50)
    await fetch(`${base}/api/announcements`, { headers: { Authorization: 'JWT abc' } })
    await fetch(`${base}/api/announcements`, { headers: { Authorization: 'JWT abc' } })
    await fetch(`${base}/api/search?q=tet`)
    await fetch(`${base}/api/search?q=tet`)
    expect(runs.count).toBe(4)
    await fetch(`${base}/api/announcements`)
    await new Promise((resolve) => setTimeout(resolve, 80))
    await fetch(`${base}/api/announcements`)
    expect(runs.count).toBe(6)
  })

  it('holds no more bytes than it is given, forgetting the oldest answers first', async () => {
    const { base, runs, store } = await serveCounting(60_000, 25_000)
    for (const page of [1, 2, 3]) await fetch(`${base}/api/library-items?page=${page}`)
    expect(store.bytes()).toBeGreaterThan(20_000)
    expect(store.bytes()).toBeLessThanOrEqual(25_000)
    await fetch(`${base}/api/library-items?page=3`)
    await fetch(`${base}/api/library-items?page=2`)
    expect(runs.count).toBe(3)
    await fetch(`${base}/api/library-items?page=1`)
    expect(runs.count).toBe(4)
  })
})
