/**
 * The Meilisearch engine end to end, unchanged on the fake and, when `MEILI_HOST` and
 * `MEILI_MASTER_KEY` name one (the GitHub workflow), on a real server: Vietnamese matching, exact
 * tones, abbreviations, levels, facets, highlights, tenant tokens, rebuilds, set-up and key
 * checks. Each run uses indexes and keys of its own and removes them afterwards.
 */
import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/plugins/search/engines/types.js'

import { createMeilisearchEngine, type MeilisearchEngineOptions } from '../../src/plugins/search/engines/meilisearch/index.js'
import { indexSettings, settingsToUpdate } from '../../src/plugins/search/engines/meilisearch/settings.js'
import { maxTotalHits } from '../../src/plugins/search/engines/types.js'
import { startTarget, type Target, targetNames } from './meilisearch-conformance/target.js'

const document = (docId: string, fields: Partial<SearchDocument>): SearchDocument => ({
  accessLevel: 'public',
  collection: 'learning-materials',
  docId,
  facets: { type: 'worksheet' },
  id: `learning-materials-${docId}`,
  title: docId,
  url: `/hoc-lieu/${docId}`,
  ...fields,
})

const documents: SearchDocument[] = [
  document('hoc-lieu', { title: 'Học liệu cho bé tập đếm', summary: 'Bộ thẻ số cho trẻ mầm non', publishedAt: '2024-09-01' }),
  document('dao-tao', { title: 'Đào tạo giáo viên mới', facets: { type: 'guide' }, publishedAt: '2024-10-01' }),
  document('bac-si', { title: 'Bé làm bác sĩ', text: 'Trò chơi đóng vai bác sĩ khám bệnh.' }),
  document('bac-tien', { title: 'Đồng xu bạc và bạc lẻ', text: 'Bạc là kim loại quý.' }),
  document('ke-hoach', {
    accessLevel: 'staff',
    collection: 'regulatory-documents',
    documentNumber: '227/KH-UBND',
    facets: { documentType: 'KH', issuer: 'UBND' },
    id: 'regulatory-documents-ke-hoach',
    title: 'Kế hoạch năm học',
  }),
]

const query = (q: string, fields: Partial<SearchQuery> = {}): SearchQuery => ({
  filters: {},
  levels: ['public', 'parents', 'staff', 'leadership'],
  limit: 10,
  page: 1,
  q,
  ...fields,
})

async function* once(batch: SearchDocument[]): AsyncIterable<SearchDocument[]> {
  yield batch
}

