/**
 * What the audit log records: every action of the school's work, who did it (id, name, role),
 * which document (collection, id, title at the time) and, for updates, the names of the fields
 * changed — never the values of personal fields. The address it came from is checked on real
 * HTTP in http.spec.ts.
 */
import type { Payload, Where } from 'payload'

import { recordSystemAudit } from '../../src/collections/AuditLog/record.js'
import type { AuditLog } from '../../src/payload-types.js'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, password, people, type Member, type School } from '../leaks/school.js'

type Entry = AuditLog

let payload: Payload
let school: School
let serial = 0

const entries = async (where: Where): Promise<Entry[]> =>
  (await payload.find({ collection: 'audit-log', depth: 0, limit: 100, overrideAccess: true, sort: 'at', where })).docs

const entriesOf = (collection: string, id: number | string, action?: string) =>
  entries({
    and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(id) } }, ...(action ? [{ action: { equals: action } }] : [])],
  })

const actionsOf = async (collection: string, id: number | string) => (await entriesOf(collection, id)).map((entry) => entry.action)

const patch = (path: string, body: Record<string, unknown>, by: Member) => rest(payload, path, { method: 'PATCH', body, token: by.token })

/** A lesson the teacher drafts through REST, as the admin panel sends it. */
const draftLesson = async (): Promise<{ id: number; title: string }> => {
  const title = `Giáo án nhật ký ${++serial}`
  const { doc } = await json<{ doc: { id: number } }>(
    await rest(payload, '/learning-materials?draft=true', {
      method: 'POST',
      body: { title, materialType: 'lesson-plan', accessLevel: 'staff', _status: 'draft' },
      token: school.teacher.token,
    }),
    201,
  )
  return { id: doc.id, title }
}

const login = (email: string, secret: string) => rest(payload, '/users/login', { method: 'POST', body: { email, password: secret } })

beforeAll(async () => {
  payload = await bootPayload('audit-record')
  payload.logger.level = process.env.AUDIT_LOG_LEVEL ?? 'fatal'
  school = await enrolSchool(payload)
})
afterAll(async () => shutdownPayload(payload))

