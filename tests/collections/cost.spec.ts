/**
 * Cost, not count: the costliest request each surface admits is answered within a CPU budget, and
 * anything costlier is refused before the database is asked anything. CPU is this process's own
 * (`process.cpuUsage`), measured against plain list requests taken alternately with it, so the
 * load others put on the machine and the process's own warming cancel out of the ratio.
 */
import type { Payload, TypedUser } from 'payload'

import { handleEndpoints } from 'payload'
import * as qs from 'qs-esm'

import { defaultCostLimits } from '../../src/plugins/costLimits/defaults.js'
import { measureWhere } from '../../src/plugins/costLimits/measureWhere.js'
import { searchQueryLimits } from '../../src/plugins/search/endpoints/parseSearchQuery.js'
import { graphQLPost } from '../../src/graphql/post.js'
import { illustrations, renderJpeg } from '../../src/seed/demo/images.js'
import { demoMaterials } from '../../src/seed/demo/materials.js'
import { richText } from '../../src/seed/demo/richText.js'
import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { runSearchQueue } from '../search/support.js'

const materials = 150
const filesPerMaterial = 3

/** How many plain list requests of CPU the costliest admitted request of each surface may take. */
const budget = { rest: 10, graphQL: 24, search: 5, refusal: 1 }

let payload: Payload
let adminToken: string

type Measured = { body: string; ms: number; status: number }

const cpuOf = async (send: () => Promise<Response>): Promise<Measured> => {
  const before = process.cpuUsage()
  const response = await send()
  const body = await response.text()
  const used = process.cpuUsage(before)
  return { body, ms: (used.user + used.system) / 1000, status: response.status }
}

/** The median of a few runs: one garbage collection should not decide a test. */
const median = <T>(values: T[], of: (value: T) => number): T => [...values].sort((a, b) => of(a) - of(b))[Math.floor(values.length / 2)]

/**
 * The median CPU of `send` over the median CPU of plain lists taken alternately with it (one
 * before it on even runs, after it on odd ones), so both meet the same JIT warmth, garbage
 * collection and machine load; a plain list measured once at the start drifted 17–55 ms.
 */
const inPlainLists = async (send: () => Promise<Response>, runs = 5): Promise<{ measured: Measured; ratio: number }> => {
  const sent: Measured[] = []
  const plain: Measured[] = []
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) plain.push(await cpuOf(plainListRequest))
    sent.push(await cpuOf(send))
    if (run % 2 === 1) plain.push(await cpuOf(plainListRequest))
  }
  const measured = median(sent, (one) => one.ms)
  return { measured, ratio: measured.ms / median(plain, (one) => one.ms).ms }
}

const graphQLRequest = (query: string, variables?: Record<string, unknown>) => () =>
  graphQLPost(payload.config)(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }),
  )

const get = (path: string) => () => rest(payload, path)

const plainListRequest = get('/learning-materials')

