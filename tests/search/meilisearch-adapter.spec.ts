import { createHmac } from 'node:crypto'

import type { AccessLevel } from '../../src/access/accessLevels.js'
import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/plugins/search/engines/types.js'

import { maxTotalHits } from '../../src/plugins/search/engines/types.js'
import {
  createMeilisearchEngine,
  MeilisearchConfigError,
  MeilisearchDocumentError,
  type MeilisearchEngineOptions,
  MeilisearchRefusedError,
  MeilisearchRequestRefusedError,
  MeilisearchTaskError,
} from '../../src/plugins/search/engines/meilisearch/index.js'
import { textPartLength } from '../../src/plugins/search/engines/meilisearch/documents.js'
import { temporaryIndexUid } from '../../src/plugins/search/engines/meilisearch/indexes.js'
import { indexSettings } from '../../src/plugins/search/engines/meilisearch/settings.js'
import { type FakeMeilisearch, type RecordedRequest, startFakeMeilisearch } from './fakeMeilisearch.js'

const document = (docId: string, fields: Partial<SearchDocument> = {}): SearchDocument => ({
  accessLevel: 'public',
  collection: 'learning-materials',
  docId,
  facets: { type: 'worksheet' },
  id: `${fields.collection ?? 'learning-materials'}-${docId}`,
  title: `Học liệu ${docId}`,
  url: `/hoc-lieu/${docId}`,
  ...fields,
})

const query = (fields: Partial<SearchQuery> = {}): SearchQuery => ({
  filters: {},
  levels: ['public'],
  limit: 10,
  page: 1,
  q: 'học liệu',
  ...fields,
})

async function* batchesOf(...batches: SearchDocument[][]): AsyncIterable<SearchDocument[]> {
  for (const batch of batches) yield batch
}

/** Removes every quoted string (with its escapes) from a filter, leaving only its structure. */
const structureOf = (filter: string): string => filter.replace(/"(?:[^"\\]|\\.)*"/g, '""')

const decodePart = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>

const signatureMatches = (token: string, secret: string): boolean => {
  const [header, payload, signature] = token.split('.')
  return createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url') === signature
}

let fake: FakeMeilisearch
const engineFor = (options: Partial<MeilisearchEngineOptions> = {}): SearchEngine =>
  createMeilisearchEngine({ apiKey: fake.masterKey, host: fake.url, taskPollIntervalMs: 1, ...options })

beforeEach(async () => {
  fake = await startFakeMeilisearch()
})

afterEach(async () => {
  await fake.close()
})

/** Every action the engine needs, on every index: what an operator gives a restricted key. */
const everythingButVersion = ['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.*', 'keys.get', 'keys.create']

