import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensurePayloadSecret } from '../../src/lib/secret.js'

const saved = { ...process.env }

afterEach(() => {
  process.env = { ...saved }
})

describe('the Payload secret', () => {
  it('is required in production: the server refuses to start without it', () => {
    delete process.env.PAYLOAD_SECRET
    expect(() => ensurePayloadSecret({ production: true })).toThrow(/PAYLOAD_SECRET is required in production/)
  })

  it('is generated once for the embedded demo and kept, readable only by its owner', () => {
    delete process.env.PAYLOAD_SECRET
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'truongso-secret-'))
    ensurePayloadSecret({ production: false })
    const first = process.env.PAYLOAD_SECRET
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    const file = path.join(process.env.DATA_DIR, '.payload-secret')
    expect(readFileSync(file, 'utf8')).toBe(first)
    expect(statSync(file).mode & 0o077).toBe(0)

    delete process.env.PAYLOAD_SECRET
    ensurePayloadSecret({ production: false })
    expect(process.env.PAYLOAD_SECRET).toBe(first)
  })

  it('comes from the environment when given', () => {
    process.env.PAYLOAD_SECRET = 'from-the-environment'
    ensurePayloadSecret({ production: true })
    expect(process.env.PAYLOAD_SECRET).toBe('from-the-environment')
  })
})
