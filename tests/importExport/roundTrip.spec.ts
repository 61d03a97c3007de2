/**
 * Export and import of whole collections, for administrators: what is exported from one database
 * and imported into another, empty one, is the same documents (ids, both languages, drafts,
 * links between documents), from JSON and from CSV; exports never show what access hides.
 */
import type { Payload } from 'payload'

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { User } from '../../src/payload-types.js'

import { type Actor, actors, importExportOutcome, roleOf } from '../access/matrix.js'
import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { userEnvironment } from '../helpers/server.js'
import { administrator, createContent, exportedSlugs } from './roundTripContent.js'

type Exported = { collection: string; locales: string[]; docs: Array<Record<string, unknown>> }

let payload: Payload
let folder: string
let adminToken: string
const tokens = new Map<Actor, string>()

const exported = async (slug: string, format: 'csv' | 'json', token: string | undefined) => rest(payload, `/${slug}/export?format=${format}`, { token })

/**
 * A document as compared across databases: `updatedAt` is the time of the import's own write; its
 * review (state, dates, reviewer, history) comes back as it was exported.
 */
const comparable = (doc: Record<string, unknown>) => {
  const { updatedAt: _written, ...rest } = doc
  return rest
}

/** Imports the exported files into a fresh database in another process, and reads what it then exports. */
const importElsewhere = (format: 'csv' | 'json') => {
  execFileSync('npx', ['tsx', path.join(import.meta.dirname, 'importInto.ts'), folder, format], {
    // A user's environment (nothing of jest's), with a MongoDB database of its own when the suite runs on MongoDB.
    env: userEnvironment({ NODE_OPTIONS: '--conditions=development', PAYLOAD_SECRET: process.env.PAYLOAD_SECRET }) as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  })
  return JSON.parse(readFileSync(path.join(folder, `outcome-${format}.json`), 'utf8')) as Record<string, { status: number; lines: Array<Record<string, unknown>> }>
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'truongso-roundtrip-'))
  payload = await bootPayload('export')
  const admin = (await payload.create({ collection: 'users', data: administrator, overrideAccess: true })) as User
  adminToken = await tokenFor(payload, administrator.email, administrator.password)
  await createContent(payload, admin)
  for (const actor of actors) {
    if (actor === 'anonymous') continue
    const email = `${actor.toLowerCase()}@xuat.test`
    await payload.create({ collection: 'users', data: { email, password: 'mat-khau-xuat-nhap', name: actor, roles: [roleOf[actor]] }, overrideAccess: true })
    tokens.set(actor, await tokenFor(payload, email, 'mat-khau-xuat-nhap'))
  }
  for (const slug of exportedSlugs) {
    for (const format of ['json', 'csv'] as const) writeFileSync(path.join(folder, `${slug}.${format}`), Buffer.from(await (await exported(slug, format, adminToken)).arrayBuffer()))
  }
}, 240_000)

afterAll(async () => {
  if (payload) await shutdownPayload(payload)
})

describe('an export', () => {
  it('carries every document once, in every locale, drafts as their latest draft', async () => {
    const materials = JSON.parse(readFileSync(path.join(folder, 'learning-materials.json'), 'utf8')) as Exported
    expect(materials.locales).toEqual(['vi', 'en'])
    expect(materials.docs.map((doc) => [doc.title, doc._status])).toEqual([
      [{ vi: 'Bé tập đếm đến 5', en: 'Counting to five' }, 'published'],
      [{ vi: 'Bài hát "Cả nhà thương nhau"' }, 'draft'],
      [{ vi: '=Trò chơi, ghép hình' }, 'published'],
      [{ vi: 'Giáo án được duyệt lại' }, 'published'],
    ])
    const reviewed = materials.docs.at(-1) as { reviewHistory: Array<{ action: string; note: null | string }> }
    expect(reviewed.reviewHistory.map(({ action, note }) => [action, note])).toEqual([
      ['submitted', null],
      ['changes-requested', 'Thêm mục tiêu, cô nhé.'],
      ['submitted', null],
      ['approved', null],
    ])
  })

  it('writes CSV for spreadsheets: a byte-order mark, a column per locale, formulas as text', () => {
    const csv = readFileSync(path.join(folder, 'learning-materials.csv'), 'utf8')
    expect(csv.startsWith('\uFEFFid,createdAt,updatedAt,_status,title.vi,title.en,')).toBe(true)
    expect(csv).toContain(`"'=Trò chơi, ghép hình"`)
  })

  it('never carries password hashes, salts or e-mail addresses', () => {
    for (const slug of exportedSlugs) {
      for (const format of ['json', 'csv']) expect(readFileSync(path.join(folder, `${slug}.${format}`), 'utf8')).not.toMatch(/hash|salt|@truongso\.test/)
    }
  })
})

