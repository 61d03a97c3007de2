import type { Payload } from 'payload'

import type { AccessLevel, Role } from '../../src/access/accessLevels.js'
import type { Announcement, LearningMaterial } from '../../src/payload-types.js'

import { accessLevels, levelsFor } from '../../src/access/accessLevels.js'
import { ensureOpsToken } from '../../src/lib/opsToken.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { type Accounts, createAccounts, runSearchQueue, search, searchResponse } from './support.js'

let payload: Payload
let accounts: Accounts

type Reader = 'anonymous' | Role

/** One published material and one announcement per level, each level with its own facet values. */
const perLevel: Record<AccessLevel, { ageGroup: NonNullable<LearningMaterial['ageGroups']>[number]; category: Announcement['category']; type: LearningMaterial['materialType'] }> = {
  public: { ageGroup: 'nha-tre', category: 'news', type: 'lesson-plan' },
  parents: { ageGroup: 'mau-giao-be', category: 'menu', type: 'video' },
  staff: { ageGroup: 'mau-giao-nho', category: 'notice', type: 'worksheet' },
  leadership: { ageGroup: 'mau-giao-lon', category: 'enrolment', type: 'assessment' },
}

/** Public announcements beyond the largest page a search may ask for. */
const manyPublic = 55

beforeAll(async () => {
  payload = await bootPayload('search-access')
  accounts = await createAccounts(payload, 'access')
  const admin = { depth: 0, overrideAccess: false, user: accounts.admin.user }
  for (const level of accessLevels) {
    const { ageGroup, category, type } = perLevel[level]
    await payload.create({
      collection: 'learning-materials',
      data: { _status: 'published', accessLevel: level, ageGroups: [ageGroup], materialType: type, title: `Cầu vồng bảy sắc – học liệu mức ${level}` },
      ...admin,
    })
    await payload.create({
      collection: 'announcements',
      data: { _status: 'published', accessLevel: level, category, title: `Cầu vồng sau mưa – thông báo mức ${level}` },
      ...admin,
    })
  }
  for (let n = 1; n <= manyPublic; n++) {
    await payload.create({
      collection: 'announcements',
      data: { _status: 'published', accessLevel: 'public', category: 'event', title: `Bản tin hoạt động số ${n}` },
      ...admin,
    })
  }
  await runSearchQueue(payload)
})
afterAll(async () => shutdownPayload(payload))

const readers: Reader[] = ['anonymous', 'parent', 'teacher', 'reviewer', 'staff', 'admin']
const tokenOf = (reader: Reader) => (reader === 'anonymous' ? undefined : accounts[reader].token)
const levelsOf = (reader: Reader) => levelsFor(reader === 'anonymous' ? null : { roles: [reader] })

