import type { Payload } from 'payload'

import { isMongoUrl } from '../../src/database.js'
import { isValidIsbn } from '../../src/lib/isbn.js'
import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { withCheckDigit } from '../../src/seed/demo/isbn.js'
import { demoLibraryItems } from '../../src/seed/demo/library.js'
import { demoPdfs } from '../../src/seed/demo/pdfs.js'
import { seedDemo, type SeedDemoProgress, type SeedDemoResult } from '../../src/seed/seedDemo.js'
import { seedDemoIfEmpty } from '../../src/seed/seedDemoIfEmpty.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { driftOf, pendingSearchJobs } from '../search/support.js'

type Related = { relation: string; document: number | string | { id: number | string } }

const idOf = (value: Related['document']) => (typeof value === 'object' ? value.id : value)

describe('withCheckDigit', () => {
  it('completes twelve digits into a valid ISBN-13', () => {
    expect(withCheckDigit('978-604-2-21734')).toMatch(/^978-604-2-21734-\d$/)
    expect(isValidIsbn(withCheckDigit('978-604-2-21734'))).toBe(true)
    expect(withCheckDigit('978-0-306-40615')).toBe('978-0-306-40615-7')
  })

  it('gives every demo book a valid ISBN', () => {
    const isbns = demoLibraryItems.flatMap((item) => (item.isbn ? [item.isbn] : []))
    expect(isbns.length).toBeGreaterThan(10)
    for (const isbn of isbns) expect(isValidIsbn(isbn)).toBe(true)
  })
})

