/**
 * The lists readers page through — the website's and the API's default — are read in index order:
 * the database finds the first page of published documents without sorting all of them. On SQLite
 * each statement's plan is asked of SQLite itself; on MongoDB the same compound indexes must exist.
 */
import type { Payload } from 'payload'

import * as qs from 'qs-esm'

import { isMongoUrl } from '../../src/database.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { queryPlan, type Statement, statementsSentDuring } from '../helpers/sqlite.js'
type MongoModel = { collection: { indexes: () => Promise<Array<{ key: Record<string, number> }>> }; init: () => Promise<unknown> }

const onMongo = isMongoUrl(process.env.DATABASE_URL)
const published = { _status: { equals: 'published' } }
const now = new Date().toISOString()

/** The website's list requests (src/site/api.ts: `published`, `outNow`) and the API's default list, with the table each reads and the index it should use. */
const lists = [
  { name: 'materials, the API default', collection: 'learning-materials', table: 'learning_materials', index: '_status_deletedAt_createdAt_accessLevel_idx', query: { where: published, limit: 20, depth: 0 } },
  { name: 'materials, the website', collection: 'learning-materials', table: 'learning_materials', index: '_status_deletedAt_createdAt_accessLevel_idx', query: { where: published, sort: '-createdAt', limit: 12, depth: 1 } },
  { name: 'library', collection: 'library-items', table: 'library_items', index: '_status_deletedAt_createdAt_accessLevel_1_idx', query: { where: published, limit: 20, depth: 0 } },
  {
    name: 'announcements out now',
    collection: 'announcements',
    table: 'announcements',
    index: '_status_deletedAt_publishedAt_createdAt_accessLevel_idx',
    query: {
      where: { and: [published, { publishedAt: { less_than_equal: now } }, { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] }] },
      sort: '-publishedAt',
      limit: 10,
      depth: 1,
    },
  },
  { name: 'documents', collection: 'regulatory-documents', table: 'regulatory_documents', index: '_status_deletedAt_issueDate_createdAt_accessLevel_idx', query: { where: published, sort: '-issueDate', limit: 20, depth: 0 } },
]

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('list-order')
}, 120_000)

afterAll(async () => {
  await shutdownPayload(payload)
})

/** The statements one anonymous REST list sends. */
const statementsOf = (path: string): Promise<Statement[]> =>
  statementsSentDuring(payload, async () => {
    const response = await rest(payload, path)
    expect(response.status).toBe(200)
  })

describe.each(lists)('the list of $name', ({ collection, index, query, table }) => {
  it(onMongo ? 'has its compound index on MongoDB' : 'reads its page through the index, without sorting every published document', async () => {
    if (onMongo) {
      const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[collection]
      // Mongoose builds indexes in the background once the model connects.
      await model.init()
      const keys = (await model.collection.indexes()).map(({ key }) => Object.keys(key).join(','))
      const order = query.sort?.replace('-', '') ?? 'createdAt'
      expect(keys).toContain(order === 'createdAt' ? '_status,deletedAt,createdAt,accessLevel' : `_status,deletedAt,${order},createdAt,accessLevel`)
      return
    }
    const statements = await statementsOf(`/${collection}?${qs.stringify(query)}`)
    const page = statements.find(({ sql }) => sql.startsWith('select') && sql.includes(`from "${table}" "${table}"`) && / order by /.test(sql) && / limit \?/.test(sql))
    expect(page).toBeDefined()
    const plan = await queryPlan(payload, page!)
    const outer = plan.filter((row) => row.parent === 0).map((row) => row.detail)
    expect(outer).toContainEqual(expect.stringContaining(`USING INDEX ${index}`))
    // Not even for the tie-breaking order both adapters add (`createdAt`): "RIGHT PART OF ORDER BY".
    expect(outer.filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([])
  })
})

/** Lists asking for nothing but published documents: the announcements' dates are not in their index. */
const onlyPublished = lists.filter(({ query }) => query.where === published)

// On MongoDB the compound index checked above serves the count as well.
if (!onMongo) {
  describe.each(onlyPublished)('the list of $name', ({ collection, index, query, table }) => {
    it('counts its documents, trash and access level included, from the index alone', async () => {
      const statements = await statementsOf(`/${collection}?${qs.stringify(query)}`)
      const count = statements.find(({ sql }) => sql.startsWith('select count(*)') && sql.includes(`from "${table}"`))
      expect(count?.sql).toMatch(/"access_level" in .*"deleted_at" is null/)
      const plan = await queryPlan(payload, count!)
      expect(plan.map((row) => row.detail)).toEqual([expect.stringContaining(`USING COVERING INDEX ${index}`)])
    })
  })
}