describe.each(targetNames())('the Meilisearch engine on the %s', (name) => {
  let target: Target
  let engine: SearchEngine
  let indexUid: string
  const engineFor = (options: Partial<MeilisearchEngineOptions> = {}) =>
    createMeilisearchEngine({ apiKey: target.masterKey, host: target.url, indexUid, taskPollIntervalMs: 5, ...options })
  const ids = async (q: string, fields?: Partial<SearchQuery>) => (await engine.search(query(q, fields))).hits.map((hit) => hit.docId)

  beforeAll(async () => {
    target = await startTarget(name)
    indexUid = target.newIndexUid()
    engine = engineFor()
    await (await engine.setup()).settled
    await engine.upsert(documents)
  })

  afterAll(async () => {
    await target.cleanUp()
    await target.close()
  })

  it('holds the settings as code after setup, so a second setup changes nothing', async () => {
    const report = await engine.setup()
    expect(report.pending).toBeUndefined()
    expect(settingsToUpdate((await target.call({ method: 'GET', path: `/indexes/${indexUid}/settings` })).body, indexSettings())).toEqual([])
  })

  it('sets up one index when two servers start together against none', async () => {
    const fresh = target.newIndexUid()
    const reports = await Promise.all([engineFor({ indexUid: fresh }).setup(), engineFor({ indexUid: fresh }).setup()])
    await Promise.all(reports.map((report) => report.settled))
    const { body } = await target.call({ method: 'GET', path: `/indexes/${fresh}/settings` })
    expect(settingsToUpdate(body, indexSettings())).toEqual([])
  })

  it('finds Vietnamese words typed without marks, with marks and in NFD', async () => {
    expect(await ids('hoc lieu')).toContain('hoc-lieu')
    expect(await ids('dao tao')).toContain('dao-tao')
    expect(await ids('học liệu'.normalize('NFD'))).toContain('hoc-lieu')
  })

  it('ranks exact-tone matches first for a query typed with tones', async () => {
    expect((await ids('bác'))[0]).toBe('bac-si')
    expect((await ids('bạc'))[0]).toBe('bac-tien')
    expect(await ids('bac')).toEqual(expect.arrayContaining(['bac-si', 'bac-tien']))
  })

  it('expands school abbreviations', async () => {
    expect(await ids('MN')).toContain('hoc-lieu')
    expect(await ids('GV')).toContain('dao-tao')
    expect(await ids('kế hoạch UBND')).toContain('ke-hoach')
  })

  it('reads quoted phrases and words left out as the embedded engine does', async () => {
    expect(await ids('"bác sĩ"')).toEqual(['bac-si'])
    expect(await ids('"sĩ bác"')).toEqual([])
    expect((await ids('bé -bác')).sort()).toEqual(['hoc-lieu'])
  })

  it('keeps to the reader levels, counts facets and highlights in the original spelling', async () => {
    const result = await engine.search(query('', { levels: ['public'] }))
    expect(result.hits.map((hit) => hit.docId)).not.toContain('ke-hoach')
    expect(result.total).toBe(4)
    expect(result.facets.type).toEqual({ guide: 1, worksheet: 3 })

    const [hit] = (await engine.search(query('hoc lieu', { levels: ['public'] }))).hits
    expect(hit.highlights.title).toBe('<mark>Học</mark> <mark>liệu</mark> cho bé tập đếm')
  })

  it('highlights the body text where it matches', async () => {
    const [hit] = (await engine.search(query('kham benh'))).hits
    expect(hit.docId).toBe('bac-si')
    expect(hit.highlights.text).toBe('Trò chơi đóng vai bác sĩ <mark>khám</mark> <mark>bệnh</mark>.')
  })

  it('finds and highlights the last page of a long file, kept in a later part of its text', async () => {
    const pages = Array.from({ length: 150 }, (_, page) => `Trang ${page + 1}: bé học đếm, hát và vẽ tranh về quê hương. `.repeat(60))
    await engine.upsert([document('ke-hoach-dai', { text: `${pages.join('\n')} Cuối cùng là phần tổng kết chuyên đề.` })])

    const [hit] = (await engine.search(query('tong ket chuyen de'))).hits

    expect(hit.docId).toBe('ke-hoach-dai')
    expect(hit.highlights.text).toContain('<mark>tổng</mark> <mark>kết</mark> <mark>chuyên</mark> <mark>đề</mark>')
    await engine.remove(['learning-materials-ke-hoach-dai'])
  })

  it('finds a document by its number', async () => {
    expect((await ids('227/KH-UBND'))[0]).toBe('ke-hoach')
  })

  it('counts and pages the same with or without tone marks, up to maxTotalHits', async () => {
    const many = createMeilisearchEngine({ apiKey: target.masterKey, batchSize: 5000, host: target.url, indexUid: target.newIndexUid(), taskPollIntervalMs: 5 })
    await (await many.setup()).settled
    await many.upsert(Array.from({ length: maxTotalHits + 5 }, (_, i) => document(String(i), { title: 'Bác sĩ nhí' })))
    const page = (q: string, number: number) => many.search({ ...query(q), limit: 50, page: number })

    expect([(await page('bac si', 1)).total, (await page('bác sĩ', 1)).total]).toEqual([maxTotalHits, maxTotalHits])
    expect((await page('bác sĩ', maxTotalHits / 50)).hits).toHaveLength(50)
    expect((await page('bác sĩ', maxTotalHits / 50 + 1)).hits).toHaveLength(0)
    expect((await page('bac si', maxTotalHits / 50 + 1)).hits).toHaveLength(0)
  }, 180_000)

  it('issues tenant tokens that can only search within their levels', async () => {
    const token = await engine.tenantToken!(['public'], new Date(Date.now() + 10 * 60 * 1000))
    const searchWith = async (body: unknown) =>
      (await target.call({ as: { bearer: token.token }, body, method: 'POST', path: `/indexes/${token.indexUid}/search` })).body as { hits: { docId: string }[] }

    const all = await searchWith({ q: '' })
    expect(all.hits.map((hit) => hit.docId).sort()).toEqual(['bac-si', 'bac-tien', 'dao-tao', 'hoc-lieu'])
    expect((await searchWith({ filter: 'accessLevel = "staff" OR accessLevel = "public"', q: '' })).hits.map((hit) => hit.docId)).not.toContain('ke-hoach')
  })

  it('names what a restricted key lacks, reading the key when it may, trying requests when it may not', async () => {
    const restricted = async (actions: string[], indexes: string[]) =>
      (await target.call({ body: { actions, expiresAt: null, indexes }, method: 'POST', path: '/keys' })).body.key as string
    const reader = await restricted(['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.*', 'keys.get'], [indexUid])
    const blind = await restricted(['search', 'documents.add', 'documents.get', 'indexes.get', 'settings.get', 'tasks.get'], [indexUid])

    expect((await engineFor({ apiKey: reader }).setup()).missing).toEqual([
      `indexes.get, indexes.create, settings.get, settings.update, documents.add, tasks.get, indexes.delete, indexes.swap on ${indexUid}_tmp_* (rebuilds)`,
      'keys.create (tenant tokens: creating a search key when none exists (or set MEILI_SEARCH_KEY))',
    ])
    expect((await engineFor({ apiKey: blind }).setup()).missing).toEqual([
      'keys.get (tenant tokens, and checking this key)',
      `documents.delete, settings.update on ${indexUid}; indexes.create, indexes.swap, keys.create; indexes.get, settings.update, documents.add on ${indexUid}_tmp_* (checked by trying)`,
    ])
  })

  it('removes documents and lists the ids that remain', async () => {
    await engine.remove(['learning-materials-bac-tien'])
    expect((await engine.listIds()).sort()).toEqual(
      ['learning-materials-bac-si', 'learning-materials-dao-tao', 'learning-materials-hoc-lieu', 'regulatory-documents-ke-hoach'],
    )
  })

  it('rebuilds the index behind a swap and leaves no temporary index behind', async () => {
    const result = await engine.replaceAll(once(documents.slice(0, 2)))

    expect(result).toEqual({ indexed: 2 })
    expect((await engine.listIds()).sort()).toEqual(['learning-materials-dao-tao', 'learning-materials-hoc-lieu'])
    expect(await ids('hoc lieu')).toEqual(['hoc-lieu'])
    const { body } = await target.call({ method: 'GET', path: '/indexes?limit=1000' })
    expect((body.results as { uid: string }[]).filter((index) => index.uid.startsWith(`${indexUid}_tmp_`))).toEqual([])
  })
})