describe('documents', () => {
  it('a creation names who made it (id, name, roles), the collection, the id and the title then', async () => {
    const lesson = await draftLesson()
    const [created] = await entriesOf('learning-materials', lesson.id, 'create')
    expect(created).toMatchObject({
      action: 'create',
      documentTitle: lesson.title,
      userId: String(school.teacher.id),
      userName: people.teacher.name,
      userRoles: ['teacher'],
    })
    expect(Date.now() - new Date(created.at).getTime()).toBeLessThan(60_000)
  })

  it('an update names the fields it changed and none of their values', async () => {
    const lesson = await draftLesson()
    await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { summary: 'Tóm tắt bí mật', topic: 'Gia đình' }, school.teacher))
    const [updated] = await entriesOf('learning-materials', lesson.id, 'update')
    expect(updated.changedFields).toEqual(['summary', 'topic'])
    expect(JSON.stringify(updated)).not.toContain('Tóm tắt bí mật')
  })

  it('the review trail: submitted for review, returned for changes, approved, published, unpublished', async () => {
    const lesson = await draftLesson()
    await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { reviewStatus: 'submitted' }, school.teacher))
    await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { reviewStatus: 'changes-requested', reviewNote: 'Thêm hình' }, school.reviewer))
    await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { reviewStatus: 'approved' }, school.reviewer))
    await json(await patch(`/learning-materials/${lesson.id}`, { _status: 'published' }, school.reviewer))
    await json(await patch(`/learning-materials/${lesson.id}`, { _status: 'draft' }, school.reviewer))
    const actions = await actionsOf('learning-materials', lesson.id)
    expect(actions).toEqual(['create', 'submit-for-review', 'return-for-changes', 'approve', 'publish', 'unpublish'])
    const returned = (await entriesOf('learning-materials', lesson.id, 'return-for-changes'))[0]
    expect(returned).toMatchObject({ changedFields: ['reviewNote'], userName: people.reviewer.name, userRoles: ['reviewer'] })
    expect(JSON.stringify(returned)).not.toContain('Thêm hình')
  })

  it('a draft saved over a published document is an update, not an unpublication', async () => {
    const lesson = await draftLesson()
    await json(await patch(`/learning-materials/${lesson.id}`, { _status: 'published' }, school.reviewer))
    await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { title: `${lesson.title} (sửa)` }, school.reviewer))
    const actions = await actionsOf('learning-materials', lesson.id)
    // Publishing approves the review too (applyReviewWorkflow): two facts, two entries.
    expect(actions).toEqual(['create', 'publish', 'approve', 'update'])
    expect(actions).not.toContain('unpublish')
  })

  it('moving to the trash, restoring from it and deleting for good', async () => {
    const lesson = await draftLesson()
    await json(await patch(`/learning-materials/${lesson.id}`, { deletedAt: new Date().toISOString() }, school.teacher))
    await json(await patch(`/learning-materials/${lesson.id}?trash=true`, { deletedAt: null }, school.teacher))
    await json(await patch(`/learning-materials/${lesson.id}`, { deletedAt: new Date().toISOString() }, school.teacher))
    await json(await rest(payload, `/learning-materials/${lesson.id}?trash=true`, { method: 'DELETE', token: school.admin.token }))
    expect(await actionsOf('learning-materials', lesson.id)).toEqual(['create', 'delete', 'restore-from-trash', 'delete', 'delete-permanently'])
    const [gone] = await entriesOf('learning-materials', lesson.id, 'delete-permanently')
    expect(gone).toMatchObject({ documentTitle: lesson.title, userName: people.admin.name })
  })

  it('restoring a version names the version', async () => {
    const lesson = await draftLesson()
    await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { title: `${lesson.title} — bản 2` }, school.teacher))
    const { docs } = await payload.findVersions({ collection: 'learning-materials', sort: 'createdAt', where: { parent: { equals: lesson.id } } })
    await json(await rest(payload, `/learning-materials/versions/${docs[0].id}?draft=true`, { method: 'POST', token: school.teacher.token }))
    const [restored] = await entriesOf('learning-materials', lesson.id, 'restore-version')
    expect(restored).toMatchObject({ detail: { version: String(docs[0].id) }, userName: people.teacher.name })
    expect(restored.changedFields).toContain('title')
  })

  it('an uploaded file is recorded under its file name', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))], { type: 'application/pdf' }), 'ke-hoach.pdf')
    form.append('_payload', JSON.stringify({ accessLevel: 'staff' }))
    const response = await rest(payload, '/media', { method: 'POST', body: form, token: school.staff.token })
    const { doc } = await json<{ doc: { filename: string; id: number } }>(response, 201)
    const [created] = await entriesOf('media', doc.id, 'create')
    expect(created).toMatchObject({ documentTitle: doc.filename, userName: people.staff.name })
  })
})