describe.each(readers.map((reader) => [reader, levelsOf(reader)] as const))('%s, who may read %j', (reader, levels) => {
  const above = accessLevels.filter((level) => !levels.includes(level))

  it('finds the entries of every level they may read, and of no other', async () => {
    const answer = await search(payload, { q: 'cầu vồng' }, { token: tokenOf(reader) })
    expect([...new Set(answer.hits.map((hit) => hit.accessLevel))].sort()).toEqual([...levels].sort())
    expect(answer.total).toBe(2 * levels.length)
    for (const level of above) expect(answer.hits.map((hit) => hit.title).join('\n')).not.toContain(`mức ${level}`)
  })

  it('counts facet values only over what they may read', async () => {
    const { facets, total } = await search(payload, { q: 'cầu vồng' }, { token: tokenOf(reader) })
    expect(facets.type).toEqual(Object.fromEntries(levels.map((level) => [perLevel[level].type, 1])))
    expect(facets.category).toEqual(Object.fromEntries(levels.map((level) => [perLevel[level].category, 1])))
    expect(facets.ageGroups).toEqual(Object.fromEntries(levels.map((level) => [perLevel[level].ageGroup, 1])))
    expect(facets.collection).toEqual({ announcements: levels.length, 'learning-materials': levels.length })
    expect(total).toBe(2 * levels.length)
  })

  it('browses (an empty query) only within their levels', async () => {
    const answer = await search(payload, { limit: '50', q: '' }, { token: tokenOf(reader) })
    expect(answer.total).toBe(2 * levels.length + manyPublic)
    expect(answer.facets.collection).toEqual({ announcements: levels.length + manyPublic, 'learning-materials': levels.length })
    for (const hit of answer.hits) expect(levels).toContain(hit.accessLevel)
  })

  it.each([['leadership'], ['staff'], ['leadership,staff,parents,public']])(
    'ignores accessLevel=%s in the query string',
    async (asked) => {
      const plain = await search(payload, { q: 'cầu vồng' }, { token: tokenOf(reader) })
      const widened = await search(payload, { accessLevel: asked, levels: asked, q: 'cầu vồng' }, { token: tokenOf(reader) })
      expect(widened.hits.map((hit) => hit.id)).toEqual(plain.hits.map((hit) => hit.id))
      expect(widened.facets).toEqual(plain.facets)
    },
  )

  it.each([
    ['type=x%22)%20OR%20accessLevel%3Aleadership', 'x") OR accessLevel:leadership', 'type'],
    ['type=lesson-plan,assessment%20OR%201%3D1', 'assessment OR 1=1', 'type'],
    ['collections=users', 'users', 'collections'],
    ['collections=payload-jobs', 'payload-jobs', 'collections'],
    ['year=20x1', '20x1', 'year'],
    ['year=2024%20OR%20accessLevel%3Dleadership', '2024 OR accessLevel=leadership', 'year'],
    ['issuer=UBND%22%20OR%20%221', 'UBND" OR "1', 'issuer'],
    ['category=news&category=*', '*', 'category'],
  ])('is refused with 400 and a Vietnamese message for the crafted filter %s', async (query, value, facet) => {
    const response = await searchResponse(payload, `q=c%E1%BA%A7u%20v%E1%BB%93ng&${query}`, {
      headers: { 'Accept-Language': 'vi' },
      token: tokenOf(reader),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: Array<{ message: string }>; hits?: unknown }
    expect(body.hits).toBeUndefined()
    expect(body.errors).toEqual([{ message: `Giá trị "${value}" không hợp lệ cho bộ lọc "${facet}".` }])
  })

  it('caps limit=1000 at the largest page', async () => {
    const answer = await search(payload, { limit: '1000', q: '' }, { token: tokenOf(reader) })
    expect(answer.limit).toBe(50)
    expect(answer.hits).toHaveLength(50)
    expect(answer.total).toBeGreaterThan(50)
  })

  it.each([['page=0'], ['page=-1'], ['page=1.5'], ['page=abc'], ['limit=0'], ['limit=-5']])(
    'refuses %s with 400 and a Vietnamese message',
    async (query) => {
      const response = await searchResponse(payload, `q=b%E1%BA%A3n%20tin&${query}`, {
        headers: { 'Accept-Language': 'vi' },
        token: tokenOf(reader),
      })
      expect(response.status).toBe(400)
      const value = query.split('=')[1]
      expect(await response.json()).toEqual({
        errors: [{ message: `Trang và số kết quả phải là số nguyên từ 1 (nhận được "${value}").` }],
      })
    },
  )

  it('is told in English when the browser asks for English', async () => {
    const response = await searchResponse(payload, 'q=x&collections=users', {
      headers: { 'Accept-Language': 'en' },
      token: tokenOf(reader),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'Unknown value "users" for the filter "collections".' }] })
  })

  it('gets 404 for a search token, which only Meilisearch issues', async () => {
    const response = await rest(payload, '/search/token', { headers: { 'Accept-Language': 'vi' }, token: tokenOf(reader) })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      errors: [{ message: 'Khóa tìm kiếm trực tiếp chỉ có khi hệ thống dùng Meilisearch.' }],
    })
  })

  const isAdmin = reader === 'admin'
  it(`${isAdmin ? 'may' : 'may not'} rebuild or check the index`, async () => {
    const reindex = await rest(payload, '/search/reindex', { method: 'POST', token: tokenOf(reader) })
    const check = await rest(payload, '/search/check', { token: tokenOf(reader) })
    expect([reindex.status, check.status]).toEqual(isAdmin ? [200, 200] : [403, 403])
    if (isAdmin) expect(await check.json()).toEqual({ extra: [], inSync: true, missing: [] })
  })
})

describe.each(
  readers.flatMap((reader) =>
    accessLevels.filter((level) => !levelsOf(reader).includes(level)).map((level) => [reader, level] as const),
  ),
)('%s, filtering on the %s level’s type', (reader, level) => {
  it('gets nothing, counts included', async () => {
    const answer = await search(payload, { q: 'cầu vồng', type: perLevel[level].type }, { token: tokenOf(reader) })
    expect(answer).toMatchObject({ hits: [], total: 0 })
    expect(Object.values(answer.facets).every((counts) => Object.keys(counts ?? {}).length === 0)).toBe(true)
  })
})

describe('the maintenance endpoints', () => {
  it('answer the operator’s command-line tools, which hold the token from the data folder', async () => {
    const token = ensureOpsToken()
    const check = await rest(payload, '/search/check', { headers: { 'x-truongso-ops-token': token } })
    expect(check.status).toBe(200)
    expect(await check.json()).toEqual({ extra: [], inSync: true, missing: [] })
    const forged = await rest(payload, '/search/check', { headers: { 'x-truongso-ops-token': token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } })
    expect(forged.status).toBe(403)
  })

  it.each([['a made-up token', 'f'.repeat(64)], ['an empty token', ''], ['a token of the wrong length', 'abc']])(
    'refuse %s in the operations header',
    async (_, token) => {
      for (const [path, method] of [['/search/reindex', 'POST'], ['/search/check', 'GET']] as const) {
        const response = await rest(payload, path, { headers: { 'x-truongso-ops-token': token }, method })
        expect(response.status).toBe(403)
      }
    },
  )
})

describe('search answers', () => {
  it('are never cached by a shared cache, and vary by who asks', async () => {
    const response = await searchResponse(payload, 'q=c%E1%BA%A7u', { token: accounts.admin.token })
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(response.headers.get('Vary')).toContain('Authorization')
  })

  it('refuse a query longer than 200 characters, in Vietnamese', async () => {
    const response = await searchResponse(payload, { q: 'a'.repeat(201) }, { headers: { 'Accept-Language': 'vi' } })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'Nội dung tìm kiếm quá dài: tối đa 200 ký tự.' }] })
  })
})