describe('Meilisearch engine setup', () => {
  it('creates the index with primary key id when it is missing, then sends the settings and waits for both tasks', async () => {
    const report = await engineFor().setup()

    expect(report.missing).toEqual([])
    expect(report.pending).toBeUndefined()
    await expect(report.settled).resolves.toBeUndefined()
    expect(fake.requestsTo('POST', '/indexes').map((request) => request.body)).toEqual([{ uid: 'truongso', primaryKey: 'id' }])
    const [update] = fake.requestsTo('PATCH', '/indexes/truongso/settings')
    const settings = update.body as Record<string, any>
    expect(settings.searchableAttributes).toEqual(['title', 'documentNumber', 'summary', 'text', 'textMore'])
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(['accessLevel', 'collection', 'facets.type', 'facets.ageGroups', 'facets.domains', 'facets.category', 'facets.documentType', 'facets.issuer', 'facets.year']),
    )
    expect(settings.sortableAttributes).toEqual(['publishedAt'])
    expect(settings.typoTolerance).toMatchObject({
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ['documentNumber'],
    })
    expect(settings.displayedAttributes).not.toContain('toneWords')
    expect(settings.pagination).toEqual({ maxTotalHits })
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } })
    expect(fake.indexes.get('truongso')?.primaryKey).toBe('id')
    expect(fake.indexes.get('truongso')?.settings.pagination).toEqual({ maxTotalHits })
  })

  it.each([
    ['mn', 'mầm non'],
    ['kh', 'kế hoạch'],
    ['gdđt', 'giáo dục và đào tạo'],
    ['ubnd', 'ủy ban nhân dân'],
    ['sgdđt', 'sở giáo dục và đào tạo'],
    ['pgdđt', 'phòng giáo dục và đào tạo'],
    ['bgdđt', 'bộ giáo dục và đào tạo'],
    ['gv', 'giáo viên'],
    ['ph', 'phụ huynh'],
  ])('declares %s and "%s" synonyms both ways, with and without marks', async (short, long) => {
    await engineFor().setup()
    const { synonyms } = fake.requestsTo('PATCH', '/indexes/truongso/settings')[0].body as { synonyms: Record<string, string[]> }
    const folded = long.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')
    expect(synonyms[short]).toEqual(expect.arrayContaining([long, folded]))
    expect(synonyms[long]).toContain(short)
    expect(synonyms[folded]).toContain(short)
  })

  it('does not re-send settings the server already holds', async () => {
    await engineFor().setup()
    await engineFor().setup()

    expect(fake.requestsTo('POST', '/indexes')).toHaveLength(1)
    expect(fake.requestsTo('PATCH', '/indexes/truongso/settings')).toHaveLength(1)
    expect(fake.requestsTo('GET', '/indexes/truongso/settings')).toHaveLength(2)
  })

  it('sends only the settings that differ from the server', async () => {
    await engineFor().setup()
    const index = fake.indexes.get('truongso')!
    index.settings = { ...index.settings, typoTolerance: { ...(index.settings.typoTolerance as object), minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } } }

    await engineFor().setup()

    const updates = fake.requestsTo('PATCH', '/indexes/truongso/settings')
    expect(updates).toHaveLength(2)
    expect(Object.keys(updates[1].body as object)).toEqual(['typoTolerance'])
  })

  it('sets up once when two servers start together against an empty Meilisearch', async () => {
    const reports = await Promise.all([engineFor().setup(), engineFor().setup()])

    expect(fake.requestsTo('POST', '/indexes')).toHaveLength(2)
    await Promise.all(reports.map((report) => report.settled))
    expect([...fake.indexes.keys()]).toEqual(['truongso'])
    expect(fake.indexes.get('truongso')!.settings.filterableAttributes).toEqual(indexSettings().filterableAttributes)
  })

  it('answers searches with the old settings while a long settings update runs, and says so', async () => {
    const old = { ...indexSettings(), synonyms: {} }
    fake.seedIndex('truongso', [document('1')], old)
    fake.pauseTasks()
    const engine = engineFor()

    const report = await engine.setup()

    expect(report.pending).toMatch(/^Meilisearch task \d+ applies new index settings \(synonyms\)$/)
    expect((await engine.search(query({ q: 'hoc lieu' }))).total).toBe(1)
    let settled = false
    const settling = report.settled.then(() => (settled = true))
    await fake.nextRequest('GET', /^\/tasks\/\d+$/)
    expect(settled).toBe(false)
    fake.resumeTasks()
    await settling
    expect(Object.keys(fake.indexes.get('truongso')!.settings.synonyms as object)).toContain('mn')
  })

  it('waits for the settings when the index cannot answer searches without them', async () => {
    fake.seedIndex('truongso')
    fake.pauseTasks()
    let ready = false
    const setup = engineFor().setup().then((report) => {
      ready = true
      return report
    })
    await fake.nextRequest('GET', /^\/tasks\/\d+$/)
    await fake.nextRequest('GET', /^\/tasks\/\d+$/)
    expect(ready).toBe(false)
    fake.resumeTasks()
    expect((await setup).pending).toBeUndefined()
  })

  it('rejects with a task error when Meilisearch fails the settings task', async () => {
    fake.failNextTask({ type: 'settingsUpdate', code: 'internal', message: 'disk full' })

    const failure = engineFor().setup()

    await expect(failure).rejects.toBeInstanceOf(MeilisearchTaskError)
    await expect(failure).rejects.toMatchObject({ code: 'internal', status: 'failed' })
  })

  it('reports settings Meilisearch refuses on receipt (400, no task) with its code', async () => {
    await fake.close()
    fake = await startFakeMeilisearch({ version: '1.14.0' })
    const key = fake.addKey({ actions: everythingButVersion, indexes: ['*'] })

    const failure = engineFor({ apiKey: key.key }).setup()

    await expect(failure).rejects.toBeInstanceOf(MeilisearchRequestRefusedError)
    await expect(failure).rejects.toMatchObject({ code: 'invalid_settings_typo_tolerance', status: 400 })
    expect(fake.requestsTo('GET', /^\/tasks\/\d+$/).filter((poll) => poll.path !== '/tasks/0')).toHaveLength(0)
  })

  it('refuses a server older than it works with, naming both versions', async () => {
    await fake.close()
    fake = await startFakeMeilisearch({ version: '1.14.0' })

    await expect(engineFor().setup()).rejects.toThrow('Meilisearch 1.14.0 is older than 1.15.0, the oldest this engine works with')
    expect(fake.requestsTo('PATCH', /settings$/)).toHaveLength(0)
  })
})

