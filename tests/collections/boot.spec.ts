import type { Payload } from 'payload'

import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { queryPlan } from '../helpers/sqlite.js'

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

// The lookup every read makes once per row: rows of a localized or text-list table by their parent.
const describeEmbedded = process.env.DATABASE_URL?.startsWith('mongodb') ? describe.skip : describe
describeEmbedded('the embedded database', () => {
  const plans = async (sql: string) => (await queryPlan(payload, sql)).map((row) => row.detail)

  it.each([
    ['learning_materials_locales', '_parent_id'],
    ['_learning_materials_v_locales', '_parent_id'],
    ['announcements_locales', '_parent_id'],
    ['school_profile_staff_locales', '_parent_id'],
    ['learning_materials_texts', 'parent_id'],
    ['regulatory_documents_texts', 'parent_id'],
  ])('finds the rows of %s by their parent through an index, not a scan', async (table, column) => {
    expect(await plans(`select * from "${table}" where "${column}" = 1`)).toEqual([expect.stringMatching(/USING (COVERING )?INDEX/)])
  })
})

it('runs no job crons outside the server, even once it has answered a REST request', async () => {
  const { rest } = await import('../helpers/api.js')
  expect((await rest(payload, '/announcements')).status).toBe(200)
  expect(payload.crons).toHaveLength(0)
})
