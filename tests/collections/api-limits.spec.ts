import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload

beforeAll(async () => {
  process.env.CORS_ORIGINS = 'https://mnphucle.edu.vn, https://thuynguyen.edu.vn/'
  payload = await bootPayload('api-limits')
})

afterAll(async () => {
  delete process.env.CORS_ORIGINS
  await shutdownPayload(payload)
})

describe('cross-origin calls to the API', () => {
  it.each(['https://mnphucle.edu.vn', 'https://thuynguyen.edu.vn'])(
    'are allowed, with credentials, for the listed site %s',
    async (origin) => {
      const response = await rest(payload, '/announcements', { headers: { Origin: origin } })
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    },
  )

  it('are not allowed for any other site, and never with a wildcard', async () => {
    const response = await rest(payload, '/announcements', { headers: { Origin: 'https://evil.example' } })
    expect(response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example')
    expect(response.headers.get('access-control-allow-origin')).not.toBe('*')
  })
})

describe('GraphQL limits', () => {
  it('refuses a query above the limits instead of running it', async () => {
    const aliases = Array.from({ length: 400 }, (_, index) => `a${index}: LearningMaterials { docs { title summary } }`)
    const answer = await graphql(payload, `{ ${aliases.join(' ')} }`)
    expect(answer.data).toBeUndefined()
    expect(answer.errors?.[0]?.extensions?.statusCode).toBe(400)
  })
})
