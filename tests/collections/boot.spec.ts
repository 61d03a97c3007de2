import type { Payload } from 'payload'

import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('boot')
})

afterAll(async () => {
  await shutdownPayload(payload)
})

it('boots on a fresh database with every collection migrated', async () => {
  for (const collection of ['learning-materials', 'library-items', 'announcements', 'regulatory-documents', 'media', 'users'] as const) {
    await expect(payload.count({ collection })).resolves.toEqual({ totalDocs: 0 })
  }
})