describe('accounts', () => {
  const newcomer = async (): Promise<{ email: string; id: number }> => {
    const email = `nguoimoi${++serial}@truong.test`
    const { doc } = await json<{ doc: { id: number } }>(
      await rest(payload, '/users', { method: 'POST', body: { email, name: `Người mới ${serial}`, password, roles: ['parent'], phone: '0912 345 678' }, token: school.admin.token }),
      201,
    )
    return { email, id: doc.id }
  }

  it('a sign-in names the account and its roles', async () => {
    const { email, id } = await newcomer()
    await json(await login(email, password))
    const [signedIn] = await entriesOf('users', id, 'login')
    expect(signedIn).toMatchObject({ userId: String(id), userRoles: ['parent'] })
  })

  it('wrong passwords are each recorded, the lock once, and the unlock with the admin who did it', async () => {
    const { email, id } = await newcomer()
    for (let attempt = 0; attempt < 7; attempt++) expect((await login(email, 'sai-mat-khau')).status).toBeGreaterThanOrEqual(400)
    const actions = await actionsOf('users', id)
    expect(actions.filter((action) => action === 'login-failed')).toHaveLength(7)
    expect(actions.filter((action) => action === 'lockout')).toHaveLength(1)
    await json(await rest(payload, '/users/unlock', { method: 'POST', body: { email }, token: school.admin.token }))
    const [unlocked] = await entriesOf('users', id, 'unlock')
    expect(unlocked).toMatchObject({ userName: people.admin.name, userRoles: ['admin'] })
    expect(JSON.stringify(await entriesOf('users', id))).not.toContain('sai-mat-khau')
  })

  it('sign-ins through GraphQL are recorded as through REST, each of several in one request under its own account', async () => {
    const [wrong, right] = [await newcomer(), await newcomer()]
    const before = (await entries({ action: { equals: 'login-failed' } })).length
    const answer = await graphql(
      payload,
      `mutation {
        a: loginUser(email: "${wrong.email}", password: "sai-mat-khau") { token }
        b: loginUser(email: "${right.email}", password: "${password}") { token }
        c: loginUser(email: "khong-co-ai-gql@truong.test", password: "doan-thu") { token }
      }`,
    )
    expect(answer.errors?.map((error) => error.extensions?.statusCode)).toEqual([401, 401])
    expect(await actionsOf('users', wrong.id)).toEqual(['create', 'login-failed'])
    expect(await actionsOf('users', right.id)).toEqual(['create', 'login'])
    // Written within the same millisecond: told apart by whom they name, not by their order.
    const failed = (await entries({ action: { equals: 'login-failed' } })).slice(before)
    expect(failed.map((entry) => (entry.userId ? entry.userId : entry.userName)).sort()).toEqual([String(wrong.id), expect.stringContaining('Không rõ')])
    expect(JSON.stringify(failed)).not.toMatch(/sai-mat-khau|khong-co-ai-gql/)
  })

  it('a sign-in with an address no account has is recorded without the address', async () => {
    const before = (await entries({ action: { equals: 'login-failed' } })).length
    await login('khong-co-ai@truong.test', 'doan-thu')
    const failed = await entries({ action: { equals: 'login-failed' } })
    expect(failed).toHaveLength(before + 1)
    expect(failed.at(-1)).toMatchObject({ userName: expect.stringContaining('Không rõ') })
    expect(JSON.stringify(failed.at(-1))).not.toContain('khong-co-ai')
  })

  it('a role change says from which roles to which', async () => {
    const { id } = await newcomer()
    await json(await patch(`/users/${id}`, { roles: ['teacher'] }, school.admin))
    const [changed] = await entriesOf('users', id, 'role-change')
    expect(changed).toMatchObject({ detail: { from: ['parent'], to: ['teacher'] }, userName: people.admin.name })
  })

  it('a password change and changes of personal fields keep no value: not the password, the e-mail, the phone', async () => {
    const { email, id } = await newcomer()
    const token = (await json<{ token: string }>(await login(email, password))).token
    const self = { token } as Member
    await json(await patch(`/users/${id}`, { password: 'mat-khau-moi-rat-dai', phone: '0987 654 321', email: `doi-${email}` }, self))
    const recorded = await entriesOf('users', id)
    expect(recorded.map((entry) => entry.action)).toEqual(expect.arrayContaining(['password-change', 'update']))
    expect(recorded.find((entry) => entry.action === 'update')?.changedFields).toEqual(['email', 'phone'])
    const text = JSON.stringify(recorded)
    for (const secret of ['mat-khau-moi-rat-dai', '0987 654 321', '0912 345 678', `doi-${email}`, password]) expect(text).not.toContain(secret)
  })
})

describe('the system', () => {
  it('backup and restore are recorded by the function the backup module calls, as the system', async () => {
    await recordSystemAudit(payload, { action: 'backup', detail: { archive: 'truongso-2027-01-05.tar', bytes: 1024 } })
    await recordSystemAudit(payload, { action: 'restore', detail: { archive: 'truongso-2027-01-05.tar' } })
    const [backup] = await entries({ action: { equals: 'backup' } })
    const [restore] = await entries({ action: { equals: 'restore' } })
    expect(backup).toMatchObject({ userName: 'Hệ thống', detail: { archive: 'truongso-2027-01-05.tar' } })
    expect(backup.userId ?? null).toBeNull()
    expect(restore.action).toBe('restore')
  })

  it('an entry that cannot be written with the change never fails the request, and is written after it', async () => {
    const lesson = await draftLesson()
    const { create } = payload.db
    let refused = 0
    let written: () => void = () => undefined
    const writtenLater = new Promise<void>((resolve) => (written = resolve))
    payload.db.create = async (args) => {
      if (args.collection !== 'audit-log') return create.call(payload.db, args)
      if (refused++ === 0) throw new Error('database busy')
      const result = await create.call(payload.db, args)
      written()
      return result
    }
    try {
      await json(await patch(`/learning-materials/${lesson.id}?draft=true`, { topic: 'Thế giới động vật' }, school.teacher))
      await writtenLater
    } finally {
      payload.db.create = create
    }
    expect((await entriesOf('learning-materials', lesson.id, 'update'))[0]?.changedFields).toEqual(['topic'])
  })
})
