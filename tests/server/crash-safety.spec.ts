/**
 * Crash safety: the real server is killed with SIGKILL while uploads, file replacements and
 * publishes are in flight, again and again. After each restart `files:check` and `search:check`
 * find no drift, and every change the server had confirmed before it died is there, its files
 * served.
 */
import { execFile } from 'node:child_process'
import sharp from 'sharp'

import { killServer, type RunningServer, startServer, stopServer } from '../helpers/server.js'

type Doc = { filename?: string; id: number; sizes?: Record<string, { filename?: null | string }>; title?: string }
type Confirmed = { collection: 'announcements' | 'media'; doc: Doc }

const rounds = 3

let server: RunningServer

const run = (script: string, env: RunningServer['env']): Promise<{ code: number; output: string }> =>
  new Promise((resolve) => {
    execFile('npm', ['run', '--silent', script], { env: env as NodeJS.ProcessEnv, timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    )
  })

const login = async (): Promise<string> => {
  const response = await fetch(`${server.url}/api/users/login`, {
    body: JSON.stringify({ email: 'admin@truongso.test', password: 'truongso-demo' }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  return ((await response.json()) as { token: string }).token
}

const photo = (n: number) =>
  sharp({ create: { width: 640 + (n % 7) * 16, height: 480, channels: 3, background: { r: (n * 37) % 256, g: (n * 91) % 256, b: (n * 53) % 256 } } })
    .jpeg()
    .toBuffer()

const filenamesOf = (doc: Doc): string[] => [doc.filename!, ...Object.values(doc.sizes ?? {}).flatMap((size) => (size.filename ? [size.filename] : []))]

/**
 * One editor's stream of work: upload a photo, replace one, publish an announcement, over and
 * over until the server dies under it. What the server confirmed is remembered.
 */
const work = async (token: string, worker: number, mediaIds: number[], confirmed: Confirmed[]) => {
  const headers = { Authorization: `JWT ${token}` }
  for (let n = worker * 1000; ; n += 1) {
    try {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(await photo(n))], { type: 'image/jpeg' }), `anh-${n}.jpg`)
      const kind = n % 3
      if (kind === 0 || mediaIds.length === 0) {
        form.append('_payload', JSON.stringify({ alt: `Ảnh số ${n}`, accessLevel: 'public' }))
        const response = await fetch(`${server.url}/api/media`, { body: form, headers, method: 'POST' })
        if (response.status !== 201) return
        const { doc } = (await response.json()) as { doc: Doc }
        mediaIds.push(doc.id)
        confirmed.push({ collection: 'media', doc })
      } else if (kind === 1) {
        const id = mediaIds[n % mediaIds.length]!
        form.append('_payload', JSON.stringify({ alt: `Ảnh thay số ${n}` }))
        const response = await fetch(`${server.url}/api/media/${id}`, { body: form, headers, method: 'PATCH' })
        if (response.status !== 200) return
        confirmed.push({ collection: 'media', doc: ((await response.json()) as { doc: Doc }).doc })
      } else {
        const response = await fetch(`${server.url}/api/announcements`, {
          body: JSON.stringify({ title: `Thông báo khẩn số ${n}`, category: 'notice', accessLevel: 'public', _status: 'published' }),
          headers: { ...headers, 'Content-Type': 'application/json' },
          method: 'POST',
        })
        if (response.status !== 201) return
        confirmed.push({ collection: 'announcements', doc: ((await response.json()) as { doc: Doc }).doc })
      }
    } catch {
      return
    }
  }
}

/** The latest confirmed state of each document: a later replacement supersedes an earlier one. */
const latest = (confirmed: Confirmed[]) => new Map(confirmed.map((entry) => [`${entry.collection}-${entry.doc.id}`, entry] as const))

afterAll(async () => {
  if (server) await stopServer(server)
})

it(
  `after ${rounds} kills during uploads, replacements and publishes, each restart finds files and index without drift and keeps what was confirmed`,
  async () => {
    server = await startServer()
    const mediaIds: number[] = []
    const confirmed: Confirmed[] = []
    for (let round = 0; round < rounds; round += 1) {
      const token = await login()
      const workers = [0, 1, 2].map((worker) => work(token, round * 10 + worker, mediaIds, confirmed))
      // Long enough for several writes to finish and others to be half-way.
      await new Promise((resolve) => setTimeout(resolve, 1500 + round * 700))
      await killServer(server)
      await Promise.all(workers)

      server = await startServer({ dataDir: server.dataDir, env: { DATABASE_URL: server.env.DATABASE_URL, MEILI_INDEX: server.env.MEILI_INDEX } })
      const files = await run('files:check', server.env)
      expect({ round, code: files.code, output: files.output.split('\n').filter((line) => /^\s+[-+]/.test(line)) }).toEqual({ round, code: 0, output: [] })
      const search = await run('search:check', { ...server.env, PORT: new URL(server.url).port })
      expect({ round, code: search.code }).toEqual({ round, code: 0 })

      const adminToken = await login()
      for (const { collection, doc } of latest(confirmed).values()) {
        const response = await fetch(`${server.url}/api/${collection}/${doc.id}?depth=0`, { headers: { Authorization: `JWT ${adminToken}` } })
        const now = (await response.json()) as Doc
        expect({ collection, id: doc.id, status: response.status }).toEqual({ collection, id: doc.id, status: 200 })
        if (collection === 'media') {
          // A replacement confirmed later in the same round may have superseded it on disk.
          for (const name of filenamesOf(now)) {
            const file = await fetch(`${server.url}/api/media/file/${encodeURIComponent(name)}`, { headers: { Authorization: `JWT ${adminToken}` } })
            await file.arrayBuffer()
            expect({ name, status: file.status }).toEqual({ name, status: 200 })
          }
        } else expect(now.title).toBe(doc.title)
      }
    }
    expect(confirmed.length).toBeGreaterThan(rounds)
  },
  20 * 60_000,
)
