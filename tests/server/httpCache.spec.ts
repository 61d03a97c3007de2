import express from 'express'
import type { AddressInfo } from 'node:net'

import { contentApiCaching } from '../../src/lib/httpCache.js'

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
