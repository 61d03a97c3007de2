import type { Payload } from 'payload'

import { graphql, rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, password, people, type School } from './school.js'

let payload: Payload
let school: School

/** Roles and lock state as stored, whatever any answer claims. */
const stored = (id: number) =>
  payload.db.findOne<{ id: number; lockUntil?: null | string; loginAttempts?: number; roles: string[] }>({
    collection: 'users',
    where: { id: { equals: id } },
  })

const logIn = (email: string, secret: string) =>
  rest(payload, '/users/login', { body: { email, password: secret }, headers: { 'Accept-Language': 'vi' }, method: 'POST' })

beforeAll(async () => {
  payload = await bootPayload('leaks-accounts')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('a teacher promoting herself', () => {
  it('keeps her roles after PATCHing roles: [admin] on her own account', async () => {
    const { id, token } = school.teacher
    const response = await rest(payload, `/users/${id}`, { body: { roles: ['admin'], phone: '0912345678' }, method: 'PATCH', token })
    expect(response.status).toBe(200)
    await response.arrayBuffer()
    await expect(stored(id)).resolves.toMatchObject({ roles: ['teacher'], phone: '0912345678' })
  })

  it('keeps her roles after updateUser through GraphQL', async () => {
    const { id, token } = school.teacher
    const answer = await graphql(payload, `mutation { updateUser(id: ${id}, data: { roles: [admin] }) { roles } }`, { token })
    expect(answer).toEqual({ data: { updateUser: { roles: ['teacher'] } } })
    await expect(stored(id)).resolves.toMatchObject({ roles: ['teacher'] })
  })

  it('cannot promote herself through a new token either: the token carries her stored roles', async () => {
    const token = await tokenFor(payload, people.teacher.email, password)
    const me = await json(await rest(payload, '/users/me', { token }))
    expect(me.user.roles).toEqual(['teacher'])
  })

  it('cannot change the roles of a colleague', async () => {
    const response = await rest(payload, `/users/${school.otherTeacher.id}`, {
      body: { roles: ['admin'] },
      method: 'PATCH',
      token: school.teacher.token,
    })
    expect([403, 404]).toContain(response.status)
    await response.arrayBuffer()
    await expect(stored(school.otherTeacher.id)).resolves.toMatchObject({ roles: ['teacher'] })
  })
})

describe('a parent', () => {
  it('lists only her own account', async () => {
    const answer = await json(await rest(payload, '/users?limit=100', { token: school.parent.token }))
    expect(answer.docs.map((user: { email: string }) => user.email)).toEqual([people.parent.email])
    expect(answer.totalDocs).toBe(1)
  })

  it('cannot read another account by id', async () => {
    for (const other of [school.teacher, school.admin]) {
      const response = await rest(payload, `/users/${other.id}`, { token: school.parent.token })
      expect([403, 404]).toContain(response.status)
      expect(await response.text()).not.toContain('@truong.test')
    }
  })

  it('sees only herself through GraphQL', async () => {
    const answer = await graphql<{ Users: { docs: Array<{ email: string }> } }>(payload, '{ Users(limit: 100) { docs { email } } }', {
      token: school.parent.token,
    })
    expect(answer.data?.Users.docs).toEqual([{ email: people.parent.email }])
  })
})

describe('registration', () => {
  const newcomer = { email: 'moi@ngoai.test', password: 'mat-khau-moi-123', name: 'Người lạ', roles: ['admin'] }

  it.each([
    ['an anonymous visitor', undefined],
    ['a parent', 'parent'],
    ['a teacher', 'teacher'],
  ] as const)('is refused to %s (POST /api/users → 403)', async (_, person) => {
    const response = await rest(payload, '/users', { body: newcomer, method: 'POST', token: person && school[person].token })
    expect(response.status).toBe(403)
    await response.arrayBuffer()
    await expect(payload.count({ collection: 'users', where: { email: { equals: newcomer.email } } })).resolves.toEqual({ totalDocs: 0 })
  })

  it('is refused through first-register once the school has accounts', async () => {
    const response = await rest(payload, '/users/first-register', { body: newcomer, method: 'POST' })
    expect(response.status).toBe(403)
    await response.arrayBuffer()
    await expect(payload.count({ collection: 'users', where: { email: { equals: newcomer.email } } })).resolves.toEqual({ totalDocs: 0 })
  })
})

describe('an account after five wrong passwords', () => {
  const email = 'cohoa@truong.test'
  let id: number
  let earlierToken: string

  const expectToWait = async () => {
    const response = await logIn(email, password)
    const body = await json<{ errors: Array<{ message: string }> }>(response, 429)
    expect(body.errors[0].message).toMatch(/^Đăng nhập sai nhiều lần vào tài khoản này từ thiết bị của bạn\. Vui lòng thử lại sau \d+ giây\.$/)
  }

  beforeAll(async () => {
    id = (await payload.create({ collection: 'users', data: { email, name: 'Cô Hoa', password, roles: ['teacher'] }, overrideAccess: true })).id
    earlierToken = await tokenFor(payload, email, password)
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await logIn(email, `sai-${attempt}`)
      expect(response.status).toBe(401)
      await response.arrayBuffer()
    }
  })

  it('makes the client that failed wait, even with the right password, and says so in Vietnamese (429)', async () => {
    await expectToWait()
  })

  it('stores no lock on the account that its owner or anyone could PATCH away', async () => {
    const response = await rest(payload, `/users/${id}`, { body: { lockUntil: null, loginAttempts: 0 }, method: 'PATCH', token: earlierToken })
    expect(response.status).toBe(200)
    await response.arrayBuffer()
    const state = await stored(id)
    expect({ lockUntil: state?.lockUntil, loginAttempts: state?.loginAttempts }).toEqual({ lockUntil: undefined, loginAttempts: undefined })
    await expectToWait()
  })

  it.each([
    ['an anonymous visitor', undefined],
    ['its owner', 'owner'],
    ['a reviewer', 'reviewer'],
    ['office staff', 'staff'],
  ] as const)('cannot be unlocked by %s (POST /api/users/unlock → 403)', async (_, who) => {
    const token = who === 'owner' ? earlierToken : who && school[who].token
    const response = await rest(payload, '/users/unlock', { body: { email }, method: 'POST', token })
    expect(response.status).toBe(403)
    await response.arrayBuffer()
    await expectToWait()
  })

  it('is unlocked by an admin, after which the right password works again at once', async () => {
    const response = await rest(payload, '/users/unlock', { body: { email }, method: 'POST', token: school.admin.token })
    expect(response.status).toBe(200)
    await response.arrayBuffer()
    const login = await logIn(email, password)
    expect(login.status).toBe(200)
    await login.arrayBuffer()
  })
})