describe('Meilisearch key permissions at start', () => {
  it('finds nothing missing for the master key', async () => {
    expect((await engineFor().setup()).missing).toEqual([])
  })

  it('finds nothing missing for a key with every action the engine uses, on its index and the rebuild indexes', async () => {
    const key = fake.addKey({ actions: everythingButVersion, indexes: ['truongso', 'truongso_tmp_*'] })
    expect((await engineFor({ apiKey: key.key }).setup()).missing).toEqual([])
  })

  it('names what a key that may read itself lacks: the rebuild indexes, swaps, and keys for tenant tokens', async () => {
    const key = fake.addKey({ actions: ['search', 'documents.*', 'indexes.create', 'indexes.get', 'indexes.delete', 'settings.*', 'tasks.get', 'keys.get'], indexes: ['truongso'] })

    const { missing } = await engineFor({ apiKey: key.key }).setup()

    expect(missing).toEqual([
      'indexes.get, indexes.create, settings.get, settings.update, documents.add, tasks.get, indexes.delete, indexes.swap on truongso_tmp_*; indexes.swap on truongso (rebuilds)',
      'keys.create (tenant tokens: creating a search key when none exists (or set MEILI_SEARCH_KEY))',
    ])
  })

  it('needs only keys.get for tenant tokens when MEILI_SEARCH_KEY is given', async () => {
    const searchKey = fake.keys.find((key) => key.name === 'Default Search API Key')!
    const key = fake.addKey({ actions: ['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.*', 'keys.get'], indexes: ['truongso*'] })
    expect((await engineFor({ apiKey: key.key, searchKey: searchKey.key }).setup()).missing).toEqual([])
  })

  it('tries a key that may not read itself with requests that change nothing, and names what it refused', async () => {
    fake.seedIndex('truongso', [], indexSettings())
    const key = fake.addKey({ actions: ['search', 'documents.add', 'documents.get', 'indexes.get', 'settings.get', 'tasks.get'], indexes: ['truongso'] })

    const { missing } = await engineFor({ apiKey: key.key }).setup()

    expect(missing).toEqual([
      'keys.get (tenant tokens, and checking this key)',
      'documents.delete, settings.update on truongso; indexes.create, indexes.swap, keys.create; indexes.get, settings.update, documents.add on truongso_tmp_* (checked by trying)',
    ])
    expect(fake.indexes.get('truongso')!.documents.size).toBe(0)
    expect([...fake.indexes.keys()]).toEqual(['truongso'])
    expect(fake.requestsTo('GET', /^\/tasks\/\d+$/)).toHaveLength(0)
  })
})

describe('Meilisearch engine writes', () => {
  it('adds documents under their `${collection}-${id}` ids and resolves once the task has succeeded', async () => {
    const engine = engineFor()
    await engine.setup()

    await engine.upsert([document('1', { documentNumber: '123/QĐ-SGDĐT', summary: 'Bé tập đếm', title: 'Bác sĩ tí hon' })])

    const stored = fake.indexes.get('truongso')!.documents.get('learning-materials-1')
    expect(stored).toMatchObject({ id: 'learning-materials-1', docId: '1', accessLevel: 'public', facets: { type: 'worksheet' } })
    expect(stored?.toneWords).toEqual(
      expect.arrayContaining(['bac.s', 'si.x', 'ti.s', 'be.s', `${encodeURIComponent('tâp')}.j`, `${encodeURIComponent('đêm')}.s`, encodeURIComponent('qđ'), encodeURIComponent('sgdđt')]),
    )
    const [add] = fake.requestsTo('POST', '/indexes/truongso/documents')
    expect(add.query.get('primaryKey')).toBe('id')
    const pollsAfterAdd = fake.requests.slice(fake.requests.indexOf(add) + 1).filter((request) => /^\/tasks\/\d+$/.test(request.path))
    expect(pollsAfterAdd.length).toBeGreaterThanOrEqual(2)
  })

  it('rejects when Meilisearch accepted the batch but the indexing task failed', async () => {
    const engine = engineFor()
    await engine.setup()
    fake.failNextTask({ type: 'documentAdditionOrUpdate', code: 'invalid_document_fields', message: 'bad field' })

    const failure = engine.upsert([document('1')])

    await expect(failure).rejects.toBeInstanceOf(MeilisearchTaskError)
    await expect(failure).rejects.toMatchObject({ code: 'invalid_document_fields' })
    expect(fake.indexes.get('truongso')!.documents.size).toBe(0)
  })

  it.each([
    ['an id with a character Meilisearch refuses', { id: 'learning-materials-1/2', docId: '1/2' }],
    ['an id that is not collection-docId', { id: 'other-1' }],
    ['an unknown access level', { accessLevel: 'secret' as AccessLevel }],
  ])('refuses a batch holding %s before sending anything', async (_case, fields) => {
    const engine = engineFor()
    await engine.setup()
    const before = fake.requests.length

    await expect(engine.upsert([document('0'), document('1', fields)])).rejects.toBeInstanceOf(MeilisearchDocumentError)
    expect(fake.requests.length).toBe(before)
  })

  it('splits batches so that no request exceeds the byte limit or the document count', async () => {
    const maxBatchBytes = 4096
    const engine = engineFor({ batchSize: 3, maxBatchBytes })
    await engine.setup()
    fake.payloadLimit = maxBatchBytes
    const documents = Array.from({ length: 12 }, (_, i) =>
      document(String(i), { summary: 'Trẻ mầm non học đếm và nhận biết màu sắc. '.repeat(i % 2 === 0 ? 45 : 2) }),
    )

    await engine.upsert(documents)

    const adds = fake.requestsTo('POST', '/indexes/truongso/documents')
    expect(adds.length).toBeGreaterThan(documents.length / 3)
    expect(adds.some((add) => (add.body as unknown[]).length < 3)).toBe(true)
    for (const add of adds) {
      expect(add.bytes).toBeLessThanOrEqual(maxBatchBytes)
      expect((add.body as unknown[]).length).toBeLessThanOrEqual(3)
    }
    expect(adds.flatMap((add) => (add.body as SearchDocument[]).map((sent) => sent.id))).toEqual(documents.map((sent) => sent.id))
    expect(fake.indexes.get('truongso')!.documents.size).toBe(12)
  })

  it('sends a long text in parts of its own attribute each, so Meilisearch indexes every page of it', async () => {
    const engine = engineFor()
    await engine.setup()
    const pages = Array.from({ length: 150 }, (_, page) => `Trang ${page + 1}: bé học đếm, hát và vẽ tranh về quê hương. `.repeat(60))
    const text = pages.join('\n')

    await engine.upsert([document('1', { text })])

    const [sent] = fake.requestsTo('POST', '/indexes/truongso/documents').flatMap((add) => add.body as Array<Record<string, unknown>>)
    const more = sent.textMore as Record<string, string>
    const parts = [sent.text as string, ...Object.keys(more).map((key, index) => {
      expect(key).toBe(String(index + 1))
      return more[key]
    })]
    expect(parts.join('')).toBe(text)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(textPartLength)
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(text.length / textPartLength))
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true)
  })

  it('sends a short text whole, without parts', async () => {
    const engine = engineFor()
    await engine.setup()
    await engine.upsert([document('1', { text: 'Bé học đếm.' })])
    const [sent] = fake.requestsTo('POST', '/indexes/truongso/documents').flatMap((add) => add.body as Array<Record<string, unknown>>)
    expect(sent).toMatchObject({ text: 'Bé học đếm.' })
    expect(sent).not.toHaveProperty('textMore')
  })

  it('refuses a single document larger than the byte limit', async () => {
    const engine = engineFor({ maxBatchBytes: 1024 })
    await engine.setup()

    await expect(engine.upsert([document('1', { text: 'chữ '.repeat(1000) })])).rejects.toMatchObject({
      name: 'MeilisearchDocumentError',
      ids: ['learning-materials-1'],
    })
  })

  it('removes documents by id in batches and waits for each deletion; ids Meilisearch cannot hold are skipped', async () => {
    fake.seedIndex('truongso', [document('1'), document('2'), document('3')])
    const engine = engineFor({ batchSize: 2 })

    await engine.remove(['learning-materials-1', 'learning-materials-3', 'learning-materials-9', 'not/valid'])

    const deletions = fake.requestsTo('POST', '/indexes/truongso/documents/delete-batch').map((request) => request.body)
    expect(deletions).toEqual([['learning-materials-1', 'learning-materials-3'], ['learning-materials-9']])
    expect([...fake.indexes.get('truongso')!.documents.keys()]).toEqual(['learning-materials-2'])
  })

  it('sends nothing for an empty upsert or removal', async () => {
    const engine = engineFor()
    await engine.upsert([])
    await engine.remove([])
    expect(fake.requests).toHaveLength(0)
  })
})

