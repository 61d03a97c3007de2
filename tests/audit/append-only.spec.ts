/**
 * The audit log is append-only on every surface: nobody — an administrator included, server code
 * with `overrideAccess` included — creates, changes or deletes an entry through REST, GraphQL or
 * the Local API. Administrators alone read it, filter it and export it as CSV; a job prunes
 * what is older than the retention.
 */
import type { Payload } from 'payload'

import { pruneAuditLog, pruneAuditLogTaskSlug, auditRetentionDays } from '../../src/collections/AuditLog/jobs/pruneAuditLog.js'
import { recordSystemAudit } from '../../src/collections/AuditLog/record.js'
import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Person, type School } from '../leaks/school.js'

type Entry = { action: string; at: string; detail?: unknown; documentTitle?: null | string; id: number | string; userName: string }

let payload: Payload
let school: School
let entry: Entry

const day = 24 * 60 * 60 * 1000

const storedEntries = async (): Promise<Entry[]> =>
  (await payload.find({ collection: 'audit-log', depth: 0, limit: 100, overrideAccess: true, pagination: false, sort: 'at' })).docs as unknown as Entry[]

const snapshot = async () => JSON.stringify(await storedEntries())

beforeAll(async () => {
  payload = await bootPayload('audit-append-only')
  payload.logger.level = 'fatal'
  school = await enrolSchool(payload)
  await recordSystemAudit(payload, { action: 'backup', detail: { archive: 'truongso-2027-01-05.tar' } })
  entry = (await storedEntries()).find((each) => each.action === 'backup')!
})
afterAll(async () => shutdownPayload(payload))

describe('nobody writes the log', () => {
  const forged = { action: 'login', at: new Date().toISOString(), userName: 'Kẻ giả mạo' }
  const writers: Person[] = ['admin', 'staff', 'parent']

  describe.each(writers)('as %s', (person) => {
    const token = () => school[person].token

    it.each([
      ['creates an entry with POST', () => rest(payload, '/audit-log', { method: 'POST', body: forged, token: token() })],
      ['edits an entry with PATCH', () => rest(payload, `/audit-log/${entry.id}`, { method: 'PATCH', body: { userName: 'Kẻ giả mạo' }, token: token() })],
      ['edits every entry with a bulk PATCH', () => rest(payload, '/audit-log?where[id][exists]=true', { method: 'PATCH', body: { userName: 'Kẻ giả mạo' }, token: token() })],
      ['deletes an entry with DELETE', () => rest(payload, `/audit-log/${entry.id}`, { method: 'DELETE', token: token() })],
      ['deletes every entry with a bulk DELETE', () => rest(payload, '/audit-log?where[id][exists]=true', { method: 'DELETE', token: token() })],
      ['copies an entry with duplicate', () => rest(payload, `/audit-log/${entry.id}/duplicate`, { method: 'POST', body: {}, token: token() })],
    ])('REST refuses when she %s, and the log stays as it was', async (_name, call) => {
      const before = await snapshot()
      const response = await call()
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(await snapshot()).toBe(before)
    })

    it.each([
      ['createAuditLogEntry', `mutation { createAuditLogEntry(data: { action: login, at: "2027-01-01T00:00:00.000Z", userName: "x" }) { id } }`],
      ['updateAuditLogEntry', `mutation { updateAuditLogEntry(id: ID, data: { userName: "x" }) { id } }`],
      ['deleteAuditLogEntry', 'mutation { deleteAuditLogEntry(id: ID) { id } }'],
    ])('GraphQL has no %s mutation, and the log stays as it was', async (_name, mutation) => {
      const before = await snapshot()
      const answer = await graphql(payload, mutation.replace('ID', JSON.stringify(entry.id)), { token: token() })
      expect(answer.data).toBeUndefined()
      expect(answer.errors?.[0]?.message).toMatch(/Cannot query field/)
      expect(await snapshot()).toBe(before)
    })
  })

  it.each([
    ['acting as the admin', { overrideAccess: false, user: () => school.admin.user }],
    ['as server code with overrideAccess', { overrideAccess: true, user: () => undefined }],
  ] as const)('the Local API refuses every write %s', async (_name, { overrideAccess, user }) => {
    const before = await snapshot()
    const asCaller = { overrideAccess, user: user() }
    await expect(payload.create({ collection: 'audit-log', data: forged as never, ...asCaller })).rejects.toMatchObject({ status: 403 })
    await expect(payload.update({ collection: 'audit-log', id: entry.id, data: { userName: 'x' }, ...asCaller })).rejects.toMatchObject({ status: 403 })
    await expect(payload.update({ collection: 'audit-log', where: { id: { exists: true } }, data: { userName: 'x' }, ...asCaller })).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'audit-log', id: entry.id, ...asCaller })).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'audit-log', where: { id: { exists: true } }, ...asCaller })).rejects.toMatchObject({ status: 403 })
    expect(await snapshot()).toBe(before)
  })

  it('the refusal says why, in Vietnamese', async () => {
    const response = await rest(payload, `/audit-log/${entry.id}`, { method: 'DELETE', token: school.admin.token })
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0].message).toContain('nhật ký hoạt động')
  })
})