describe('the demo seed', () => {
  let payload: Payload
  let result: SeedDemoResult
  const progress: SeedDemoProgress[] = []

  beforeAll(async () => {
    payload = await bootPayload('seed')
    result = await seedDemo(payload, { onProgress: (step) => progress.push(step) })
  })

  afterAll(async () => {
    await shutdownPayload(payload)
  })

  it('fills every collection with enough content to show', () => {
    expect(result.counts['learning-materials']).toBeGreaterThanOrEqual(30)
    expect(result.counts['library-items']).toBeGreaterThanOrEqual(20)
    expect(result.counts.announcements).toBeGreaterThanOrEqual(10)
    expect(result.counts['regulatory-documents']).toBeGreaterThanOrEqual(8)
    expect(result.counts.users).toBe(demoAccounts.length)
  })

  it('reports each of its parts as it finishes, with what it made', () => {
    expect(progress.map((step) => step.stage).sort()).toEqual(
      ['accounts', 'announcements', 'documents', 'files', 'library', 'materials', 'profile', 'search'].sort(),
    )
    expect(progress.map((step) => step.done)).toEqual(progress.map((_, index) => index + 1))
    for (const step of progress) {
      expect(step.total).toBe(progress.length)
      expect(step.count).toBeGreaterThan(0)
      expect(step.elapsedMs).toBeGreaterThanOrEqual(step.ms)
    }
    const counted = Object.fromEntries(progress.map((step) => [step.stage, step.count]))
    expect(counted.accounts).toBe(result.counts.users)
    expect(counted.files).toBe(result.counts.media)
    expect(counted.materials).toBe(result.counts['learning-materials'])
    expect(progress.at(-1)?.stage).toBe('search')
  })

  it('leaves the search index complete, with no index job left to run', async () => {
    expect(await pendingSearchJobs(payload)).toBe(0)
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
  })

  it('leaves an embedded database syncing every commit to disk again, as the adapter set it', async () => {
    const db = payload.db as unknown as { name: string; client: { execute: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }> } }
    if (isMongoUrl(process.env.DATABASE_URL)) {
      // MongoDB's writes are not touched: there is nothing to put back.
      expect(db.name).toBe('mongoose')
    } else {
      const { rows } = await db.client.execute('PRAGMA synchronous')
      // 2 is FULL, what the adapter sets for a WAL database.
      expect(Object.values(rows[0] ?? {})).toEqual([2])
    }
  })

  it('reports every account with the demo password', () => {
    expect(result.accounts.map((account) => account.email)).toEqual(
      expect.arrayContaining([
        'admin@truongso.test',
        'totruong@truongso.test',
        'giaovien@truongso.test',
        'vanthu@truongso.test',
        'phuhuynh@truongso.test',
      ]),
    )
    for (const account of result.accounts) expect(account.password).toBe(demoPassword())
  })

  it.each(demoAccounts.map((account) => [account.email, account.roles] as const))(
    'lets %s sign in with the demo password and the roles %j',
    async (email, roles) => {
      const { user, token } = await payload.login({ collection: 'users', data: { email, password: demoPassword() } })
      expect(token).toBeTruthy()
      expect(user?.roles).toEqual(roles)
    },
  )

  it('links the school plan to the four documents it implements', async () => {
    const { docs } = await payload.find({
      collection: 'regulatory-documents',
      where: { documentNumber: { equals: '45/KH-MNPL' } },
      depth: 1,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const [plan] = docs
    expect(plan.issuingBody).toBe('Trường Mầm non Phục Lễ')
    expect(plan.signerTitle).toBe('Hiệu trưởng')
    const implemented = ((plan.relatedDocuments ?? []) as Related[])
      .filter((related) => related.relation === 'implements')
      .map((related) => idOf(related.document))
    const { docs: targets } = await payload.find({
      collection: 'regulatory-documents',
      where: { id: { in: implemented } },
      overrideAccess: true,
      depth: 0,
    })
    expect(targets.map((target) => target.documentNumber).sort()).toEqual(
      ['227/KH-UBND', '29/KH-UBND', '46/KH-UBND', '554/SGDĐT-VP'].sort(),
    )
    expect(targets.find((target) => target.documentNumber === '227/KH-UBND')?.issueDate).toMatch(/^2020-09-21/)
  })

  it('shows a replaced circular as replaced', async () => {
    const { docs } = await payload.find({
      collection: 'regulatory-documents',
      where: { documentNumber: { equals: '36/2017/TT-BGDĐT' } },
      overrideAccess: true,
    })
    expect(docs[0]?.validityStatus).toBe('replaced')
  })

  it('has one pinned, one expired and one scheduled announcement', async () => {
    const now = new Date().toISOString()
    const { docs } = await payload.find({
      collection: 'announcements',
      where: { _status: { equals: 'published' } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    expect(docs.filter((doc) => doc.pinned)).toHaveLength(1)
    expect(docs.filter((doc) => typeof doc.expiresAt === 'string' && doc.expiresAt < now)).toHaveLength(1)
    expect(docs.filter((doc) => typeof doc.publishedAt === 'string' && doc.publishedAt > now)).toHaveLength(1)
    expect(docs.some((doc) => doc.accessLevel === 'parents')).toBe(true)
  })

  it('keeps the scheduled and the expired announcements out of an anonymous reader’s list', async () => {
    const { docs } = await payload.find({ collection: 'announcements', overrideAccess: false, limit: 0, pagination: false })
    const now = new Date().toISOString()
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      expect(doc.accessLevel).toBe('public')
      expect(String(doc.publishedAt) <= now).toBe(true)
    }
  })

  it('leaves materials at every stage of review', async () => {
    const count = async (where: object) =>
      (await payload.count({ collection: 'learning-materials', where: where as never, overrideAccess: true })).totalDocs
    expect(await count({ reviewStatus: { equals: 'draft' } })).toBeGreaterThan(0)
    expect(await count({ and: [{ reviewStatus: { equals: 'submitted' } }, { _status: { equals: 'draft' } }] })).toBeGreaterThan(0)
    expect(await count({ _status: { equals: 'published' } })).toBeGreaterThan(20)
  })

  it('records the teacher as author and the reviewer as publisher', async () => {
    const { docs } = await payload.find({
      collection: 'learning-materials',
      where: { title: { equals: 'Giáo án khám phá: Trường mầm non của bé' } },
      depth: 0,
      overrideAccess: true,
    })
    const [teacher] = (await payload.find({ collection: 'users', where: { email: { equals: 'giaovien@truongso.test' } }, overrideAccess: true })).docs
    const [reviewer] = (await payload.find({ collection: 'users', where: { email: { equals: 'totruong@truongso.test' } }, overrideAccess: true })).docs
    expect(docs[0]?.author).toBe(teacher.id)
    expect(docs[0]?.reviewedBy).toBe(reviewer.id)
    expect(docs[0]?.reviewStatus).toBe('approved')
    expect(docs[0]?._status).toBe('published')
  })

  it('translates some titles into English', async () => {
    const { docs } = await payload.find({
      collection: 'regulatory-documents',
      where: { documentNumber: { equals: '45/KH-MNPL' } },
      locale: 'en',
      overrideAccess: true,
    })
    expect(docs[0]?.title).toMatch(/^Plan for carrying out the digital transformation/)
  })

  it('stores the PDFs as application/pdf and the drawings as images', async () => {
    const { docs } = await payload.find({ collection: 'media', limit: 0, pagination: false, overrideAccess: true, depth: 0 })
    const pdfs = docs.filter((doc) => String(doc.filename).endsWith('.pdf'))
    const images = docs.filter((doc) => String(doc.filename).endsWith('.jpg'))
    expect(pdfs.length).toBeGreaterThan(5)
    expect(images.length).toBeGreaterThan(5)
    for (const pdf of pdfs) expect(pdf.mimeType).toBe('application/pdf')
    for (const image of images) {
      expect(image.mimeType).toBe('image/jpeg')
      expect(Number(image.width)).toBeLessThanOrEqual(1600)
    }
  })

  it('uploads each PDF of the catalogue once, and no other', async () => {
    const { docs } = await payload.find({
      collection: 'media',
      where: { mimeType: { equals: 'application/pdf' } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    expect(docs.map((doc) => doc.filename).sort()).toEqual(demoPdfs(new Date()).map((pdf) => pdf.name).sort())
  })

  it('attaches the plan’s PDF to the plan', async () => {
    const { docs } = await payload.find({
      collection: 'regulatory-documents',
      where: { documentNumber: { equals: '45/KH-MNPL' } },
      depth: 1,
      overrideAccess: true,
    })
    const file = docs[0]?.file as { mimeType?: string; filesize?: number } | undefined
    expect(file?.mimeType).toBe('application/pdf')
    expect(file?.filesize).toBeGreaterThan(10_000)
  })

  it('is not loaded again into a database that has accounts', async () => {
    const before = await payload.count({ collection: 'learning-materials', overrideAccess: true })
    await seedDemoIfEmpty(payload)
    const after = await payload.count({ collection: 'learning-materials', overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('is never loaded into a database given by DATABASE_URL', async () => {
    const saved = process.env.DATABASE_URL
    process.env.DATABASE_URL = 'file:/somewhere/real.db'
    const untouchable = new Proxy({} as Payload, {
      get: (_, property) => {
        throw new Error(`seedDemoIfEmpty used payload.${String(property)}`)
      },
    })
    try {
      await expect(seedDemoIfEmpty(untouchable)).resolves.toBeUndefined()
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = saved
    }
  })

  it('fills the school profile', async () => {
    const profile = await payload.findGlobal({ slug: 'school-profile', overrideAccess: true })
    expect(profile.name).toBe('Trường Mầm non Phục Lễ')
    expect(String(profile.address)).toContain('Thủy Nguyên')
    expect((profile.staff as unknown[]).length).toBeGreaterThan(3)
    const english = await payload.findGlobal({ slug: 'school-profile', locale: 'en', overrideAccess: true })
    expect(english.name).toBe('Phục Lễ Kindergarten')
    expect((english.facilities as Array<{ quantity?: number }>)[0]?.quantity).toBe(14)
  })
})
