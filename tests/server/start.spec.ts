import { isMongoUrl } from '../../src/database.js'
import { demoAccounts } from '../../src/seed/demo/accounts.js'
import { logsOnceWritten, type RunningServer, startDemoServer, stopServer } from '../helpers/server.js'

// Against MongoDB the demo is never loaded implicitly: it is asked for, as an operator would.
const onMongo = isMongoUrl(process.env.DATABASE_URL)
let server: RunningServer
/** The start-up's output up to the accounts table, the last thing the demo load writes. */
let startupLog = ''

type Answer = { status: number; retryAfter: null | string; body: string }
/** What the API and the home page answered while the server started, polled until it was ready. */
const duringStart: { api: Answer[]; page: Answer[] } = { api: [], page: [] }

const answerOf = async (response: Response): Promise<Answer> => ({
  status: response.status,
  retryAfter: response.headers.get('retry-after'),
  body: await response.text(),
})

beforeAll(async () => {
  server = await startDemoServer({ until: 'listening' })
  while (!(await fetch(`${server.url}/readyz`)).ok) {
    const [api, page] = await Promise.all([fetch(`${server.url}/api/announcements?limit=1`), fetch(`${server.url}/`)])
    duringStart.api.push(await answerOf(api))
    duringStart.page.push(await answerOf(page))
  }
  if (!onMongo) startupLog = await logsOnceWritten(server, 'Change or delete these accounts')
}, 10 * 60_000)

afterAll(async () => {
  if (server) await stopServer(server)
})

describe('npm start on a fresh machine', () => {
  it('loads the demo content into an empty embedded database and prints the accounts', () => {
    if (onMongo) {
      expect(server.logs()).not.toContain('phuhuynh@truongso.test')
    } else {
      expect(startupLog).toContain('phuhuynh@truongso.test')
      expect(startupLog).toContain('admin@truongso.test')
    }
  })

  it('answers at once while the demo loads: 503 with Retry-After on the API, a Vietnamese page on the site', () => {
    const preparing = (answer: Answer) => answer.status === 503
    if (onMongo) {
      expect(duringStart.api.filter(preparing)).toEqual([])
      return
    }
    const api = duringStart.api.find(preparing)
    expect(api?.retryAfter).toMatch(/^\d+$/)
    expect(JSON.parse(api!.body)).toEqual({
      errors: [{ message: expect.stringContaining('Đang chuẩn bị dữ liệu mẫu') }],
      progress: { done: expect.any(Number), total: expect.any(Number) },
    })
    const page = duringStart.page.find(preparing)
    expect(page?.retryAfter).toMatch(/^\d+$/)
    expect(page?.body).toContain('<h1>Đang chuẩn bị dữ liệu mẫu…</h1>')
    expect(startupLog).toContain('Đang nạp dữ liệu mẫu')
  })

  it('lets every account the start-up printed sign in with the password it printed', async () => {
    if (onMongo) return
    const printed = [...startupLog.matchAll(/^\| (\S+@\S+) +\|[^|]+\| (\S+) +\|/gm)].map(([, email, password]) => ({ email, password }))
    expect(printed.map(({ email }) => email).sort()).toEqual(demoAccounts.map(({ email }) => email).sort())
    for (const { email, password } of printed) {
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      expect({ email, status: login.status }).toEqual({ email, status: 200 })
    }
  })

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const ready = await fetch(`${server.url}/readyz`)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })

  it('serves public content over REST with security headers', async () => {
    const response = await fetch(`${server.url}/api/announcements?limit=5`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { docs: Array<{ accessLevel: string }>; totalDocs: number }
    expect(body.totalDocs).toBeGreaterThan(0)
    expect(body.docs.every((doc) => doc.accessLevel === 'public')).toBe(true)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('lets anonymous content be cached and revalidated with an ETag', async () => {
    const first = await fetch(`${server.url}/api/announcements?limit=5`)
    expect(first.headers.get('cache-control')).toMatch(/^public/)
    const again = await fetch(`${server.url}/api/announcements?limit=5`, {
      headers: { 'If-None-Match': first.headers.get('etag') ?? '' },
    })
    expect(again.status).toBe(304)
  })

  it('answers HEAD like GET without a body, and serves files by range', async () => {
    const head = await fetch(`${server.url}/api/announcements?limit=5`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const { docs } = (await (await fetch(`${server.url}/api/media?limit=1&depth=0&where[mimeType][equals]=image/jpeg`)).json()) as { docs: Array<{ url: string }> }
    const part = await fetch(`${server.url}${docs[0].url}`, { headers: { Range: 'bytes=0-99' } })
    expect(part.status).toBe(206)
    expect((await part.arrayBuffer()).byteLength).toBe(100)
  })

  it('serves GraphQL', async () => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ LearningMaterials(limit: 3) { totalDocs docs { title accessLevel } } }' }),
    })
    const body = (await response.json()) as { data: { LearningMaterials: { docs: Array<{ accessLevel: string }>; totalDocs: number } } }
    expect(body.data.LearningMaterials.totalDocs).toBeGreaterThan(0)
    expect(body.data.LearningMaterials.docs.every((doc) => doc.accessLevel === 'public')).toBe(true)
  })

  it('refuses a costly request with 400 on REST, its method override and GraphQL, as served', async () => {
    const attack = `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: LearningMaterials(limit: 100) { docs { id } }`).join(' ')} }`
    const answers = await Promise.all([
      fetch(`${server.url}/api/learning-materials?limit=0`),
      fetch(`${server.url}/api/learning-materials`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
        body: 'pagination=false',
      }),
      fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: attack }) }),
      fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ a: LearningMaterials(limit: 100) { docs { id } } b: LearningMaterials(limit: 100) { docs { id } } c: LearningMaterials { docs { id } } }' }),
      }),
    ])
    const refusals = await Promise.all(answers.map(async (response) => ({ status: response.status, body: await response.text() })))
    expect(refusals).toEqual(refusals.map(() => ({ status: 400, body: expect.stringMatching(/từ 1 đến 100|tối đa|cần kèm limit/) })))
  })

  it('serves the admin panel in Vietnamese', async () => {
    const response = await fetch(`${server.url}/admin/login`, { headers: { 'Accept-Language': 'en-US' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('lang="vi"')
    expect(html).toMatch(/Đăng nhập/)
  })

  it.each([
    ['phuhuynh@truongso.test', 'sends a parent to the unauthorized page', 307],
    ['giaovien@truongso.test', 'lets a teacher into the admin panel', 200],
  ])('%s: %s', async (email, _what, status) => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'truongso-demo' }),
    })
    const { token } = (await login.json()) as { token: string }
    const admin = await fetch(`${server.url}/admin`, {
      headers: { Cookie: `payload-token=${token}` },
      redirect: 'manual',
    })
    expect(admin.status).toBe(status)
    if (status === 307) expect(admin.headers.get('location')).toContain('/admin/unauthorized')
  })

  it('shuts down cleanly on SIGTERM, its last log line written', async () => {
    const before = server.logs().length
    const code = await stopServer(server)
    // What the server wrote from the signal on says why, when it did not end cleanly.
    expect({ code, written: code === 0 ? '' : server.logs().slice(before) }).toEqual({ code: 0, written: '' })
    // Lines are formatted on a thread of their own: the one logged as the process exits must
    // still reach the output (read from the pipe once the process has gone).
    await logsOnceWritten(server, 'server stopped', before)
  })
})
