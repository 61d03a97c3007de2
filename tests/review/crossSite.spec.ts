/**
 * Review finding 6: with `SERVER_URL` and `CORS_ORIGINS` unset (the README's default), a
 * cookie-authenticated `PATCH /api/users/:id` or a multipart create sent with
 * `Origin: https://evil.example` and `Sec-Fetch-Site: cross-site` succeeded. Cookie-authenticated
 * writes are now accepted from the site's own origin only (derived from the request) and the
 * listed ones; the site's own forms and the admin's calls still work.
 */
import { type RunningServer, startServer, stopServer } from '../helpers/server.js'

let server: RunningServer

const evil = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }

/** Signs in as the demo account and answers the session cookie a browser would keep. */
const sessionOf = async (email: string): Promise<{ cookie: string; id: number }> => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'truongso-demo' }),
  })
  const token = response.headers.getSetCookie().find((cookie) => cookie.startsWith('payload-token='))!.split(';')[0]
  const { user } = (await response.json()) as { user: { id: number } }
  return { cookie: token, id: user.id }
}

const nameOf = async (cookie: string, id: number): Promise<string> =>
  ((await (await fetch(`${server.url}/api/users/${id}`, { headers: { Cookie: cookie } })).json()) as { name: string }).name

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await stopServer(server)
})

describe('a cookie-authenticated write sent by another site', () => {
  it('PATCH /api/users/:id from https://evil.example is refused with 403 in Vietnamese, and the name stays', async () => {
    const parent = await sessionOf('phuhuynh@truongso.test')
    const before = await nameOf(parent.cookie, parent.id)
    const response = await fetch(`${server.url}/api/users/${parent.id}`, {
      method: 'PATCH',
      headers: { ...evil, Cookie: parent.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bị đổi tên' }),
    })
    expect(response.status).toBe(403)
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
    expect(errors[0].message).toMatch(/^Từ chối yêu cầu thay đổi dữ liệu gửi từ trang khác \(https:\/\/evil\.example\)/)
    expect(await nameOf(parent.cookie, parent.id)).toBe(before)
  })

  it('a multipart upload from https://evil.example is refused, and nothing is stored', async () => {
    const teacher = await sessionOf('giaovien@truongso.test')
    const count = async () =>
      ((await (await fetch(`${server.url}/api/media?limit=1&depth=0`, { headers: { Cookie: teacher.cookie } })).json()) as { totalDocs: number }).totalDocs
    const before = await count()
    const form = new FormData()
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'thong-bao.pdf')
    form.append('_payload', JSON.stringify({ alt: 'Thông báo', accessLevel: 'public' }))
    const response = await fetch(`${server.url}/api/media`, { method: 'POST', headers: { ...evil, Cookie: teacher.cookie }, body: form })
    expect(response.status).toBe(403)
    expect(await count()).toBe(before)
  })

  it('a GraphQL mutation from https://evil.example is refused', async () => {
    const parent = await sessionOf('phuhuynh@truongso.test')
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { ...evil, Cookie: parent.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `mutation { updateUser(id: ${parent.id}, data: { name: "Bị đổi tên" }) { name } }` }),
    })
    expect(response.status).toBe(403)
  })

  it('a write marked Sec-Fetch-Site: cross-site without an Origin is refused', async () => {
    const parent = await sessionOf('phuhuynh@truongso.test')
    const response = await fetch(`${server.url}/api/users/${parent.id}`, {
      method: 'PATCH',
      headers: { 'Sec-Fetch-Site': 'cross-site', Cookie: parent.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bị đổi tên' }),
    })
    expect(response.status).toBe(403)
  })
})

describe("the site's own writes", () => {
  it('a PATCH from the page the server served (its own origin, derived from the request) is accepted', async () => {
    const parent = await sessionOf('phuhuynh@truongso.test')
    const response = await fetch(`${server.url}/api/users/${parent.id}`, {
      method: 'PATCH',
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin', Cookie: parent.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Phụ huynh bé Na' }),
    })
    expect(response.status).toBe(200)
    expect(await nameOf(parent.cookie, parent.id)).toBe('Phụ huynh bé Na')
  })

  it('signing out through the website\'s own form (a server action, with the session cookie) still works', async () => {
    const parent = await sessionOf('phuhuynh@truongso.test')
    const page = await (await fetch(`${server.url}/dang-xuat`, { headers: { Cookie: parent.cookie } })).text()
    const form = new FormData()
    for (const [, name] of page.matchAll(/name="(\$ACTION_[^"]+)"/g)) form.append(name, '')
    expect([...form.keys()].length).toBeGreaterThan(0)
    const response = await fetch(`${server.url}/dang-xuat`, {
      method: 'POST',
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin', Cookie: parent.cookie },
      body: form,
      redirect: 'manual',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/\/dang-nhap\?da-dang-xuat=1$/)
  })
})
