import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensurePayloadSecret } from '../../src/lib/secret.js'

// Each test hands its own environment, as a user's shell would: nothing of jest's, and
// process.env is never changed.
const shell = (variables: Record<string, string> = {}) => ({ ...variables }) as NodeJS.ProcessEnv

describe('the Payload secret', () => {
  it('is required in production: the server refuses to start without it', () => {
    expect(() => ensurePayloadSecret({ production: true, env: shell() })).toThrow(/PAYLOAD_SECRET is required in production/)
  })

  it('is generated once for the embedded demo and kept, readable only by its owner', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-secret-'))
    const env = shell({ DATA_DIR: dataDir })
    ensurePayloadSecret({ production: false, env })
    const first = env.PAYLOAD_SECRET
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    const file = path.join(dataDir, '.payload-secret')
    expect(readFileSync(file, 'utf8')).toBe(first)
    expect(statSync(file).mode & 0o077).toBe(0)

    const restarted = shell({ DATA_DIR: dataDir })
    ensurePayloadSecret({ production: false, env: restarted })
    expect(restarted.PAYLOAD_SECRET).toBe(first)
  })

  it('comes from the environment when given', () => {
    const env = shell({ PAYLOAD_SECRET: 'from-the-environment' })
    ensurePayloadSecret({ production: true, env })
    expect(env.PAYLOAD_SECRET).toBe('from-the-environment')
  })
})
