/**
 * "Từ đồng nghĩa và viết tắt" on Meilisearch (the request-level fake): the list is sent as the
 * index's synonyms when an administrator saves it, `/readyz` names the task applying them, and a
 * search finds by the new abbreviation once the save's job has run.
 */
import type { Payload } from 'payload'

import { searchIndexComplete } from '../../src/lib/health.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { type FakeMeilisearch, startFakeMeilisearch } from './fakeMeilisearch.js'
import { type Accounts, createAccounts, runSearchQueue, titlesFor } from './support.js'
import { readVocabulary, saveVocabulary } from './vocabulary/support.js'

const saved = { host: process.env.MEILI_HOST, index: process.env.MEILI_INDEX, key: process.env.MEILI_MASTER_KEY }
let fake: FakeMeilisearch
let payload: Payload
let accounts: Accounts

const fireDrill = 'Diễn tập phòng cháy chữa cháy cùng các bé'
const health = 'Khám sức khoẻ định kỳ cho trẻ'

beforeAll(async () => {
  fake = await startFakeMeilisearch()
  process.env.MEILI_HOST = fake.url
  process.env.MEILI_MASTER_KEY = fake.masterKey
  payload = await bootPayload('search-vocabulary-meili')
  accounts = await createAccounts(payload, 'vocabulary-meili')
  for (const title of [fireDrill, health]) {
    await payload.create({
      collection: 'learning-materials',
      data: { _status: 'published', accessLevel: 'public', materialType: 'lesson-plan', title },
      depth: 0,
      overrideAccess: false,
      user: accounts.reviewer.user,
    })
  }
  await runSearchQueue(payload)
}, 120_000)
afterAll(async () => {
  await shutdownPayload(payload)
  await fake.close()
  for (const [name, value] of [['MEILI_HOST', saved.host], ['MEILI_INDEX', saved.index], ['MEILI_MASTER_KEY', saved.key]] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

const admin = () => accounts.admin.token
const found = (q: string) => titlesFor(payload, q, admin())
const synonymsHeld = () => fake.indexes.get(process.env.MEILI_INDEX!)!.settings.synonyms as Record<string, string[]>

it('starts with the default abbreviations as the index synonyms', () => {
  expect(synonymsHeld().atgt).toEqual(expect.arrayContaining(['an toàn giao thông']))
})

it('finds a document by an abbreviation an administrator has just added through REST', async () => {
  expect(await found('PCCC')).not.toContain(fireDrill)

  const response = await saveVocabulary(
    payload,
    admin(),
    (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'PCCC', meaning: 'phòng cháy chữa cháy' }] }),
    await readVocabulary(payload, admin()),
  )
  expect(response.status).toBe(200)
  await runSearchQueue(payload)

  expect(synonymsHeld().pccc).toEqual(expect.arrayContaining(['phòng cháy chữa cháy']))
  expect(await found('PCCC')).toEqual([fireDrill])
})

it('names the settings task in readiness while Meilisearch applies a change, and is ready once it has', async () => {
  fake.pauseTasks()
  const response = await saveVocabulary(
    payload,
    admin(),
    (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'KSK', meaning: 'khám sức khoẻ' }] }),
    await readVocabulary(payload, admin()),
  )
  expect(response.status).toBe(200)
  const polled = fake.nextRequest('GET', /^\/tasks\/\d+$/)
  const queue = runSearchQueue(payload)
  await polled

  expect(await searchIndexComplete(payload)()).toMatch(/^Meilisearch task \d+ applies new index settings \(synonyms\)$/)
  fake.resumeTasks()
  await queue

  expect(await searchIndexComplete(payload)()).toBeUndefined()
  expect(await found('KSK')).toEqual([health])
})