/** The live index with the engine's settings, and these documents in it, as the engine wrote them. */
const liveEngine = async (documents: SearchDocument[] = [], options: Partial<MeilisearchEngineOptions> = {}): Promise<SearchEngine> => {
  const engine = engineFor(options)
  await (await engine.setup()).settled
  await engine.upsert(documents)
  return engine
}

describe('Meilisearch engine search', () => {
  const filterOf = (request: RecordedRequest): string => (request.body as { filter: string }).filter

  describe.each<[AccessLevel[], string]>([
    [['public'], 'accessLevel IN ["public"]'],
    [['public', 'parents'], 'accessLevel IN ["public", "parents"]'],
    [['public', 'parents', 'staff', 'leadership'], 'accessLevel IN ["public", "parents", "staff", "leadership"]'],
  ])('for a reader who may see %j', (levels, clause) => {
    it('always sends the access-level clause', async () => {
      const engine = await liveEngine()
      await engine.search(query({ levels, q: 'hoc lieu' }))
      await engine.search(query({ levels, q: '' }))

      // The empty index has nothing with both words, so the first query is sent again relaxed.
      const searches = fake.requestsTo('POST', '/indexes/truongso/search')
      expect(searches).toHaveLength(3)
      for (const search of searches) expect(filterOf(search)).toBe(`(${clause})`)
    })

    it('puts the access-level clause in both queries of an exact-tone search', async () => {
      const engine = await liveEngine()
      await engine.search(query({ levels, q: 'bác sĩ' }))

      const [multi] = fake.requestsTo('POST', '/multi-search')
      for (const sent of (multi.body as { queries: { filter: string }[] }).queries) {
        expect(sent.filter.startsWith(`(${clause})`)).toBe(true)
      }
    })
  })

  it('escapes a crafted facet value so it cannot add clauses of its own', async () => {
    const engine = await liveEngine([document('1', { facets: { issuer: 'a\\" OR 1 = 1 OR \\' } })])
    const crafted = 'x" OR accessLevel = "leadership'

    const result = await engine.search(query({ filters: { type: [crafted], issuer: ['a\\" OR 1 = 1 OR \\'] }, q: 'hoc lieu' }))

    const filter = filterOf(fake.requestsTo('POST', '/indexes/truongso/search')[0])
    expect(filter).toContain('facets.type IN ["x\\" OR accessLevel = \\"leadership"]')
    expect(filter).toContain('facets.issuer IN ["a\\\\\\" OR 1 = 1 OR \\\\"]')
    expect(structureOf(filter)).toBe('(accessLevel IN [""]) AND (facets.type IN [""]) AND (facets.issuer IN [""])')
    expect(result.total).toBe(0)
  })

  it('finds a facet value holding a backslash, which Meilisearch unescapes as it was escaped', async () => {
    const engine = await liveEngine([document('1', { facets: { issuer: 'SỞ\\GDĐT' } }), document('2', { facets: { issuer: 'SỞGDĐT' } })])

    const result = await engine.search(query({ filters: { issuer: ['SỞ\\GDĐT'] }, q: '' }))

    expect(result.hits.map((hit) => hit.docId)).toEqual(['1'])
  })

  it('ORs the values of one facet and ANDs facets together', async () => {
    const engine = await liveEngine()
    await engine.search(query({ filters: { collection: ['library-items', 'announcements'], year: ['2024'] }, q: 'hoc lieu' }))

    expect(filterOf(fake.requestsTo('POST', '/indexes/truongso/search')[0])).toBe(
      '(accessLevel IN ["public"]) AND (collection IN ["library-items", "announcements"]) AND (facets.year IN ["2024"])',
    )
  })

  it.each<[string, Partial<SearchQuery>]>([
    ['empty levels', { levels: [] }],
    ['an unknown level', { levels: ['public', 'root' as AccessLevel] }],
    ['an unknown facet', { filters: { owner: ['me'] } as SearchQuery['filters'] }],
  ])('refuses a search with %s before any request', async (_case, fields) => {
    await expect(engineFor().search(query(fields))).rejects.toBeInstanceOf(MeilisearchRefusedError)
    await expect(engineFor().search(query({ ...fields, q: 'bác' }))).rejects.toBeInstanceOf(MeilisearchRefusedError)
    expect(fake.requests).toHaveLength(0)
  })

  it('asks for every facet, highlights of the title, summary and body, crops of the body and one page', async () => {
    const engine = await liveEngine()
    await engine.search(query({ limit: 5, page: 3, q: 'hoc lieu' }))

    const body = fake.requestsTo('POST', '/indexes/truongso/search')[0].body as Record<string, unknown>
    expect(body).toMatchObject({
      attributesToCrop: ['text', 'textMore'],
      attributesToHighlight: ['title', 'summary', 'text', 'textMore'],
      facets: ['collection', 'facets.type', 'facets.ageGroups', 'facets.domains', 'facets.category', 'facets.documentType', 'facets.issuer', 'facets.year'],
      hitsPerPage: 5,
      matchingStrategy: 'all',
      page: 3,
      q: 'hoc lieu',
    })
    expect(body.attributesToRetrieve).not.toContain('toneWords')
    expect(body.attributesToRetrieve).not.toContain('textMore')
    expect(body).not.toHaveProperty('sort')
  })

  it('lists the newest documents first when there is no query, or only words to leave out', async () => {
    const engine = await liveEngine([
      document('old', { publishedAt: '2023-01-01', title: 'Bé hát' }),
      document('new', { publishedAt: '2024-09-01', title: 'Bé vẽ' }),
      document('mid', { publishedAt: '2024-01-01', title: 'Bé múa' }),
    ])

    expect((await engine.search(query({ q: '  ' }))).hits.map((hit) => hit.docId)).toEqual(['new', 'mid', 'old'])
    expect((await engine.search(query({ q: '-hát' }))).hits.map((hit) => hit.docId)).toEqual(['new', 'mid'])
    expect(fake.requestsTo('POST', '/indexes/truongso/search').map((request) => (request.body as { sort?: string[] }).sort)).toEqual([
      ['publishedAt:desc'],
      ['publishedAt:desc'],
    ])
  })

  it('reads hits, highlights escaped in the original spelling, facet counts and the total', async () => {
    const engine = await liveEngine([
      document('7', { facets: { type: 'worksheet' }, publishedAt: '2024-09-01', summary: 'Cho bé <3 tuổi', text: 'Phần mở đầu. Các học cụ cho bé.', title: 'Học liệu <script>alert(1)</script>' }),
      document('8', { facets: { type: 'game' }, text: 'Trò chơi vận động.', title: 'Học liệu 8' }),
      document('9', { collection: 'announcements', id: 'announcements-9', title: 'Thông báo nghỉ lễ' }),
    ])

    const result = await engine.search(query({ q: 'hoc' }))

    expect(result.total).toBe(2)
    expect(result.facets).toMatchObject({ collection: { 'learning-materials': 2 }, type: { game: 1, worksheet: 1 }, year: {} })
    const seven = result.hits.find((hit) => hit.docId === '7')!
    expect(seven).toMatchObject({ collection: 'learning-materials', publishedAt: '2024-09-01', url: '/hoc-lieu/7' })
    expect(seven.highlights).toEqual({
      summary: 'Cho bé &#60;3 tuổi',
      text: 'Phần mở đầu. Các <mark>học</mark> cụ cho bé.',
      title: '<mark>Học</mark> liệu &#60;script&#62;alert(1)&#60;/script&#62;',
    })
    expect(result.hits.find((hit) => hit.docId === '8')!.highlights.text).toBeUndefined()
  })

  it('highlights a match on the last page of a long file, found in a later part of its text', async () => {
    const pages = Array.from({ length: 150 }, (_, page) => `Trang ${page + 1}: bé học đếm, hát và vẽ tranh về quê hương. `.repeat(60))
    const text = `${pages.join('\n')} Cuối cùng là phần tổng kết chuyên đề.`
    const engine = await liveEngine([document('1', { text })])

    const [hit] = (await engine.search(query({ q: 'tong ket chuyen de' }))).hits

    expect(hit.highlights.text).toContain('<mark>tổng</mark> <mark>kết</mark> <mark>chuyên</mark> <mark>đề</mark>')
    expect(hit.highlights.text!.length).toBeLessThan(400)
  })

  it('does not find the end of a long text sent whole, which is why it is sent in parts', async () => {
    await liveEngine()
    const text = `${'bé '.repeat(70_000)}tổng kết`
    fake.indexes.get('truongso')!.documents.set('learning-materials-1', { ...document('1', { text }), toneWords: [] })

    expect((await engineFor().search(query({ q: 'tong ket' }))).total).toBe(0)
  })

  it('counts and pages the same with or without tone marks, up to maxTotalHits', async () => {
    const many = Array.from({ length: maxTotalHits + 5 }, (_, i) => document(String(i), { title: 'Bác sĩ' }))
    const engine = await liveEngine(many, { batchSize: 5000 })

    const plain = await engine.search(query({ limit: 50, page: 1, q: 'bac si' }))
    const toned = await engine.search(query({ limit: 50, page: 1, q: 'bác sĩ' }))
    const lastPage = await engine.search(query({ limit: 50, page: maxTotalHits / 50, q: 'bác sĩ' }))
    const past = await engine.search(query({ limit: 50, page: maxTotalHits / 50 + 1, q: 'bác sĩ' }))

    expect([plain.total, toned.total]).toEqual([maxTotalHits, maxTotalHits])
    expect(lastPage.hits).toHaveLength(50)
    expect(past.hits).toHaveLength(0)
    expect((await engine.search(query({ limit: 50, page: maxTotalHits / 50 + 1, q: 'bac si' }))).hits).toHaveLength(0)
  }, 120_000)

  it('counts every issuer, past the 100 values Meilisearch keeps by default, the most frequent first', async () => {
    const issuers = Array.from({ length: 150 }, (_, i) => `CQ${String(i).padStart(3, '0')}`)
    const engine = await liveEngine(issuers.map((issuer, i) => document(String(i), { facets: { issuer } })).concat(document('x', { facets: { issuer: 'CQ149' } })))

    const { facets } = await engine.search(query({ q: '' }))

    expect(Object.keys(facets.issuer!)).toHaveLength(150)
    expect(Object.entries(facets.issuer!)[0]).toEqual(['CQ149', 2])
  })

  it('runs a query typed with tones as a federated search that weighs exact-tone matches far above the rest', async () => {
    const engine = await liveEngine([document('1', { title: 'Bạc sỉ' }), document('2', { title: 'Bác sĩ' })])

    const result = await engine.search(query({ limit: 10, page: 1, q: 'Bác sĩ' }))

    expect(fake.requestsTo('POST', '/indexes/truongso/search')).toHaveLength(0)
    const body = fake.requestsTo('POST', '/multi-search')[0].body as {
      federation: Record<string, unknown>
      queries: { filter: string; federationOptions?: { weight: number }; indexUid: string; q: string }[]
    }
    expect(body.federation).toMatchObject({ limit: 10, offset: 0, facetsByIndex: { truongso: expect.arrayContaining(['collection', 'facets.type']) }, mergeFacets: { maxValuesPerFacet: 1000 } })
    const [exact, plain] = body.queries
    expect(exact).toMatchObject({ indexUid: 'truongso', q: 'Bác sĩ' })
    expect(exact.filter).toBe('(accessLevel IN ["public"]) AND toneWords = "bac.s" AND toneWords = "si.x"')
    expect(exact.federationOptions?.weight).toBeGreaterThanOrEqual(100)
    expect(plain).toMatchObject({ filter: '(accessLevel IN ["public"])', indexUid: 'truongso', q: 'Bác sĩ' })
    expect(plain.federationOptions).toBeUndefined()
    expect(result.hits.map((hit) => hit.docId)).toEqual(['2', '1'])
    expect(result.total).toBe(2)
  })

  it('spells a tone the same wherever it is placed and whichever Unicode form is typed', async () => {
    const engine = await liveEngine()
    await engine.search(query({ q: 'hòa thủy'.normalize('NFD') }))
    await engine.search(query({ q: 'hoà thuỷ' }))

    const filters = fake.requestsTo('POST', '/multi-search').map((request) => (request.body as { queries: { filter: string }[] }).queries[0].filter)
    expect(filters[0]).toBe('(accessLevel IN ["public"]) AND toneWords = "hoa.f" AND toneWords = "thuy.r"')
    expect(filters[1]).toBe(filters[0])
  })

  it('requires the tones of the words asked for, not of the words left out, and sends typographic quotes as plain ones', async () => {
    const engine = await liveEngine()
    await engine.search(query({ q: '“bác sĩ” -bạc' }))

    const [multi] = fake.requestsTo('POST', '/multi-search')
    const [exact] = (multi.body as { queries: { filter: string; q: string }[] }).queries
    expect(exact.q).toBe('"bác sĩ" -bạc')
    expect(exact.filter).toBe('(accessLevel IN ["public"]) AND toneWords = "bac.s" AND toneWords = "si.x"')
  })
})