describe('reading the log', () => {
  it.each(['reviewer', 'teacher', 'staff', 'parent'] as const)('%s cannot read it on REST or GraphQL', async (person) => {
    expect((await rest(payload, '/audit-log', { token: school[person].token })).status).toBe(403)
    expect((await rest(payload, `/audit-log/${entry.id}`, { token: school[person].token })).status).toBe(403)
    const answer = await graphql<{ AuditLog: { docs: unknown[] } | null }>(payload, '{ AuditLog { docs { id } } }', { token: school[person].token })
    expect(answer.data?.AuditLog?.docs ?? []).toHaveLength(0)
    expect((await rest(payload, '/audit-log/csv', { token: school[person].token })).status).toBe(403)
  })

  it('an anonymous visitor cannot read it', async () => {
    expect((await rest(payload, '/audit-log')).status).toBe(403)
    expect((await rest(payload, '/audit-log/csv')).status).toBe(403)
  })

  it('the admin filters it by person, action, collection and date', async () => {
    await json(await rest(payload, '/users/login', { method: 'POST', body: { email: 'vanthu@truong.test', password: 'mat-khau-dai-123' } }))
    const today = new Date(Date.now() - 60_000).toISOString()
    const query = `where[userName][equals]=${encodeURIComponent('Văn thư')}&where[action][equals]=login&where[targetCollection][equals]=users&where[at][greater_than]=${today}`
    const { docs } = await json<{ docs: Entry[] }>(await rest(payload, `/audit-log?${query}`, { token: school.admin.token }))
    expect(docs.length).toBeGreaterThanOrEqual(1)
    expect(docs.every((doc) => doc.userName === 'Văn thư' && doc.action === 'login')).toBe(true)
  })
})

describe('CSV export', () => {
  it('the admin downloads what the filters show, with Vietnamese headings and labels, readable by a spreadsheet', async () => {
    const response = await rest(payload, '/audit-log/csv?where[action][equals]=backup', { token: school.admin.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nhat-ky-hoat-dong-\d{4}-\d{2}-\d{2}\.csv"$/)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    expect(text.startsWith('\uFEFFThời điểm (UTC),Người thực hiện,')).toBe(true)
    const lines = text.trimEnd().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(',Hệ thống,')
    expect(lines[1]).toContain(',Sao lưu,')
  })

  it('pages through every entry, not only the first page', async () => {
    for (let i = 0; i < 130; i++) await recordSystemAudit(payload, { action: 'restore', detail: { archive: `so-${i}` } })
    const text = await (await rest(payload, '/audit-log/csv?where[action][equals]=restore', { token: school.admin.token })).text()
    expect(text.trimEnd().split('\r\n')).toHaveLength(131)
  })

  it('a title typed as a spreadsheet formula is written as plain text', async () => {
    const { doc } = await json<{ doc: { id: number } }>(
      await rest(payload, '/announcements', {
        method: 'POST',
        body: { title: '=HYPERLINK("http://lua-dao.test","Bấm vào")', category: 'news', accessLevel: 'public', _status: 'draft' },
        token: school.staff.token,
      }),
      201,
    )
    const text = await (await rest(payload, `/audit-log/csv?where[documentId][equals]=${doc.id}`, { token: school.admin.token })).text()
    expect(text).toContain(`"'=HYPERLINK(""http://lua-dao.test"",""Bấm vào"")"`)
  })
})

describe('retention', () => {
  it('removes entries older than the retention by the clock it is given, and keeps the rest', async () => {
    // The clock a few days ahead: today's entries are well within the retention.
    const now = new Date(Date.now() + 3 * day)
    await recordSystemAudit(payload, { action: 'backup', detail: { archive: 'rat-cu' } }, new Date(now.getTime() - 731 * day))
    await recordSystemAudit(payload, { action: 'backup', detail: { archive: 'con-giu' } }, new Date(now.getTime() - 729 * day))
    const removed = await pruneAuditLog(payload, { now, retentionDays: 730 })
    expect(removed).toBe(1)
    const archives = (await storedEntries()).map((each) => (each.detail as { archive?: string } | null)?.archive)
    expect(archives).not.toContain('rat-cu')
    expect(archives).toContain('con-giu')
  })

  it('runs as a scheduled job of the queue the server works', async () => {
    const task = payload.config.jobs.tasks?.find((each) => each.slug === pruneAuditLogTaskSlug)
    expect(task?.schedule?.[0]).toEqual({ cron: expect.any(String), queue: 'default' })
    await recordSystemAudit(payload, { action: 'backup', detail: { archive: 'qua-han' } }, new Date(Date.now() - 3 * 365 * day))
    await payload.jobs.queue({ task: pruneAuditLogTaskSlug as never, input: {} as never })
    await payload.jobs.run({ queue: 'default', silent: true })
    expect((await storedEntries()).map((each) => (each.detail as { archive?: string } | null)?.archive)).not.toContain('qua-han')
  })

  it('reads AUDIT_RETENTION_DAYS as whole days and keeps two years for anything else', () => {
    expect(auditRetentionDays(undefined)).toBe(730)
    expect(auditRetentionDays('365')).toBe(365)
    for (const wrong of ['0', '-1', '1.5', 'hai năm', '']) expect(auditRetentionDays(wrong)).toBe(730)
  })
})
