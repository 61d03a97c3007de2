/**
 * "Từ đồng nghĩa và viết tắt" on the embedded engine: the school's abbreviations and synonyms are
 * a list administrators edit, searches follow it from the moment it is saved, and nobody else can
 * change it. The same change on Meilisearch: `vocabulary-meilisearch.spec.ts`.
 */
import type { Payload } from 'payload'

import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { type Accounts, createAccounts, runSearchQueue, titlesFor } from './support.js'
import { fieldErrorsOf, readVocabulary, saveVocabulary, type VocabularyRows } from './vocabulary/support.js'

let payload: Payload
let accounts: Accounts

const fireDrill = 'Diễn tập phòng cháy chữa cháy cùng các bé'
const trafficLesson = 'Bé học an toàn giao thông trên đường đến trường'
const onlineMeeting = 'Họp phụ huynh đầu năm qua Zoom'

beforeAll(async () => {
  payload = await bootPayload('search-vocabulary')
  accounts = await createAccounts(payload, 'vocabulary')
  for (const title of [fireDrill, trafficLesson, onlineMeeting]) {
    await payload.create({
      collection: 'learning-materials',
      data: { _status: 'published', accessLevel: 'public', materialType: 'lesson-plan', title },
      depth: 0,
      overrideAccess: false,
      user: accounts.reviewer.user,
    })
  }
  await runSearchQueue(payload)
})
afterAll(async () => shutdownPayload(payload))

const admin = () => accounts.admin.token
const found = (q: string) => titlesFor(payload, q, admin())

describe('before an administrator first saves the list', () => {
  it('searches with the default abbreviations', async () => {
    expect(await found('ATGT')).toContain(trafficLesson)
  })

  it('shows the defaults as the list, so saving it keeps them', async () => {
    const list = await readVocabulary(payload, admin())
    expect(list.abbreviations).toContainEqual(expect.objectContaining({ abbreviation: 'ATGT', meaning: 'an toàn giao thông' }))
    expect(list.synonyms).toContainEqual(expect.objectContaining({ words: ['lớp lá', 'mẫu giáo lớn'] }))
  })
})

describe('an administrator editing the list through REST', () => {
  it('finds a document by an abbreviation she has just added', async () => {
    expect(await found('PCCC')).not.toContain(fireDrill)

    const response = await saveVocabulary(
      payload,
      admin(),
      (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'PCCC', meaning: 'phòng cháy chữa cháy' }] }),
      await readVocabulary(payload, admin()),
    )
    expect(response.status).toBe(200)
    await runSearchQueue(payload)

    expect(await found('PCCC')).toEqual([fireDrill])
    expect(await found('diễn tập PCCC')).toEqual([fireDrill])
    expect(await found('ATGT')).toContain(trafficLesson)
  })

  it('finds a document by a synonym she has just grouped, typed either way', async () => {
    const response = await saveVocabulary(
      payload,
      admin(),
      (rows) => ({ synonyms: [...rows.synonyms, { words: ['Zoom', 'họp trực tuyến'] }] }),
      await readVocabulary(payload, admin()),
    )
    expect(response.status).toBe(200)
    await runSearchQueue(payload)

    expect(await found('họp trực tuyến')).toContain(onlineMeeting)
  })

  it('stops finding by an abbreviation she has removed', async () => {
    const response = await saveVocabulary(
      payload,
      admin(),
      (rows) => ({ abbreviations: rows.abbreviations.filter((row) => row.abbreviation !== 'PCCC') }),
      await readVocabulary(payload, admin()),
    )
    expect(response.status).toBe(200)
    await runSearchQueue(payload)

    expect(await found('PCCC')).toEqual([])
  })
})

describe.each([
  ['the teacher', 'teacher'],
  ['a reviewer', 'reviewer'],
  ['office staff', 'staff'],
  ['a parent', 'parent'],
] as const)('%s changing the list', (_, role) => {
  it('is refused with 403 in Vietnamese, and the list stays as it was', async () => {
    const before = await readVocabulary(payload, admin())
    const response = await saveVocabulary(
      payload,
      accounts[role].token,
      (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'XYZ', meaning: 'điều không ai nói' }] }),
      before,
    )
    expect(response.status).toBe(403)
    expect((await fieldErrorsOf(response))[0].message).toMatch(/không có quyền/)
    expect(await readVocabulary(payload, admin())).toEqual(before)
  })
})

it('refuses an anonymous visitor both reading and changing the list', async () => {
  const before = await readVocabulary(payload, admin())
  expect((await rest(payload, '/globals/search-vocabulary')).status).toBe(403)
  expect((await saveVocabulary(payload, undefined, () => ({}), before)).status).toBe(403)
})

const longPhrase = 'chương trình giáo dục mầm non '.repeat(3).trim()

describe.each<[string, (rows: VocabularyRows) => Partial<VocabularyRows>, string, RegExp]>([
  ['an abbreviation left empty', (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: ' ', meaning: 'mầm non' }] }), 'abbreviations.', /Hãy nhập chữ viết tắt/],
  ['a meaning left empty', (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'TT', meaning: '' }] }), 'abbreviations.', /Hãy nhập nghĩa đầy đủ/],
  ['an abbreviation standing for itself', (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'Online', meaning: 'online' }] }), 'abbreviations.', /không thể là viết tắt hay từ đồng nghĩa của chính nó/],
  ['an abbreviation of two words', (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'MG bé', meaning: 'mẫu giáo bé' }] }), 'abbreviations.', /một từ liền gồm chữ và số/],
  ['an overlong abbreviation', (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'ABCDEFGHIJKLMNOP', meaning: 'mười sáu chữ' }] }), 'abbreviations.', /tối đa 15 ký tự/],
  ['an overlong meaning', (rows) => ({ abbreviations: [...rows.abbreviations, { abbreviation: 'CTGDMN', meaning: longPhrase }] }), 'abbreviations.', /quá dài: tối đa 80 ký tự/],
  ['a group of one word', (rows) => ({ synonyms: [...rows.synonyms, { words: ['bé ngoan'] }] }), 'synonyms.', /ít nhất hai từ khác nhau/],
  ['a word grouped with itself', (rows) => ({ synonyms: [...rows.synonyms, { words: ['bé ngoan', 'Be ngoan'] }] }), 'synonyms.', /không thể là viết tắt hay từ đồng nghĩa của chính nó/],
  ['an empty word in a group', (rows) => ({ synonyms: [...rows.synonyms, { words: ['bé ngoan', '  '] }] }), 'synonyms.', /đang để trống/],
  ['an overlong synonym', (rows) => ({ synonyms: [...rows.synonyms, { words: ['chương trình', longPhrase] }] }), 'synonyms.', /quá dài: tối đa 80 ký tự/],
])('a list with %s', (_, change, path, message) => {
  it('is refused with 400 and a Vietnamese message on that field, and nothing is saved', async () => {
    const before = await readVocabulary(payload, admin())
    const response = await saveVocabulary(payload, admin(), change, before)
    expect(response.status).toBe(400)
    expect(await fieldErrorsOf(response)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(message), path: expect.stringContaining(path) }))
    expect(await readVocabulary(payload, admin())).toEqual(before)
  })
})
