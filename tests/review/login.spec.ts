/**
 * Review finding 8: a wrong password took about 0.3 s for an existing account and 0.02 s for an
 * unknown one (accounts could be listed); the website's `/dang-nhap` called the API from loopback,
 * which the rate limit skipped, so guesses through it were unlimited; and anyone could lock any
 * account, the admin's included, by failing five times. Clients are told apart as the server does
 * behind its proxy: by `X-Forwarded-For` from loopback (`TRUST_PROXY=loopback`, the default).
 */
import { type RunningServer, startServer, stopServer } from '../helpers/server.js'

let server: RunningServer

const adminEmail = 'admin@truongso.test'
const demoPassword = 'truongso-demo'

/** Signs in through the REST API, from the client at `address`. */
const apiLogin = (email: string, password: string, address: string) =>
  fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ email, password }),
  })

/**
 * Signs in through the website's form as a browser without JavaScript does: the form's own hidden
 * action fields, the address and password, posted to `/dang-nhap`. Answers where it sends the visitor.
 */
const websiteLogin = async (email: string, password: string, address: string): Promise<string> => {
  const page = await (await fetch(`${server.url}/dang-nhap`, { headers: { 'X-Forwarded-For': address } })).text()
  const form = new FormData()
  for (const [, name, value] of page.matchAll(/<input[^>]*name="(\$ACTION_[^"]+)"(?:[^>]*value="([^"]*)")?/g)) form.append(name, value ?? '')
  form.append('email', email)
  form.append('password', password)
  const response = await fetch(`${server.url}/dang-nhap`, {
    method: 'POST',
    headers: { Origin: server.url, 'X-Forwarded-For': address },
    body: form,
    redirect: 'manual',
  })
  return response.headers.get('location') ?? `status ${response.status}`
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const timeOf = async (attempt: () => Promise<Response>): Promise<{ ms: number; status: number }> => {
  const started = performance.now()
  const { status } = await attempt()
  return { ms: performance.now() - started, status }
}

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await stopServer(server)
})

it('a wrong password costs an unknown account the same work as an existing one', async () => {
  const existing: number[] = []
  const unknown: number[] = []
  for (let round = 0; round < 3; round++) {
    const known = await timeOf(() => apiLogin('giaovien2@truongso.test', `sai-${round}`, '192.0.2.10'))
    const missing = await timeOf(() => apiLogin(`khong-co-${round}@truongso.test`, `sai-${round}`, '192.0.2.10'))
    expect([known.status, missing.status]).toEqual([401, 401])
    existing.push(known.ms)
    unknown.push(missing.ms)
  }
  // The same hashing either way; what is left is noise of the shared machine, far from the 15× it was.
  expect(median(unknown) / median(existing)).toBeGreaterThan(0.5)
})

it('guesses through the website are limited per visitor, like guesses at the API', async () => {
  const visitor = '203.0.113.5'
  const answers: string[] = []
  for (let guess = 0; guess < 21; guess++) answers.push(await websiteLogin(`khach-${guess}@truongso.test`, 'doan-mo', visitor))
  expect(answers.slice(0, 20).every((location) => location.includes('loi=sai-thong-tin'))).toBe(true)
  expect(answers[20]).toContain('loi=tam-khoa')
  // Another visitor of the website is not held back by that one.
  expect(await websiteLogin('khach-khac@truongso.test', 'doan-mo', '203.0.113.99')).toContain('loi=sai-thong-tin')
})

it('a stranger who fails at the admin account five times and more does not lock the admin out', async () => {
  const stranger = '198.51.100.7'
  const statuses: number[] = []
  let last: Response | undefined
  for (let guess = 0; guess < 7; guess++) {
    last = await apiLogin(adminEmail, `doan-${guess}`, stranger)
    statuses.push(last.status)
  }
  // The stranger is slowed down himself once his free tries are spent, and told so in Vietnamese.
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
  expect(statuses.at(-1)).toBe(429)
  const { errors } = (await last!.json()) as { errors: Array<{ message: string }> }
  expect(errors[0].message).toMatch(/^Đăng nhập sai nhiều lần vào tài khoản này từ thiết bị của bạn\. Vui lòng thử lại sau \d+ giây\.$/)
  const admin = await apiLogin(adminEmail, demoPassword, '192.0.2.50')
  expect(admin.status).toBe(200)
  // And through the website from her own device as well.
  expect(await websiteLogin(adminEmail, demoPassword, '192.0.2.51')).toBe('/dang-nhap')
})

it('sign-ins through GraphQL, many to a request, draw on the same budget per client as the API and the website', async () => {
  const client = '198.51.100.42'
  // Ten sign-ins to a request, the most root fields one request may ask for.
  const manyGuesses = async (from: number) => {
    const fields = Array.from({ length: 10 }, (_, n) => `g${from + n}: loginUser(email: "khach-gql-${from + n}@truongso.test", password: "doan-mo") { token }`)
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
      body: JSON.stringify({ query: `mutation { ${fields.join('\n')} }` }),
    })
    return ((await response.json()) as { errors: Array<{ extensions: { statusCode: number }; message: string }> }).errors
  }
  const errors = [...(await manyGuesses(0)), ...(await manyGuesses(10)), ...(await manyGuesses(20))]
  const statuses = errors.map((error) => error.extensions.statusCode)
  expect(statuses).toEqual([...Array(20).fill(401), ...Array(10).fill(429)])
  expect(errors.at(-1)!.message).toMatch(/^Thiết bị của bạn đã đăng nhập quá nhiều lần\. Vui lòng thử lại sau \d+ phút\.$/)
  // The budget is the client's, whatever the door: the REST API now turns it away too.
  expect((await apiLogin('khach-rest@truongso.test', 'doan-mo', client)).status).toBe(429)
  expect((await apiLogin('khach-rest@truongso.test', 'doan-mo', '198.51.100.43')).status).toBe(401)
}, 120_000)

it('guesses at one account through GraphQL and REST are counted together', async () => {
  const client = '198.51.100.60'
  const graphQLGuess = async (guess: number) => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
      body: JSON.stringify({ query: `mutation { loginUser(email: "${adminEmail}", password: "doan-gql-${guess}") { token } }` }),
    })
    return ((await response.json()) as { errors: Array<{ extensions: { statusCode: number } }> }).errors[0].extensions.statusCode
  }
  const statuses = [await graphQLGuess(0), await graphQLGuess(1), await graphQLGuess(2)]
  for (let guess = 3; guess < 5; guess++) statuses.push((await apiLogin(adminEmail, `doan-${guess}`, client)).status)
  statuses.push(await graphQLGuess(5))
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
}, 60_000)
