import express from 'express'
import type { Server } from 'node:http'
import { jwtSign } from 'payload'

import { budgetClientOf, costBudget, type CostBudgetSettings } from '../../src/lib/costBudget.js'
import { visitorHeader } from '../../src/lib/visitorHeader.js'

/** Small numbers, so a few requests of real work spend a budget. */
const settings: CostBudgetSettings = { burstMs: 200, refillMsPerSecond: 100, staffFactor: 10, maxWaitMs: 500, presenceMs: 1_000 }
const secret = 'bi-mat-cua-truong-cho-phep-thu'

/** Keeps the thread busy for `ms`: what an expensive query does to everyone else. */
const work = (ms: number) => {
  const end = performance.now() + ms
  while (performance.now() < end);
}

let server: Server
let origin: string

beforeAll(async () => {
  const app = express()
  // The test plays the reverse proxy on loopback: clients are told apart by X-Forwarded-For.
  app.set('trust proxy', 'loopback')
  const budget = costBudget({ collections: ['learning-materials'], secret, settings })
  app.use(budget.identify)
  app.use('/api', budget.charge)
  app.get(['/api/search', '/api/learning-materials'], (req, res) => {
    work(Number(req.query.ms ?? 0))
    res.json({ client: budgetClientOf(res) })
  })
  app.get('/page', (req, res) => void res.json({ visitor: req.headers[visitorHeader] }))
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

const from = (address: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { headers: { 'X-Forwarded-For': address, ...headers } })

/** Another visitor making a light request every 100 ms for as long as `during` runs. */
const withAnotherVisitor = async <T>(during: () => Promise<T>): Promise<T> => {
  await from('198.51.100.2', '/page')
  const ticking = setInterval(() => void from('198.51.100.2', '/page'), 100)
  try {
    return await during()
  } finally {
    clearInterval(ticking)
  }
}

describe('the cost budget', () => {
  it('lets a client alone on the server use all of it: nobody is waiting', async () => {
    for (let request = 0; request < 8; request++) {
      expect((await from('203.0.113.1', '/api/search?ms=60')).status).toBe(200)
    }
  })

  it('makes a client that spent its budget wait while others are present, then answers 429 in Vietnamese with Retry-After', async () => {
    await withAnotherVisitor(async () => {
      const statuses: number[] = []
      let refusal: Response | undefined
      for (let request = 0; request < 8 && !refusal; request++) {
        const response = await from('203.0.113.2', '/api/search?ms=60')
        statuses.push(response.status)
        if (response.status === 429) refusal = response
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200])
      expect(refusal?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
      expect(await refusal?.json()).toEqual({ errors: [{ message: expect.stringMatching(/^Máy chủ đang bận với các yêu cầu nặng từ địa chỉ của bạn/) }] })
      // The other visitor's own budget is whole.
      expect((await from('198.51.100.2', '/api/search?ms=20')).status).toBe(200)
    })
  })

  it('charges lists only when they populate: depth=0 is free', async () => {
    await withAnotherVisitor(async () => {
      for (let request = 0; request < 8; request++) {
        expect((await from('203.0.113.3', '/api/learning-materials?depth=0&ms=60')).status).toBe(200)
      }
      expect((await from('203.0.113.3', '/api/learning-materials?ms=60')).status).toBe(200)
    })
  })

  it('gives signed-in staff a budget of their own, larger than their address has', async () => {
    const { token } = await jwtSign({ fieldsToSign: { collection: 'users', id: 7, roles: ['teacher'] }, secret, tokenExpiration: 3600 })
    const { token: parentToken } = await jwtSign({ fieldsToSign: { collection: 'users', id: 8, roles: ['parent'] }, secret, tokenExpiration: 3600 })
    const { token: forged } = await jwtSign({ fieldsToSign: { collection: 'users', id: 9, roles: ['admin'] }, secret: 'not-the-secret', tokenExpiration: 3600 })
    await withAnotherVisitor(async () => {
      const answers = []
      for (let request = 0; request < 8; request++) answers.push(await from('203.0.113.4', '/api/search?ms=60', { Authorization: `JWT ${token}` }))
      expect(answers.map(({ status }) => status)).toEqual(Array(8).fill(200))
      expect(await answers[0]!.json()).toEqual({ client: 'staff users:7' })
      expect(await (await from('203.0.113.4', '/api/search', { Authorization: `JWT ${parentToken}` })).json()).toEqual({ client: '203.0.113.4' })
      expect(await (await from('203.0.113.4', '/api/search', { Authorization: `JWT ${forged}` })).json()).toEqual({ client: '203.0.113.4' })
    })
  })

  it("tells the website who its visitor is, and takes the website's word for it only when this server signed it", async () => {
    const { visitor } = (await (await from('198.51.100.9', '/page', { [visitorHeader]: '10.0.0.1 0 forged' })).json()) as { visitor: string }
    expect(visitor).toMatch(/^198\.51\.100\.9 \d+ \S+$/)
    // The website calls the API from loopback, passing the header back.
    const asTheWebsite = await fetch(`${origin}/api/search`, { headers: { [visitorHeader]: visitor } })
    expect(await asTheWebsite.json()).toEqual({ client: '198.51.100.9' })
    const forged = await fetch(`${origin}/api/search`, { headers: { [visitorHeader]: visitor.replace('198.51.100.9', '198.51.100.10') } })
    expect(await forged.json()).toEqual({ client: '127.0.0.1' })
  })
})
