import type { Payload } from 'payload'

import { graphql, rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('api-smoke')
  await payload.create({ collection: 'users', data: { email: 'a@x.test', password: 'secret-123', name: 'A', roles: ['admin'] } })
})
afterAll(async () => shutdownPayload(payload))

it('answers REST and GraphQL without a Next server', async () => {
  const token = await tokenFor(payload, 'a@x.test', 'secret-123')
  const response = await rest(payload, '/users/me', { token })
  expect(response.status).toBe(200)
  expect((await response.json()).user.email).toBe('a@x.test')
  const answer = await graphql<{ Users: { docs: Array<{ email: string }> } }>(payload, '{ Users { docs { email } } }', { token })
  expect(answer.data?.Users.docs).toEqual([{ email: 'a@x.test' }])
})