describe('Meilisearch engine rebuild', () => {
  it('builds a temporary index, fills it, swaps it with the live one and deletes the old contents', async () => {
    fake.seedIndex('truongso', [document('old')])
    const progress: number[] = []

    const result = await engineFor({ batchSize: 2 }).replaceAll(
      batchesOf([document('1'), document('2'), document('3')], [document('4')]),
      (indexed) => progress.push(indexed),
    )

    expect(result).toEqual({ indexed: 4 })
    expect(progress).toEqual([3, 4])
    const [create] = fake.requestsTo('POST', '/indexes')
    const temporary = (create.body as { uid: string }).uid
    expect(temporary).toMatch(/^truongso_tmp_\d{13}_[0-9a-f]{6}$/)
    expect(create.body).toMatchObject({ primaryKey: 'id' })
    const writes = fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`)
    expect(writes).toEqual([
      'POST /indexes',
      `PATCH /indexes/${temporary}/settings`,
      `POST /indexes/${temporary}/documents`,
      `POST /indexes/${temporary}/documents`,
      `POST /indexes/${temporary}/documents`,
      'POST /swap-indexes',
      `DELETE /indexes/${temporary}`,
    ])
    expect(fake.requestsTo('POST', '/swap-indexes')[0].body).toEqual([{ indexes: ['truongso', temporary] }])
    expect([...fake.indexes.keys()]).toEqual(['truongso'])
    expect([...fake.indexes.get('truongso')!.documents.keys()]).toEqual(['learning-materials-1', 'learning-materials-2', 'learning-materials-3', 'learning-materials-4'])
  })

  it('rebuilds on a server older than 1.18, which refuses the `rename` field of swaps', async () => {
    await fake.close()
    fake = await startFakeMeilisearch({ version: '1.17.0' })
    fake.seedIndex('truongso', [document('old')])

    await expect(engineFor().replaceAll(batchesOf([document('1')]))).resolves.toEqual({ indexed: 1 })
    expect([...fake.indexes.get('truongso')!.documents.keys()]).toEqual(['learning-materials-1'])
  })

  it('names the indexes of two rebuilds started in the same millisecond apart', () => {
    const now = Date.now()
    expect(temporaryIndexUid('truongso', now)).not.toBe(temporaryIndexUid('truongso', now))
  })

  it('creates the live index on a first rebuild so there is something to swap with', async () => {
    await engineFor().replaceAll(batchesOf([document('1')]))

    const created = fake.requestsTo('POST', '/indexes').map((request) => (request.body as { uid: string }).uid)
    expect(created).toEqual([expect.stringMatching(/^truongso_tmp_/), 'truongso'])
    expect([...fake.indexes.get('truongso')!.documents.keys()]).toEqual(['learning-materials-1'])
  })

  it('keeps the live index and deletes the temporary one when a batch fails', async () => {
    fake.seedIndex('truongso', [document('old')])
    fake.failNextTask({ type: 'documentAdditionOrUpdate', code: 'internal' })

    await expect(engineFor().replaceAll(batchesOf([document('1')]))).rejects.toBeInstanceOf(MeilisearchTaskError)

    expect(fake.requestsTo('POST', '/swap-indexes')).toHaveLength(0)
    expect([...fake.indexes.keys()]).toEqual(['truongso'])
    expect([...fake.indexes.get('truongso')!.documents.keys()]).toEqual(['learning-materials-old'])
  })
})

describe('Meilisearch engine id listing', () => {
  it('pages through every document fetching only the id', async () => {
    const documents = Array.from({ length: 2345 }, (_, i) => document(String(i)))
    fake.seedIndex('truongso', documents)

    const ids = await engineFor().listIds()

    expect(ids).toEqual(documents.map((listed) => listed.id))
    const pages = fake.requestsTo('GET', '/indexes/truongso/documents')
    expect(pages.map((page) => [page.query.get('fields'), page.query.get('offset'), page.query.get('limit')])).toEqual([
      ['id', '0', '1000'],
      ['id', '1000', '1000'],
      ['id', '2000', '1000'],
    ])
  })

  it('lists nothing when the index does not exist yet', async () => {
    await expect(engineFor().listIds()).resolves.toEqual([])
  })
})

describe('Meilisearch tenant tokens', () => {
  const inHalfAnHour = () => new Date(Date.now() + 30 * 60 * 1000)
  const searchKeyOf = (fake: FakeMeilisearch) => fake.keys.find((key) => key.name === 'Default Search API Key')!
  const adminKeyOf = (fake: FakeMeilisearch) => fake.keys.find((key) => key.name === 'Default Admin API Key')!

  describe.each<[AccessLevel[]]>([[['public']], [['public', 'parents']], [['public', 'parents', 'staff']]])('for levels %j', (levels) => {
    it('pins the levels in the search rules of the index, signed by the search key, within the hour', async () => {
      const searchKey = searchKeyOf(fake)
      const expiresAt = inHalfAnHour()

      const token = await engineFor({ searchKey: searchKey.key }).tenantToken!(levels, expiresAt)

      expect(token).toMatchObject({ host: fake.url, indexUid: 'truongso', expiresAt: expiresAt.toISOString() })
      const [header, payload] = token.token.split('.').slice(0, 2).map(decodePart)
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
      expect(payload.apiKeyUid).toBe(searchKey.uid)
      expect(payload.searchRules).toEqual({ truongso: { filter: `accessLevel IN [${levels.map((level) => `"${level}"`).join(', ')}]` } })
      expect(payload.exp).toBe(Math.floor(expiresAt.getTime() / 1000))
      expect(Number(payload.exp) * 1000).toBeLessThanOrEqual(Date.now() + 60 * 60 * 1000)
      expect(signatureMatches(token.token, searchKey.key)).toBe(true)
      expect(signatureMatches(token.token, fake.masterKey)).toBe(false)
      expect(JSON.stringify(token)).not.toContain(fake.masterKey)
    })
  })

  it('finds a search-only key through the keys API when only the master key is given, never an admin key', async () => {
    const engine = engineFor()

    const first = await engine.tenantToken!(['public'], inHalfAnHour())
    const second = await engine.tenantToken!(['public'], inHalfAnHour())

    const payload = decodePart(first.token.split('.')[1])
    expect(payload.apiKeyUid).toBe(searchKeyOf(fake).uid)
    expect(signatureMatches(first.token, searchKeyOf(fake).key)).toBe(true)
    expect(signatureMatches(first.token, adminKeyOf(fake).key)).toBe(false)
    expect(signatureMatches(second.token, searchKeyOf(fake).key)).toBe(true)
    expect(fake.requestsTo('GET', '/keys')).toHaveLength(1)
    expect(fake.requestsTo('POST', '/keys')).toHaveLength(0)
  })

  it('creates a search-only key for the index when the server has none, once', async () => {
    await fake.close()
    fake = await startFakeMeilisearch({ defaultKeys: false })
    const engine = engineFor()

    const token = await engine.tenantToken!(['public', 'parents'], inHalfAnHour())
    await engine.tenantToken!(['public'], inHalfAnHour())

    expect(fake.requestsTo('POST', '/keys').map((request) => request.body)).toEqual([
      expect.objectContaining({ actions: ['search'], indexes: ['truongso'], expiresAt: null }),
    ])
    const [created] = fake.keys
    expect(decodePart(token.token.split('.')[1]).apiKeyUid).toBe(created.uid)
    expect(signatureMatches(token.token, created.key)).toBe(true)
  })

  it('signs with another key once the one it used is deleted, and the new token searches', async () => {
    await liveEngine([document('1')])
    const engine = engineFor({ signingKeyCheckMs: 0 })
    const first = await engine.tenantToken!(['public'], inHalfAnHour())
    const deleted = searchKeyOf(fake)
    fake.keys.splice(fake.keys.indexOf(deleted), 1)

    const second = await engine.tenantToken!(['public'], inHalfAnHour())

    const searchWith = (token: string) =>
      fetch(`${fake.url}/indexes/truongso/search`, { body: '{"q":""}', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, method: 'POST' })
    expect((await searchWith(first.token)).status).toBe(403)
    expect((await searchWith(second.token)).status).toBe(200)
    expect(decodePart(second.token.split('.')[1]).apiKeyUid).not.toBe(deleted.uid)
  })

  it('replaces a configured search key that expires before the token would', async () => {
    const soon = fake.addKey({ actions: ['search'], expiresAt: new Date(Date.now() + 10 * 60 * 1000).toISOString(), indexes: ['*'] })
    await expect(engineFor({ searchKey: soon.key }).tenantToken!(['public'], inHalfAnHour())).rejects.toBeInstanceOf(MeilisearchConfigError)
  })

  it('refuses a configured search key that can do more than search', async () => {
    await expect(engineFor({ searchKey: adminKeyOf(fake).key }).tenantToken!(['public'], inHalfAnHour())).rejects.toBeInstanceOf(
      MeilisearchConfigError,
    )
  })

  it.each<[string, AccessLevel[], () => Date]>([
    ['without levels', [], inHalfAnHour],
    ['for an unknown level', ['public', 'root' as AccessLevel], inHalfAnHour],
    ['living longer than an hour', ['public'], () => new Date(Date.now() + 61 * 60 * 1000)],
    ['already expired', ['public'], () => new Date(Date.now() - 1000)],
    ['with an invalid date', ['public'], () => new Date(Number.NaN)],
  ])('refuses a token %s before any request', async (_case, levels, expiresAt) => {
    await expect(engineFor().tenantToken!(levels, expiresAt())).rejects.toBeInstanceOf(MeilisearchRefusedError)
    expect(fake.requests).toHaveLength(0)
  })
})

describe('Meilisearch engine options', () => {
  it.each<[string, Partial<MeilisearchEngineOptions>]>([
    ['the admin key as search key', { searchKey: 'same', apiKey: 'same' }],
    ['an index uid Meilisearch would refuse', { indexUid: 'truong so' }],
    ['an index uid too long for its rebuild index to fit in 400 bytes', { indexUid: 'x'.repeat(376) }],
    ['a batch size of zero', { batchSize: 0 }],
    ['no host', { host: '' }],
  ])('refuses %s', (_case, options) => {
    expect(() => engineFor(options)).toThrow(MeilisearchConfigError)
  })

  it('accepts the longest index uid whose rebuild index fits, and rebuilds it', async () => {
    const indexUid = 'x'.repeat(375)
    await expect(engineFor({ indexUid }).replaceAll(batchesOf([document('1')]))).resolves.toEqual({ indexed: 1 })
    expect([...fake.indexes.keys()]).toEqual([indexUid])
  })
})