describe.each(['json', 'csv'] as const)('a round trip through %s', (format) => {
  let outcomes: ReturnType<typeof importElsewhere>

  beforeAll(() => {
    outcomes = importElsewhere(format)
  }, 300_000)

  it.each(exportedSlugs.map((slug) => [slug]))('recreates every document of %s in an empty database, the same', (slug) => {
    expect(outcomes[slug]!.status).toBe(201)
    expect(outcomes[slug]!.lines.at(-1)).toMatchObject({ done: true, errors: [] })
    const before = (JSON.parse(readFileSync(path.join(folder, `${slug}.json`), 'utf8')) as Exported).docs.map(comparable)
    const after = (JSON.parse(readFileSync(path.join(folder, `after-${format}-${slug}.json`), 'utf8')) as Exported).docs.map(comparable)
    expect(after).toEqual(before)
  })
})

describe('an import', () => {
  const send = (slug: string, file: string, query = '', token = adminToken) => {
    const body = new FormData()
    body.append('file', new Blob([readFileSync(path.join(folder, file))], { type: 'application/json' }), file)
    return rest(payload, `/${slug}/import${query}`, { method: 'POST', body, token })
  }

  it('refuses, in a dry run and for real, documents whose ids the database holds already, and writes nothing', async () => {
    const before = (await payload.count({ collection: 'library-items' })).totalDocs
    const dry = (await (await send('library-items', 'library-items.json', '?dryRun=true')).json()) as { errors: Array<{ message: string }> }
    expect(dry.errors).toHaveLength(3)
    expect(dry.errors[0]!.message).toMatch(/^Mã \d+ đã có trong cơ sở dữ liệu này/)
    expect((await send('library-items', 'library-items.json')).status).toBe(422)
    expect((await payload.count({ collection: 'library-items' })).totalDocs).toBe(before)
  })

  it('undoes what it created when a later document fails the collection’s validation', async () => {
    const before = (await payload.count({ collection: 'library-items', trash: true })).totalDocs
    const docs = [
      { id: 501, title: { vi: 'Sách mới' }, itemType: 'book', accessLevel: 'public', _status: 'published' },
      { id: 502, title: { vi: 'Loại lạ' }, itemType: 'bang-da', accessLevel: 'public', _status: 'published' },
    ]
    writeFileSync(path.join(folder, 'invalid.json'), JSON.stringify({ docs }))
    const response = await send('library-items', 'invalid.json')
    expect(response.status).toBe(201)
    const outcome = JSON.parse((await response.text()).trim().split('\n').at(-1)!) as { imported: number; message: string }
    expect(outcome.imported).toBe(0)
    expect(outcome.message).toMatch(/^Không nhập được tài liệu thứ 2: .*Loại tài liệu.*Chưa nhập gì\./)
    expect((await payload.count({ collection: 'library-items', trash: true })).totalDocs).toBe(before)
  })

  it('gives an id only to what an import creates: elsewhere the id sent is ignored', async () => {
    const response = await rest(payload, '/library-items', { method: 'POST', token: adminToken, body: { id: 9000, title: 'Chọn mã', itemType: 'book', accessLevel: 'public' } })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { id: number } }
    expect(doc.id).not.toBe(9000)
    const copy = await rest(payload, `/library-items/${doc.id}/duplicate`, { method: 'POST', token: adminToken, body: {} })
    expect(copy.status).toBe(200)
    expect(((await copy.json()) as { doc: { id: number } }).doc.id).not.toBe(doc.id)
  })
})

describe.each(actors.map((actor) => [actor]))('%s', (actor) => {
  const statusOf = { allowed: 200, forbidden: 403, unauthenticated: 401 } as const

  it('may export a collection as the access table says', async () => {
    expect((await exported('announcements', 'csv', tokens.get(actor))).status).toBe(statusOf[importExportOutcome('export a collection', actor)])
  })

  it('may import a collection as the access table says', async () => {
    const body = new FormData()
    body.append('file', new Blob(['[]'], { type: 'application/json' }), 'empty.json')
    const response = await rest(payload, '/announcements/import?dryRun=true', { method: 'POST', body, token: tokens.get(actor) })
    expect(response.status).toBe(statusOf[importExportOutcome('import a collection', actor)])
  })
})
