/**
 * The first contact of a newcomer, outside jest: a fresh clone of this checkout, the README's run
 * line exactly as written, in a shell that has only PATH and HOME. Then what a person does first:
 * sign in with every account the start-up printed, look at the home page, search for a title
 * typed without diacritics, and stop the server. Each check prints one line; the tally is written
 * to the file named by the first argument, for .ci/run's `N passed, N failed` line. A second
 * argument names a folder holding another `node` to put first on PATH (newcomers arrive with
 * Node 24 while the project still runs on 20).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const [tallyFile, nodeDir] = process.argv.slice(2)
// Without its node the folder would leave PATH's own first: the run would pass on the wrong Node.
if (nodeDir && !existsSync(path.join(nodeDir, 'node'))) {
  console.error(`newcomer: no node in ${nodeDir}`)
  process.exit(1)
}
const PATH = nodeDir ? `${path.resolve(nodeDir)}:${process.env.PATH}` : process.env.PATH
const nodeVersion = spawnSync('node', ['--version'], { encoding: 'utf8', env: { PATH } }).stdout.trim()
const repository = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const base = 'http://127.0.0.1:3000'
const tally = { passed: 0, failed: 0 }

const check = async (name, run) => {
  name = `${name} (Node ${nodeVersion})`
  try {
    await run()
    tally.passed += 1
    console.log(`newcomer ✓ ${name}`)
    return true
  } catch (error) {
    tally.failed += 1
    console.log(`newcomer ✗ ${name}: ${error instanceof Error ? error.message : error}`)
    return false
  }
}

const expect = (condition, message) => {
  if (!condition) throw new Error(message)
}

const readmeRunLine = () => {
  const line = readFileSync(path.join(repository, 'README.md'), 'utf8')
    .split('\n')
    .find((text) => text.includes('# run:'))
  expect(line, 'README has no line marked "# run:"')
  return line.slice(0, line.indexOf('#')).trim()
}

const portIsFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })

const withoutMarks = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')

const getJson = async (url, init) => {
  const response = await fetch(url, init)
  expect(response.ok, `${url} answered ${response.status}`)
  return response.json()
}

const folder = mkdtempSync(path.join(tmpdir(), 'truongso-newcomer-'))
const clone = path.join(folder, 'truongso')
let output = ''
let server

const started = await check('a fresh clone starts with the README run line under env -i (PATH, HOME)', async () => {
  expect(await portIsFree(3000), 'port 3000 is already taken on this machine')
  const cloned = spawnSync('git', ['clone', '--quiet', repository, clone], { encoding: 'utf8' })
  expect(cloned.status === 0, `git clone failed: ${cloned.stderr}`)
  const runLine = readmeRunLine()
  server = spawn('env', ['-i', `PATH=${PATH}`, `HOME=${process.env.HOME}`, 'bash', '-c', runLine], {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 15 * 60_000
  for (;;) {
    expect(server.exitCode === null, `"${runLine}" exited with ${server.exitCode}:\n${output.slice(-4000)}`)
    expect(Date.now() < deadline, `not ready within 15 minutes:\n${output.slice(-4000)}`)
    const ready = await fetch(`${base}/readyz`).then((response) => response.ok, () => false)
    if (ready) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
})

if (started) {
  const printedAccounts = () => [...output.matchAll(/^\| (\S+@\S+) +\|[^|]+\| (\S+) +\|/gm)].map(([, email, password]) => ({ email, password }))
  // The server's log is written asynchronously: on a busy machine its last lines, the accounts
  // among them, can reach the terminal a few seconds after the site is ready, as a person sees them.
  const printedBy = Date.now() + 30_000
  while (printedAccounts().length < 5 && Date.now() < printedBy) await new Promise((resolve) => setTimeout(resolve, 500))
  const accounts = printedAccounts()
  await check(`the start-up printed the demo accounts (${accounts.length})`, () =>
    expect(accounts.length >= 5, `fewer than five accounts printed 30 s after ready; the start-up wrote:\n${output.slice(-4000)}`),
  )
  for (const { email, password } of accounts) {
    await check(`${email} signs in with the printed password`, async () => {
      const { user } = await getJson(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      expect(user?.email === email, 'no user in the answer')
    })
  }

  const home = await fetch(`${base}/`).then((response) => response.text())
  await check('the home page lists the demo announcements', async () => {
    const { docs } = await getJson(`${base}/api/announcements?limit=3&sort=-publishedAt&depth=0`)
    expect(docs.length > 0, 'no announcements')
    expect(docs.some((doc) => home.includes(doc.title)), `none of ${docs.map((doc) => doc.title).join(' | ')} on /`)
  })
  await check('the home page lists the demo learning materials', async () => {
    const { docs } = await getJson(`${base}/api/learning-materials?limit=20&depth=0`)
    expect(docs.length > 0, 'no materials')
    expect(docs.some((doc) => home.includes(doc.title)), 'no material title on /')
  })
  await check('search finds a demo title typed without diacritics', async () => {
    const { docs } = await getJson(`${base}/api/learning-materials?limit=1&depth=0&sort=title`)
    const query = withoutMarks(docs[0].title)
    const { hits } = await getJson(`${base}/api/search?q=${encodeURIComponent(query)}`)
    expect(hits.some((hit) => hit.title === docs[0].title), `"${query}" did not find "${docs[0].title}"`)
  })
}

// An operator stops the server process itself (systemd's main PID, `kill`), and the run line
// it was started with must then end with 0: the launcher and npm pass the server's exit code on.
const serverProcess = () =>
  spawnSync('ps', ['-o', 'pid=,args=', '-g', String(server.pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => line.trim().match(/^(\d+) (.*)$/))
    .find((match) => match && match[2].includes('.server/server.mjs'))

if (server && server.exitCode === null) {
  await check('SIGTERM to the server ends the run line with exit code 0', async () => {
    const target = serverProcess()
    expect(target, 'no server process found')
    const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })))
    process.kill(Number(target[1]), 'SIGTERM')
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), 30_000))
    const result = await Promise.race([exited, timeout])
    expect(result.code === 0, `exit ${JSON.stringify(result)}:\n${output.slice(-2000)}`)
  })
}
if (server && server.exitCode === null) process.kill(-server.pid, 'SIGKILL')

rmSync(folder, { recursive: true, force: true })
if (tallyFile) writeFileSync(tallyFile, JSON.stringify(tally))
console.log(`newcomer: ${tally.passed} passed, ${tally.failed} failed`)
