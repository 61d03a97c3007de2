import type { Payload } from 'payload'

import { isMongoUrl } from '../../src/database.js'
import { serializeError } from '../../src/lib/logging.js'
import { QueryRefusedError } from '../../src/lib/queryRefused.js'
import { toQueryString } from '../../src/site/query.js'
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

describe('a query the database refuses', () => {
  const titles = (count: number) => ({ or: Array.from({ length: count }, (_, index) => ({ title: { equals: `tuKhoaRieng${index}` } })) })
  // MongoDB answers 2,000 OR clauses; SQLite refuses past 1,000 levels of expression.
  const refused = !isMongoUrl(process.env.DATABASE_URL)

  // Through the API the filter caps refuse it first, on every database; the database's own
  // refusal is the second line, for server code (below).
  it('is answered 400 in the reader\'s language on REST, not 500', async () => {
    const query = `?${toQueryString({ where: titles(2_000) })}`
    const [vi, en] = await Promise.all([rest(payload, `/learning-materials${query}`), rest(payload, `/learning-materials${query}`, { headers: { 'Accept-Language': 'en' } })])
    expect([vi.status, en.status]).toEqual([400, 400])
    expect(await vi.json()).toEqual({ errors: [{ message: expect.stringMatching(/^(Bộ lọc \(where\)|Truy vấn quá phức tạp)/) }] })
    expect(await en.json()).toEqual({ errors: [{ message: expect.stringMatching(/^(The filter \(where\)|The query is too complex)/) }] })
  })

  it('is answered with status 400 and the same message through GraphQL', async () => {
    const or = Array.from({ length: 2_000 }, (_, index) => `{ title: { equals: "tuKhoaRieng${index}" } }`).join(',')
    const answer = await graphql(payload, `{ LearningMaterials(where: { OR: [${or}] }) { docs { id } } }`)
    expect(answer.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 }, message: expect.stringMatching(/^Truy vấn quá/) })
  })

  it('reaches server code calling the database as a QueryRefusedError that says why, without SQL', async () => {
    const found = payload.db.find({ collection: 'learning-materials', limit: 1, locale: 'vi', where: titles(2_000) })
    if (!refused) return expect((await found).docs).toEqual([])
    const error = (await found.catch((caught: unknown) => caught)) as QueryRefusedError
    expect(error).toBeInstanceOf(QueryRefusedError)
    expect(error).toMatchObject({ status: 400, reason: 'SQLITE_ERROR: Expression tree is too large (maximum depth 1000)' })
    expect(error.message).toMatch(/^Truy vấn quá phức tạp/)
    expect(error.stack).not.toMatch(/select|tuKhoaRieng/i)
  })
})

describe('what the log keeps of a database error', () => {
  it('is its kind and the database\'s reason, never the SQL or the values bound to it', async () => {
    if (isMongoUrl(process.env.DATABASE_URL)) return
    const { sql } = await import('@payloadcms/db-sqlite')
    const db = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
    const error = await db.drizzle.run(sql`select ${'giaTriRieng'} as value from bang_khong_co`).catch((caught: unknown) => caught)
    expect(String((error as Error).message)).toContain('giaTriRieng')
    const logged = JSON.stringify(serializeError(error))
    expect(logged).toContain('no such table: bang_khong_co')
    expect(logged).not.toContain('giaTriRieng')
    expect(logged).not.toMatch(/select/i)
  })
})
