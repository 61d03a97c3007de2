/**
 * Where an action came from, on the real server (`npm start`): the client's address as express
 * resolves it through `TRUST_PROXY`. The test plays the reverse proxy on loopback, which the
 * default setting trusts, and sends X-Forwarded-For as nginx does; with `TRUST_PROXY=false` the
 * header counts for nothing and the connection's own address is recorded.
 */
import { type RunningServer, startDemoServer, stopServer } from '../helpers/server.js'

type Entry = { action: string; documentId?: null | string; ip?: null | string; userName: string }

const demoPassword = 'truongso-demo'

const signIn = async (server: RunningServer, email: string, secret: string, address?: string): Promise<Response> =>
  fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(address ? { 'X-Forwarded-For': address } : {}) },
    body: JSON.stringify({ email, password: secret }),
  })

const adminToken = async (server: RunningServer): Promise<string> => {
  const response = await signIn(server, 'admin@truongso.test', demoPassword)
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** The newest entries of an action (on one document, when given), as the admin reads them. */
const latest = async (server: RunningServer, action: string, token: string, documentId?: number | string): Promise<Entry[]> => {
  const about = documentId === undefined ? '' : `&where[documentId][equals]=${documentId}`
  const response = await fetch(`${server.url}/api/audit-log?where[action][equals]=${action}${about}&sort=-at&limit=5&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: Entry[] }).docs
}

describe('behind a trusted proxy (TRUST_PROXY=loopback, the default)', () => {
  let server: RunningServer
  let token: string

  beforeAll(async () => {
    server = await startDemoServer()
    token = await adminToken(server)
  }, 10 * 60_000)

  afterAll(async () => {
    if (server) await stopServer(server)
  })

  it("a sign-in is recorded with the client's address from X-Forwarded-For", async () => {
    expect((await signIn(server, 'vanthu@truongso.test', demoPassword, '203.0.113.7')).status).toBe(200)
    const [entry] = await latest(server, 'login', token)
    expect(entry).toMatchObject({ ip: '203.0.113.7', userName: expect.any(String) })
  })

  it("a refused sign-in is recorded with the client's address", async () => {
    expect((await signIn(server, 'giaovien@truongso.test', 'doan-mo', '198.51.100.23')).status).toBe(401)
    const [entry] = await latest(server, 'login-failed', token)
    expect(entry.ip).toBe('198.51.100.23')
  })

  it("a change through REST and one through GraphQL are recorded with the client's address, and nothing of the system's is attributed to it", async () => {
    const list = (await (
      await fetch(`${server.url}/api/announcements?limit=1&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    ).json()) as { docs: Array<{ id: number | string }> }
    const id = list.docs[0].id
    const system = await fetch(`${server.url}/api/audit-log?where[userName][equals]=${encodeURIComponent('Hệ thống')}&where[action][equals]=update&limit=3&depth=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
    // Reading files' text after upload is the system's bookkeeping, not an edit anyone made.
    expect(((await system.json()) as { docs: Entry[] }).docs).toEqual([])
    const rest = await fetch(`${server.url}/api/announcements/${id}?draft=true`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.44' },
      body: JSON.stringify({ excerpt: 'Cập nhật lịch họp phụ huynh' }),
    })
    expect(rest.status).toBe(200)
    expect((await latest(server, 'update', token, id))[0]).toMatchObject({ documentId: String(id), ip: '192.0.2.44' })

    const graphql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.45' },
      body: JSON.stringify({ query: `mutation { updateAnnouncement(id: ${JSON.stringify(id)}, draft: true, data: { excerpt: "Lịch họp đã đổi" }) { id } }` }),
    })
    expect(((await graphql.json()) as { errors?: unknown }).errors).toBeUndefined()
    // The second request's address: the website and GraphQL run in Next's bundle, which checks what express signed.
    expect((await latest(server, 'update', token, id))[0]).toMatchObject({ documentId: String(id), ip: '192.0.2.45' })
  })

  it('an address a client writes into the header the server signs is replaced by the real one', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.99', 'x-truongso-visitor': `6.6.6.6 ${Date.now()} forged` },
      body: JSON.stringify({ email: 'phuhuynh@truongso.test', password: demoPassword }),
    })
    expect(response.status).toBe(200)
    expect((await latest(server, 'login', token))[0].ip).toBe('203.0.113.99')
  })
})

describe('with TRUST_PROXY=false', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startDemoServer({ env: { TRUST_PROXY: 'false' } })
  }, 10 * 60_000)

  afterAll(async () => {
    if (server) await stopServer(server)
  })

  it('X-Forwarded-For counts for nothing: the address of the connection is recorded', async () => {
    const token = await adminToken(server)
    expect((await signIn(server, 'vanthu@truongso.test', demoPassword, '203.0.113.7')).status).toBe(200)
    expect((await latest(server, 'login', token))[0].ip).toBe('127.0.0.1')
  })
})