/** `X-Payload-HTTP-Method-Override: GET` with the parameters in a body, as Payload's admin sends them. */
const overriddenGet = (path: string, body: string, contentType = 'application/x-www-form-urlencoded') => () =>
  handleEndpoints({
    config: payload.config,
    path: `/api${path}`,
    request: new Request(`http://localhost:3000/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'X-Payload-HTTP-Method-Override': 'GET' },
      body,
    }),
  })

/** Runs `send` and records which database adapter methods it called. */
const databaseCallsDuring = async (send: () => Promise<Response>): Promise<{ calls: string[]; measured: Measured }> => {
  const calls: string[] = []
  const db = payload.db as unknown as Record<string, unknown>
  const methods = ['count', 'countVersions', 'find', 'findDistinct', 'findGlobal', 'findOne', 'findVersions', 'queryDrafts']
  const originals = methods.map((name) => [name, db[name]] as const)
  for (const [name, original] of originals) {
    if (typeof original === 'function') db[name] = (...args: unknown[]) => (calls.push(name), original.apply(db, args))
  }
  try {
    return { calls, measured: await cpuOf(send) }
  } finally {
    for (const [name, original] of originals) db[name] = original
  }
}

const messageOf = (body: string): string => (JSON.parse(body) as { errors: Array<{ message: string }> }).errors.map((error) => error.message).join('; ')

/** Refused with 400, a message saying which limit, without asking the database, for little CPU. */
const expectRefusedBeforeTheDatabase = async (send: () => Promise<Response>, message: RegExp) => {
  const { calls, measured } = await databaseCallsDuring(send)
  expect({ status: measured.status, message: messageOf(measured.body), calls }).toEqual({ status: 400, message: expect.stringMatching(message), calls: [] })
  await expectWithinBudget(send, 400, budget.refusal)
}

/** The answer has the status expected and took at most `plainLists` plain list requests of CPU. */
const expectWithinBudget = async (send: () => Promise<Response>, status: number, plainLists: number): Promise<Measured> => {
  const { measured, ratio } = await inPlainLists(send)
  expect(measured.status).toBe(status)
  expect(ratio).toBeLessThanOrEqual(plainLists)
  return measured
}

const { maxLimit, maxDepthTimesLimit, where: whereCaps, graphQL: graphQLCaps } = defaultCostLimits

beforeAll(async () => {
  payload = await bootPayload('cost')
  const admin = await payload.create({
    collection: 'users',
    data: { email: 'hieutruong@cost.test', name: 'Hiệu trưởng', password: 'mat-khau-dai-123', roles: ['admin'] },
    overrideAccess: true,
  })
  const user = { ...admin, collection: 'users' } as TypedUser
  adminToken = await tokenFor(payload, 'hieutruong@cost.test', 'mat-khau-dai-123')
  const media: number[] = []
  for (const illustration of illustrations.slice(0, 6)) {
    const data = await renderJpeg(illustration)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: illustration.alt, accessLevel: 'public' },
      file: { data, mimetype: 'image/jpeg', name: `${illustration.name}.jpg`, size: data.length },
      depth: 0,
      overrideAccess: false,
      user,
    })
    media.push(doc.id)
  }
  for (let index = 0; index < materials; index++) {
    const model = demoMaterials[index % demoMaterials.length]
    await payload.create({
      collection: 'learning-materials',
      data: {
        title: `${model.title} (${index + 1})`,
        summary: model.summary,
        body: richText(model.body),
        materialType: model.materialType,
        topic: model.topic,
        ageGroups: model.ageGroups,
        domains: model.domains,
        tags: model.tags,
        accessLevel: 'public',
        cover: media[index % media.length],
        files: Array.from({ length: filesPerMaterial }, (_, offset) => media[(index + offset + 1) % media.length]),
        author: admin.id,
        _status: 'published',
      },
      depth: 0,
      overrideAccess: false,
      user,
    })
  }
  await runSearchQueue(payload)
  // Warm: the first GraphQL request builds the schema, the first lists prepare their queries.
  await cpuOf(graphQLRequest('{ LearningMaterials { docs { id } } }'))
  for (let run = 0; run < 10; run++) await cpuOf(plainListRequest)
}, 600_000)

afterAll(async () => {
  await shutdownPayload(payload)
})

describe('the attack from the issue', () => {
  const aliases = (count: number) =>
    `{ ${Array.from({ length: count }, (_, index) => `a${index}: LearningMaterials(limit: 100) { docs { id } }`).join(' ')} }`

  it('(100 aliases of a list of 100) is refused with 400 before the database is asked anything', async () => {
    await expectRefusedBeforeTheDatabase(graphQLRequest(aliases(100)), /tối đa/)
  })

  it('is refused for what it would read even with as few aliases as allowed', async () => {
    await expectRefusedBeforeTheDatabase(graphQLRequest(aliases(graphQLCaps.maxRootFields)), /đọc khoảng 1000 tài liệu, tối đa 200/)
  })
})

describe('GraphQL', () => {
  const everyField = 'id title slug summary body materialType topic ageGroups domains videoUrl durationMinutes schoolYear tags accessLevel createdAt updatedAt _status'
  const mediaFields = 'id alt caption url filename mimeType filesize width height sizes { thumbnail { url width height } card { url } }'

  it('answers the widest operation it admits (two full pages, every field) within its CPU budget', async () => {
    const query = `query ($size: Int = ${maxLimit}) { first: LearningMaterials(limit: $size) { docs { ...Everything } } second: LearningMaterials(limit: $size, page: 2) { docs { ...Everything } } }
      fragment Everything on LearningMaterial { ${everyField} }`
    const measured = await expectWithinBudget(graphQLRequest(query), 200, budget.graphQL)
    expect(JSON.parse(measured.body).data.first.docs).toHaveLength(maxLimit)
  })

  it('answers the deepest operation it admits (a page with its cover, files and author) within its CPU budget', async () => {
    const size = graphQLCaps.maxDocuments / (1 + 1 + graphQLCaps.assumedListLength + 1)
    const query = `{ LearningMaterials(limit: ${size}) { docs { ${everyField} cover { ${mediaFields} } files { ${mediaFields} } author { name } } } }`
    const measured = await expectWithinBudget(graphQLRequest(query), 200, budget.graphQL)
    const { docs } = JSON.parse(measured.body).data.LearningMaterials
    expect(docs).toHaveLength(size)
    expect(docs[0].files).toHaveLength(filesPerMaterial)
  })

  const chainOfFragments = Array.from(
    { length: graphQLCaps.maxFragments },
    (_, index) => {
      const next = index + 1 < graphQLCaps.maxFragments ? `...F${index + 1}` : 'title'
      return `fragment F${index} on RegulatoryDocument { a: replacedBy { ${next} } b: replacedBy { ${next} } }`
    },
  ).join(' ')

  it.each([
    ['a limit above the largest page', `{ LearningMaterials(limit: ${maxLimit + 1}) { docs { id } } }`, undefined, /limit phải là số nguyên từ 1 đến 100/],
    ['limit 0, which Payload reads as everything', '{ LearningMaterials(limit: 0) { docs { id } } }', undefined, /từ 1 đến 100/],
    ['a negative limit, which SQLite reads as everything', '{ LearningMaterials(limit: -1) { docs { id } } }', undefined, /từ 1 đến 100/],
    ['a list without pagination or limit', '{ LearningMaterials(pagination: false) { docs { id } } }', undefined, /Không thể lấy cả danh sách/],
    ['a limit in a variable', 'query ($size: Int) { LearningMaterials(limit: $size) { docs { id } } }', { size: maxLimit + 1 }, /nhận được "101"/],
    ['a limit in a variable’s default', 'query ($size: Int = 0) { LearningMaterials(limit: $size) { docs { id } } }', undefined, /nhận được "0"/],
    [
      'one document more than allowed, through a named fragment',
      '{ ...Pages } fragment Pages on Query { a: LearningMaterials(limit: 100) { docs { id } } b: LearningMaterials(limit: 100) { docs { id } } c: LearningMaterials(limit: 1) { docs { id } } }',
      undefined,
      /đọc khoảng 201 tài liệu, tối đa 200/,
    ],
    [
      'one document more than allowed, through an inline fragment',
      '{ ... on Query { a: LearningMaterials(limit: 100) { docs { id } } b: LearningMaterials(limit: 100) { docs { id } } } c: LearningMaterials(limit: 1) { docs { id } } }',
      undefined,
      /đọc khoảng 201 tài liệu/,
    ],
    [
      'related documents multiplied through a page',
      '{ LearningMaterials(limit: 30) { docs { cover { id } files { id } } } }',
      undefined,
      /đọc khoảng 210 tài liệu/,
    ],
    [
      'fields nested one level deeper than allowed',
      '{ RegulatoryDocuments(limit: 1) { docs { replacedBy { replacedBy { replacedBy { replacedBy { replacedBy { replacedBy { title } } } } } } } } }',
      undefined,
      /sâu 9 cấp, tối đa 8/,
    ],
    [
      'one alias more than allowed',
      `{ LearningMaterials(limit: 1) { docs { ${Array.from({ length: graphQLCaps.maxAliases + 1 }, (_, index) => `a${index}: title`).join(' ')} } } }`,
      undefined,
      /21 bí danh \(alias\), tối đa 20/,
    ],
    [
      'one top-level field more than allowed',
      `{ ${Array.from({ length: graphQLCaps.maxRootFields + 1 }, (_, index) => `a${index}: Access { canAccessAdmin }`).join(' ')} }`,
      undefined,
      /hỏi 11 mục cùng lúc, tối đa 10/,
    ],
    ['a field asked for twice in one selection', '{ LearningMaterials { docs { id id } } }', undefined, /"id" được hỏi hai lần/],
    [
      'a fragment that spreads itself (which used to crash Payload’s complexity rule)',
      '{ LearningMaterials { ...A } } fragment A on LearningMaterials { docs { id } ...B } fragment B on LearningMaterials { ...A }',
      undefined,
      /tự gọi lại chính nó/,
    ],
    ['a chain of fragments each spreading the next twice', `{ RegulatoryDocuments(limit: 1) { docs { ...F0 } } } ${chainOfFragments}`, undefined, /trường khi trải các fragment, tối đa 500/],
    [
      'one fragment more than allowed',
      `{ LearningMaterials(limit: 1) { docs { ${Array.from({ length: graphQLCaps.maxFragments + 1 }, (_, index) => `...G${index}`).join(' ')} } } } ${Array.from({ length: graphQLCaps.maxFragments + 1 }, (_, index) => `fragment G${index} on LearningMaterial { id }`).join(' ')}`,
      undefined,
      /11 fragment, tối đa 10/,
    ],
    ['a document longer than allowed', `{ LearningMaterials(limit: 1) { docs { ${Array.from({ length: 1500 }, (_, index) => `f${index}: id`).join(' ')} } } }`, undefined, /tối đa 3000 từ tố/],
  ])('refuses %s with 400 before the database is asked anything', async (_, query, variables, message) => {
    await expectRefusedBeforeTheDatabase(graphQLRequest(query, variables), message)
  })

  it('answers an operation of exactly the documents allowed, through fragments and variables', async () => {
    const query = `query ($size: Int!) { ...Pages } fragment Pages on Query { a: LearningMaterials(limit: $size) { ...Ids } b: LearningMaterials(limit: $size, page: 2) { ...Ids } }
      fragment Ids on LearningMaterials { docs { id } }`
    const { calls, measured } = await databaseCallsDuring(graphQLRequest(query, { size: graphQLCaps.maxDocuments / 2 }))
    expect(measured.status).toBe(200)
    expect(JSON.parse(measured.body).data.a.docs).toHaveLength(graphQLCaps.maxDocuments / 2)
    // The watch on the database sees the reads an answer makes, so its silence on refusals means something.
    expect(calls.length).toBeGreaterThan(0)
  })
})

describe('REST lists', () => {
  const everything = Array.from({ length: whereCaps.maxValues }, (_, index) => -1 - index)
  const conditionsBesides = 1 + whereCaps.maxConditionsAcrossRelations + 2
  const likeWords = whereCaps.maxValues - 400 - whereCaps.maxConditionsAcrossRelations - 1 - (whereCaps.maxConditions - conditionsBesides)
  /**
   * The heaviest filter admitted that still matches every material: as many conditions, joins,
   * values and levels as allowed, and no fewer documents for it.
   */
  const heaviestWhere = {
    and: [
      { id: { not_in: everything.slice(0, 400) } },
      { or: Array.from({ length: whereCaps.maxConditionsAcrossRelations }, (_, index) => ({ 'cover.alt': { not_equals: `khong-co-${index}` } })) },
      { or: [{ title: { like: Array.from({ length: likeWords }, (_, index) => `tu${index}`).join(' ') } }, { title: { exists: true } }] },
      {
        or: [
          {
            and: [
              {
                or: [
                  { and: Array.from({ length: whereCaps.maxConditions - conditionsBesides }, (_, index) => ({ title: { not_equals: `khong-co-${index}` } })) },
                ],
              },
            ],
          },
        ],
      },
    ],
  }
  // As JSON: `qs` reads brackets 10 deep, fewer than five levels of and/or take. The exclusion
  // select brings back the rich text a list leaves out by default, the heaviest shape allowed.
  const heaviestList =
    `depth=${maxDepthTimesLimit / maxLimit}&limit=${maxLimit}&select[files]=false&where=${encodeURIComponent(JSON.stringify(heaviestWhere))}`

  it('builds its heaviest filter just under every cap', () => {
    const fields = payload.collections['learning-materials'].config.flattenedFields
    expect(measureWhere(heaviestWhere, fields, whereCaps.maxNesting)).toEqual({
      conditions: whereCaps.maxConditions,
      conditionsAcrossRelations: whereCaps.maxConditionsAcrossRelations,
      nesting: whereCaps.maxNesting,
      values: whereCaps.maxValues,
    })
  })

  it('answers the costliest list it admits (a full page at depth 2 under the heaviest filter) within its CPU budget', async () => {
    const measured = await expectWithinBudget(get(`/learning-materials?${heaviestList}`), 200, budget.rest)
    const { docs } = JSON.parse(measured.body) as { docs: Array<{ body?: unknown }> }
    expect(docs).toHaveLength(maxLimit)
    expect(docs.every((doc) => doc.body)).toBe(true)
  })

  it('answers the same list asked through a method-override form body within the same budget', async () => {
    const measured = await expectWithinBudget(overriddenGet('/learning-materials', heaviestList), 200, budget.rest)
    const { docs } = JSON.parse(measured.body) as { docs: Array<{ body?: unknown }> }
    expect(docs).toHaveLength(maxLimit)
    expect(docs.every((doc) => doc.body)).toBe(true)
  })

  it('reads no filter or page size from a method-override JSON body, so none can hide there', async () => {
    const bomb = { limit: 100_000, where: { or: Array.from({ length: 5000 }, (_, index) => ({ 'cover.alt': { like: `w${index}` } })) } }
    const measured = await expectWithinBudget(overriddenGet('/learning-materials', JSON.stringify(bomb), 'application/json'), 200, budget.rest)
    expect(JSON.parse(measured.body).docs).toHaveLength(10)
  })

  const nestedDeep = `{"and":[`.repeat(10_000) + '{"title":{"equals":"x"}}' + ']}'.repeat(10_000)

  const over: Array<[string, string, RegExp]> = [
    ['a limit above the largest page', `limit=${maxLimit + 1}&depth=0`, /từ 1 đến 100 \(nhận được "101"\)/],
    ['limit 0, which Payload reads as everything', 'limit=0', /nhận được "0"/],
    ['a negative limit, which SQLite reads as everything', 'limit=-1', /nhận được "-1"/],
    ['a limit that is not a number', 'limit=abc', /nhận được "abc"/],
    ['pagination=false without a limit', 'pagination=false', /pagination=false cần kèm limit/],
    ['depth × limit above the cap', `depth=3&limit=${Math.floor(maxDepthTimesLimit / 3) + 1}`, /với depth 3, mỗi trang lấy tối đa 66/],
    ['depth × limit above the cap at the default depth', `limit=${maxLimit}&depth=10`, /với depth 3/],
    [
      'one condition more than allowed',
      qs.stringify({ where: { or: Array.from({ length: whereCaps.maxConditions + 1 }, (_, index) => ({ title: { equals: `t${index}` } })) } }),
      /31, tối đa 30/,
    ],
    [
      'one condition across a relationship more than allowed',
      qs.stringify({ where: { or: Array.from({ length: whereCaps.maxConditionsAcrossRelations + 1 }, (_, index) => ({ 'cover.alt': { equals: `t${index}` } })) } }),
      /tài liệu liên quan .*: 6, tối đa 5/,
    ],
    [
      'and/or nested one level deeper than allowed',
      `where=${encodeURIComponent(JSON.stringify({ and: [{ or: [{ and: [{ or: [{ and: [{ or: [{ title: { equals: 'x' } }] }] }] }] }] }] }))}`,
      /tối đa 5 cấp/,
    ],
    ['and/or nested ten thousand deep', `where=${encodeURIComponent(nestedDeep)}`, /tối đa 5 cấp/],
    ['one value more than allowed in a list', `where=${encodeURIComponent(JSON.stringify({ id: { in: everything.concat(-9999) } }))}`, /501, tối đa 500/],
    ['a like of more words than values allowed', qs.stringify({ where: { title: { like: Array.from({ length: whereCaps.maxValues + 1 }, (_, index) => `w${index}`).join(' ') } } }), /501, tối đa 500/],
  ]

  it.each(over)('refuses %s with 400 before the database is asked anything', async (_, query, message) => {
    await expectRefusedBeforeTheDatabase(get(`/learning-materials?${query}`), message)
  })

  it.each(over)('refuses %s in a method-override form body too', async (_, query, message) => {
    await expectRefusedBeforeTheDatabase(overriddenGet('/learning-materials', query), message)
  })

  it('caps the versions list as every other list', async () => {
    const response = await rest(payload, '/learning-materials/versions?limit=1000', { token: adminToken })
    expect({ status: response.status, message: messageOf(await response.text()) }).toEqual({ status: 400, message: expect.stringMatching(/từ 1 đến 100/) })
  })

  it('answers in English to those who ask for it', async () => {
    const response = await rest(payload, '/learning-materials?limit=0', { headers: { 'Accept-Language': 'en' } })
    expect(messageOf(await response.text())).toMatch(/limit must be a whole number from 1 to 100/)
  })

  it('leaves the server’s own reads through the Local API alone', async () => {
    const all = await payload.find({ collection: 'learning-materials', depth: 0, pagination: false })
    expect(all.docs).toHaveLength(materials)
  })
})

describe('search', () => {
  /** Words that each expand to several terms (abbreviations both ways, folded and exact spellings). */
  const heavyWords = ['mn', 'kh', 'gv', 'ubnd', 'ph', 'gddt', 'học', 'liệu', 'trẻ', 'mầm', 'non', 'giáo', 'dục', 'kế', 'hoạch', 'qd', 'cntt', 'sgddt', 'mg', 'pgddt']
  const words = (count: number) => Array.from({ length: count }, (_, index) => heavyWords[index % heavyWords.length]).join(' ')

  it('answers the longest query it admits within its CPU budget', async () => {
    const q = words(searchQueryLimits.maxQueryWords)
    expect(q.length).toBeLessThanOrEqual(searchQueryLimits.maxQueryLength)
    await expectWithinBudget(get(`/search?q=${encodeURIComponent(q)}`), 200, budget.search)
  })

  it('refuses one word more than allowed with a Vietnamese message', async () => {
    const { status, body } = await cpuOf(get(`/search?q=${encodeURIComponent(words(searchQueryLimits.maxQueryWords + 1))}`))
    expect({ status, message: messageOf(body) }).toEqual({ status: 400, message: 'Nội dung tìm kiếm quá dài: tối đa 20 từ.' })
  })

  it('refuses one character more than allowed', async () => {
    const { status } = await cpuOf(get(`/search?q=${'a'.repeat(searchQueryLimits.maxQueryLength + 1)}`))
    expect(status).toBe(400)
  })
})
