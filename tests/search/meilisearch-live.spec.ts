/**
 * Smoke test of the Meilisearch engine against a real server: set MEILI_HOST (and MEILI_MASTER_KEY
 * or MEILI_API_KEY, optionally MEILI_SEARCH_KEY) to run it. Each run uses its own index and deletes
 * it afterwards.
 */
import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/plugins/search/engines/types.js'

import { createMeilisearchEngine } from '../../src/plugins/search/engines/meilisearch/index.js'
import { indexSettings, settingsToUpdate } from '../../src/plugins/search/engines/meilisearch/settings.js'

const describeLive = process.env.MEILI_HOST ? describe : describe.skip

const host = (process.env.MEILI_HOST ?? '').replace(/\/+$/, '')
const apiKey = process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY ?? ''
const indexUid = `truongso_live_${Date.now()}`

const admin = async (method: string, path: string, body?: unknown): Promise<any> => {
  const response = await fetch(`${host}${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    method,
  })
  const text = await response.text()
  return text ? JSON.parse(text) : undefined
}

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

describeLive('Meilisearch engine against a real server', () => {
  let engine: SearchEngine
  const ids = async (q: string, fields?: Partial<SearchQuery>) => (await engine.search(query(q, fields))).hits.map((hit) => hit.docId)

  beforeAll(async () => {
    engine = createMeilisearchEngine({
      apiKey,
      host,
      indexUid,
      searchKey: process.env.MEILI_SEARCH_KEY,
      taskPollIntervalMs: 20,
    })
    await engine.setup()
    await engine.upsert(documents)
  })

  afterAll(async () => {
    if (host) await admin('DELETE', `/indexes/${indexUid}`)
  })

  it('holds the settings as code after setup, so a second setup changes nothing', async () => {
    await engine.setup()
    expect(settingsToUpdate(await admin('GET', `/indexes/${indexUid}/settings`), indexSettings())).toEqual([])
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

  it('keeps to the reader levels, counts facets and highlights in the original spelling', async () => {
    const result = await engine.search(query('', { levels: ['public'] }))
    expect(result.hits.map((hit) => hit.docId)).not.toContain('ke-hoach')
    expect(result.total).toBe(4)
    expect(result.facets.type).toEqual({ guide: 1, worksheet: 3 })

    const [hit] = (await engine.search(query('hoc lieu', { levels: ['public'] }))).hits
    expect(hit.highlights.title).toBe('<mark>Học</mark> <mark>liệu</mark> cho bé tập đếm')
  })

  it('finds a document by its number', async () => {
    expect((await ids('227/KH-UBND'))[0]).toBe('ke-hoach')
  })

  it('issues tenant tokens that can only search within their levels', async () => {
    const token = await engine.tenantToken!(['public'], new Date(Date.now() + 10 * 60 * 1000))
    const searchWith = async (body: unknown) => {
      const response = await fetch(`${host}/indexes/${token.indexUid}/search`, {
        body: JSON.stringify(body),
        headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
        method: 'POST',
      })
      return (await response.json()) as { hits: { docId: string }[] }
    }

    const all = await searchWith({ q: '' })
    expect(all.hits.map((hit) => hit.docId).sort()).toEqual(['bac-si', 'bac-tien', 'dao-tao', 'hoc-lieu'])
    expect((await searchWith({ q: '', filter: 'accessLevel = "staff" OR accessLevel = "public"' })).hits.map((hit) => hit.docId)).not.toContain('ke-hoach')
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
    const { results } = await admin('GET', '/indexes?limit=1000')
    expect((results as { uid: string }[]).filter((index) => index.uid.startsWith(`${indexUid}_tmp_`))).toEqual([])
  })
})
