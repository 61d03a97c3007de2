import { readdirSync } from 'node:fs'

import { isMongoUrl } from '../../src/database.js'
import { type RunningServer, startServer, stopServer } from '../helpers/server.js'

// "Production" is what the person who started the server set, never what Next sets inside it.
const onMongo = isMongoUrl(process.env.DATABASE_URL)

describe('a start with NODE_ENV=production in the launching shell', () => {
  it('refuses to start without PAYLOAD_SECRET, saying so', async () => {
    await expect(startServer({ env: { NODE_ENV: 'production' }, until: 'listening' })).rejects.toThrow(
      /PAYLOAD_SECRET is required in production/,
    )
  })

  describe('with a secret', () => {
    let server: RunningServer

    beforeAll(async () => {
      server = await startServer({ env: { NODE_ENV: 'production', PAYLOAD_SECRET: 'a-long-random-production-secret' } })
    }, 10 * 60_000)

    afterAll(async () => {
      if (server) await stopServer(server)
    })

    it('loads no demo accounts and writes no generated secret', async () => {
      const users = (await (await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@truongso.test', password: 'truongso-demo' }),
      })).json()) as { errors?: unknown[] }
      expect(users.errors).toBeDefined()
      expect(server.logs()).not.toContain('admin@truongso.test')
      expect(server.logs()).not.toContain('Đang nạp dữ liệu mẫu')
      if (!onMongo) expect(readdirSync(server.dataDir)).not.toContain('.payload-secret')
    })

    it('shuts down cleanly on SIGTERM', async () => {
      await expect(stopServer(server)).resolves.toBe(0)
    })
  })
})
