/**
 * The lists readers page through — the website's and the API's default — are read in index order:
 * the database finds the first page of published documents without sorting all of them. On SQLite
 * each statement's plan is asked of SQLite itself; on MongoDB the same compound indexes must exist.
 */
import type { Payload } from 'payload'

import * as qs from 'qs-esm'

import { isMongoUrl } from '../../src/database.js'
import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { queryPlan, type Statement, statementsSentDuring } from '../helpers/sqlite.js'
type MongoModel = { collection: { indexes: () => Promise<Array<{ key: Record<string, number> }>> }; init: () => Promise<unknown> }

const onMongo = isMongoUrl(process.env.DATABASE_URL)
const published = { _status: { equals: 'published' } }
const now = new Date().toISOString()

/**
 * The website's list requests (src/site/api.ts: `published`, `outNow`) and the API's default list,
 * with the table each reads, the index its page should be read through and, where a list asks for
 * nothing but published documents, the index that counts them for readers of some levels only.
 */
const lists = [
  { name: 'materials, the API default', collection: 'learning-materials', table: 'learning_materials', index: '_status_deletedAt_createdAt_accessLevel_idx', countIndex: '_status_deletedAt_accessLevel_idx', query: { where: published, limit: 20, depth: 0 } },
  { name: 'materials, the website', collection: 'learning-materials', table: 'learning_materials', index: '_status_deletedAt_createdAt_accessLevel_idx', query: { where: published, sort: '-createdAt', limit: 12, depth: 1 } },
  { name: 'library', collection: 'library-items', table: 'library_items', index: '_status_deletedAt_createdAt_accessLevel_1_idx', countIndex: '_status_deletedAt_accessLevel_1_idx', query: { where: published, limit: 20, depth: 0 } },
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
  { name: 'documents', collection: 'regulatory-documents', table: 'regulatory_documents', index: '_status_deletedAt_issueDate_createdAt_accessLevel_idx', countIndex: '_status_deletedAt_accessLevel_3_idx', query: { where: published, sort: '-issueDate', limit: 20, depth: 0 } },
]

/** Who lists: each reader's access rule adds its own conditions (one level or two; none for an administrator). */
const readers = [
  { reader: 'an anonymous visitor', filteredByLevel: true },
  { reader: 'a parent', roles: ['parent'], filteredByLevel: true },
  { reader: 'an administrator', roles: ['admin'], filteredByLevel: false },
] as const

let payload: Payload
const tokens: Record<string, string | undefined> = {}

beforeAll(async () => {
  payload = await bootPayload('list-order')
  for (const { reader, ...account } of readers) {
    if (!('roles' in account)) continue
    const email = `${account.roles[0]}@list-order.test`
    await payload.create({ collection: 'users', data: { email, name: reader, password: 'mat-khau-dai-123', roles: [...account.roles] }, overrideAccess: true })
    tokens[reader] = await tokenFor(payload, email, 'mat-khau-dai-123')
  }
}, 120_000)

afterAll(async () => {
  await shutdownPayload(payload)
})

/** The statements one REST list sends for a reader. */
const statementsOf = (path: string, reader: string = readers[0].reader): Promise<Statement[]> =>
  statementsSentDuring(payload, async () => {
    const response = await rest(payload, path, { token: tokens[reader] })
    expect(response.status).toBe(200)
  })

describe.each(lists)('the list of $name', ({ collection, index, query, table }) => {
  if (onMongo) {
    it('has its compound index on MongoDB', async () => {
      const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[collection]
      // Mongoose builds indexes in the background once the model connects.
      await model.init()
      const keys = (await model.collection.indexes()).map(({ key }) => Object.keys(key).join(','))
      const order = query.sort?.replace('-', '') ?? 'createdAt'
      expect(keys).toContain(order === 'createdAt' ? '_status,deletedAt,createdAt,accessLevel' : `_status,deletedAt,${order},createdAt,accessLevel`)
      expect(keys).toContain('_status,deletedAt,accessLevel')
    })
    return
  }

  it.each(readers)('reads its page for $reader through the index, without sorting every published document', async ({ reader }) => {
    const statements = await statementsOf(`/${collection}?${qs.stringify(query)}`, reader)
    const page = statements.find(({ sql }) => sql.startsWith('select') && sql.includes(`from "${table}" "${table}"`) && / order by /.test(sql) && / limit \?/.test(sql))
    expect(page).toBeDefined()
    const plan = await queryPlan(payload, page!)
    const outer = plan.filter((row) => row.parent === 0).map((row) => row.detail)
    expect(outer).toContainEqual(expect.stringContaining(`USING INDEX ${index}`))
    // Not even for the tie-breaking order both adapters add (`createdAt`): "RIGHT PART OF ORDER BY".
    expect(outer.filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([])
  })
})

/**
 * Lists asking for nothing but published documents (the announcements' `expiresAt` is not in their
 * index), one per collection: the website's list of materials counts as the API's does.
 */
const countedFromTheIndex = lists.filter(({ name, query }) => query.where === published && name !== 'materials, the website')

// On MongoDB the compound index checked above serves the count as well.
if (!onMongo) {
  describe.each(countedFromTheIndex)('the list of $name', ({ collection, countIndex, index, query, table }) => {
    it.each(readers)('counts its documents for $reader from the index alone', async ({ reader, filteredByLevel }) => {
      const statements = await statementsOf(`/${collection}?${qs.stringify(query)}`, reader)
      const count = statements.find(({ sql }) => sql.startsWith('select count(*)') && sql.includes(`from "${table}"`))
      expect(count?.sql).toContain('"deleted_at" is null')
      const plan = (await queryPlan(payload, count!)).map((row) => row.detail)
      if (filteredByLevel) {
        expect(count?.sql).toContain('"access_level" in')
        // The levels bound the range read, rather than being checked on every published entry.
        expect(plan).toEqual([expect.stringMatching(new RegExp(`USING COVERING INDEX ${countIndex} \\(.*access_level=\\?`))])
      } else {
        // Either index holds all a count of every level needs.
        expect(plan).toEqual([expect.stringMatching(new RegExp(`USING COVERING INDEX (${index}|${countIndex}) `))])
      }
    })
  })
}
