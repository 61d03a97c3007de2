import type { Payload } from 'payload'

import express from 'express'
import type { AddressInfo } from 'node:net'

import { databaseAnswers, healthRoutes, type ReadinessCheck, searchIndexComplete } from '../../src/lib/health.js'

const serve = async (checks: ReadinessCheck[]) => {
  const app = express().use(healthRoutes(checks))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

const quietLogger = { error: () => undefined } as unknown as Payload['logger']

const payloadWith = (count: () => Promise<unknown>, warmup: { done: boolean; failed?: boolean } = { done: true }) =>
  ({ config: { custom: { search: { warmup } } }, count, logger: quietLogger }) as unknown as Payload

const answering = async () => ({ totalDocs: 1 })

const readiness = async (checks: ReadinessCheck[]) => {
  const { server, url } = await serve(checks)
  try {
    const ready = await fetch(`${url}/readyz`)
    const live = await fetch(`${url}/healthz`)
    return { live: live.status, ready: ready.status, reason: ((await ready.json()) as { reason?: string }).reason }
  } finally {
    server.close()
  }
}

describe('readiness', () => {
  it('is ready when the database answers and the search index is complete', async () => {
    const payload = payloadWith(answering)
    expect(await readiness([databaseAnswers(payload), searchIndexComplete(payload)])).toEqual({ live: 200, ready: 200, reason: undefined })
  })

  it('answers 503 when the database does not, while /healthz stays up', async () => {
    const payload = payloadWith(async () => {
      throw new Error('SQLITE_CANTOPEN')
    })
    expect(await readiness([databaseAnswers(payload)])).toEqual({ live: 200, ready: 503, reason: 'database unreachable' })
  })

  it('answers 503 while the search index is being built at start', async () => {
    const payload = payloadWith(answering, { done: false })
    expect(await readiness([databaseAnswers(payload), searchIndexComplete(payload)])).toEqual({
      live: 200,
      ready: 503,
      reason: 'search index still building',
    })
  })

  it('stays ready when the index could not be built, so the site serves while search answers 503', async () => {
    const payload = payloadWith(answering, { done: false, failed: true })
    expect(await readiness([databaseAnswers(payload), searchIndexComplete(payload)])).toEqual({ live: 200, ready: 200, reason: undefined })
  })

  it('answers 503 with the first failing reason, checks in order', async () => {
    expect(await readiness([async () => 'starting', async () => 'never asked'])).toEqual({ live: 200, ready: 503, reason: 'starting' })
  })
})
