import type { Payload } from 'payload'

import express from 'express'
import type { AddressInfo } from 'node:net'

import { healthRoutes } from '../../src/lib/health.js'

const serve = async (payload: Pick<Payload, 'count' | 'logger'>) => {
  const app = express().use(healthRoutes(payload as Payload))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

const quietLogger = { error: () => undefined } as unknown as Payload['logger']

describe('readiness', () => {
  it('is ready when the database answers', async () => {
    const { server, url } = await serve({ count: async () => ({ totalDocs: 1 }), logger: quietLogger })
    const response = await fetch(`${url}/readyz`)
    expect(response.status).toBe(200)
    server.close()
  })

  it('answers 503 when the database does not, while /healthz stays up', async () => {
    const unreachable = async () => {
      throw new Error('SQLITE_CANTOPEN')
    }
    const { server, url } = await serve({ count: unreachable, logger: quietLogger })
    expect((await fetch(`${url}/readyz`)).status).toBe(503)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    server.close()
  })
})
