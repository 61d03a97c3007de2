/**
 * What the real server (`npm start`) takes in a request body and what it writes to its log: a
 * query sent by method override is capped, a query the database refuses is the client's 400, and
 * neither the SQL nor the values a client sent ever reach the log, however often they are sent.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { defaultBodyLimits } from '../../src/lib/bodyLimits.js'
import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { backgroundWorkDone, logsOnceWritten, type RunningServer, startDemoServer, stopServer } from '../helpers/server.js'

let server: RunningServer

beforeAll(async () => {
  server = await startDemoServer()
  // The lines each test reads are its requests' own, not those of the demo's files being read or
  // of the review mails its submissions queued (once 64 lines of them in a test's window, in CI).
  await backgroundWorkDone(server)
}, 10 * 60_000)

afterAll(async () => {
  if (server) await stopServer(server)
})

/** `count` OR clauses on the title, each value carrying `marker` so the log can be searched for it. */
const orClauses = (count: number, marker: string, padding = 0): string =>
  Array.from({ length: count }, (_, index) => `where[or][${index}][title][equals]=${marker}${index}${'x'.repeat(padding)}`).join('&')

/** What the admin sends when a `where` is too long for an address. */
const queryByOverride = (body: string) =>
  fetch(`${server.url}/api/learning-materials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
    body,
  })

/**
 * Waits for the access lines of the `requests` last requests, answered with `status`: pino writes
 * them after the answers, and a test that read fewer would leave the rest to the next test's log.
 */
const accessLogged = async (since: number, status: number, requests = 1): Promise<string> =>
  withoutRepeatCounts(await logsOnceWritten(server, `"statusCode": ${status}`, since, requests))

/**
 * The log without the counts of repeated warnings (src/lib/logging.ts): each is written a minute
 * after the warning it counts, so it may land in whichever test is running then.
 */
const withoutRepeatCounts = (written: string): string =>
  written
    .split('\n')
    .filter((line) => !line.includes('Lặp lại thêm') && !/^\s+repeated: \d+$/.test(line))
    .join('\n')

const messageOf = async (response: Response): Promise<string> => ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message

/** SQL as drizzle wrote it into errors: quoted table names and the list of bound values. */
const sql = /"learning_materials(_locales)?"|params:|Failed query:/

describe('a query sent in the body (method override)', () => {
  it("refuses the issue's 4 MB query of 1,000+ OR clauses with 413 in Vietnamese, and logs one short line for it", async () => {
    const body = orClauses(20_000, 'bimat', 190)
    expect(body.length).toBeGreaterThan(4_000_000)
    const since = server.logs().length
    const response = await queryByOverride(body)
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toMatch(/^Truy vấn gửi kèm quá lớn: tối đa 128 KB/)
    const written = await accessLogged(since, 413)
    // The window whole when it is too long: a failure shows which lines came into it.
    expect(written.length < 1_000 ? 'one short line' : written).toBe('one short line')
    expect(written).not.toContain('bimat')
  })

  it('answers 2,000 OR clauses under the cap with 400 in Vietnamese, not 500, and logs it once however often it comes', async () => {
    const body = orClauses(2_000, 'tuKhoaRieng')
    expect(body.length).toBeLessThan(defaultBodyLimits.queryBytes)
    const since = server.logs().length
    const attempts = 20
    for (let attempt = 0; attempt < attempts; attempt++) {
      const response = await queryByOverride(body)
      // The filter caps refuse it before any database sees it (SQLite alone would refuse it too).
      expect(response.status).toBe(400)
      expect(await messageOf(response)).toMatch(/^(Bộ lọc \(where\) có quá nhiều điều kiện|Truy vấn quá phức tạp nên cơ sở dữ liệu không thực hiện được)/)
    }
    const written = await accessLogged(since, 400, attempts)
    const entries = written.split(/^(?=\[\d\d:\d\d:\d\d\])/m)
    // One line says why, and at most one more how often it came again.
    const whyLines = entries.filter((entry) => /^\[[^\]]+\] \S*(WARN|ERROR)/.test(entry) && !entry.includes('request completed'))
    expect(whyLines.filter((entry) => !entry.includes('repeated')).length).toBeLessThanOrEqual(1)
    expect(whyLines.length).toBeLessThanOrEqual(2)
    expect(written).not.toMatch(sql)
    expect(written).not.toContain('tuKhoaRieng')
    // At most one warning, then an access line per request.
    expect(written.length).toBeLessThan(1_000 + attempts * 350)
  })

  it('is refused through GraphQL too, with the same Vietnamese message and no SQL or values in the log', async () => {
    const or = Array.from({ length: 2_000 }, (_, index) => `{ title: { equals: "tuGraphQL${index}" } }`).join(',')
    const since = server.logs().length
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `{ LearningMaterials(where: { OR: [${or}] }) { docs { id } } }` }),
    })
    const answer = (await response.json()) as { errors?: Array<{ extensions: { statusCode: number }; message: string }> }
    expect(answer.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 }, message: expect.stringMatching(/^Truy vấn quá/) })
    const written = await accessLogged(since, 400)
    expect(written).not.toMatch(sql)
    expect(written).not.toContain('tuGraphQL')
    // The window itself when it is long (once 4,801 characters in CI, with the lines unseen).
    expect(written.length < 3_000 ? 'short' : written).toBe('short')
  })
})

describe('other bodies', () => {
  it('refuses a JSON body above 1 MB, GraphQL included, with 413 in Vietnamese', async () => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { filler: 'a'.repeat(defaultBodyLimits.dataBytes) } }),
    })
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toMatch(/^Nội dung yêu cầu quá lớn: tối đa 1024 KB/)
  })

  it('asks a body sent without its length to state it (411), since it could not be capped before reading', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' })))
        controller.close()
      },
    })
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(411)
    expect(await messageOf(response)).toMatch(/^Yêu cầu phải ghi rõ độ dài nội dung/)
  })

  it('still takes a photo upload larger than the JSON cap: uploads keep their own limits', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'truongso-bodies-'))
    const photo = path.join(work, 'san-truong.jpg')
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=3000x2000', '-vf', 'noise=alls=60:allf=t', '-frames:v', '1', '-q:v', '2', photo])
    const bytes = readFileSync(photo)
    expect(bytes.length).toBeGreaterThan(defaultBodyLimits.dataBytes)

    const admin = demoAccounts.find((account) => account.key === 'admin')!
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: demoPassword() }),
    })
    const { token } = (await login.json()) as { token: string }
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'san-truong.jpg')
    form.append('_payload', JSON.stringify({ accessLevel: 'public', alt: 'Sân trường buổi sáng' }))
    const response = await fetch(`${server.url}/api/media`, { method: 'POST', body: form, headers: { Authorization: `JWT ${token}` } })
    expect(response.status).toBe(201)
  })
})

describe('the access log', () => {
  it('names the parameters of a request but keeps their values out', async () => {
    const since = server.logs().length
    const response = await fetch(`${server.url}/api/learning-materials?where[title][equals]=giaTriRieng&limit=3`)
    expect(response.status).toBe(200)
    const written = await accessLogged(since, 200)
    expect(written).toContain('/api/learning-materials?where&limit')
    expect(written).not.toContain('giaTriRieng')
  })
})
