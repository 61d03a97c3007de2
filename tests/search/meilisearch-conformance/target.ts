/**
 * A Meilisearch to hold the conformance cases against: the fake, always, and a real server when
 * `MEILI_HOST` and `MEILI_MASTER_KEY` are set (the GitHub workflow runs Meilisearch 1.19). Every
 * case gets indexes and keys of its own, named after the run, and removes them afterwards.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

import { startFakeMeilisearch } from '../fakeMeilisearch.js'

export type Answer = { body: any; status: number }

/** Who a request is sent as: the master key, no key, or a given key or token. */
export type As = 'master' | 'none' | { bearer: string }

export type Call = {
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  path: string
  /** Sent as JSON. */
  body?: unknown
  /** Sent as it is, for bodies that are not JSON or very large. */
  raw?: Buffer | string
  as?: As
}

export type Task = { error: { code: string; message: string } | null; status: string; uid: number }

export type Target = {
  name: string
  url: string
  masterKey: string
  call: (call: Call) => Promise<Answer>
  /** Waits for a task to finish (succeeded, failed or canceled). */
  waitTask: (uid: number) => Promise<Task>
  /** A fresh index uid of this run. */
  newIndexUid: () => string
  /** Removes every index and key this run created. */
  cleanUp: () => Promise<void>
  close: () => Promise<void>
}

/**
 * A body of 100 MB sent on a connection of its own, as it is (no copy), and the whole answer read.
 * Through fetch's shared pool, on a jest worker that had run some forty suites, both such cases
 * ended in "read ECONNRESET" after 6–8 s in two CI runs in a row, never alone.
 */
const sendLarge = (url: URL, method: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(url, { agent: false, headers: { ...headers, 'content-length': String(body.length) }, method }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })

const connect = (name: string, url: string, masterKey: string, close: () => Promise<void>): Target => {
  const run = `conformance_${Date.now()}_${randomBytes(2).toString('hex')}`
  let count = 0
  const created = new Set<string>()
  const call = async ({ as = 'master', body, method, path, raw }: Call): Promise<Answer> => {
    const bearer = as === 'master' ? masterKey : as === 'none' ? undefined : as.bearer
    const headers = { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), 'content-type': 'application/json' }
    const response = Buffer.isBuffer(raw)
      ? await sendLarge(new URL(`${url}${path}`), method, headers, raw)
      : await fetch(`${url}${path}`, { body: raw ?? (body === undefined ? undefined : JSON.stringify(body)), headers, method }).then(async (answer) => ({
          status: answer.status,
          text: await answer.text(),
        }))
    const text = response.text
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      parsed = text
    }
    if (method === 'POST' && /^\/keys$/.test(path) && response.status === 201) created.add(`key:${(parsed as { uid: string }).uid}`)
    return { body: parsed, status: response.status }
  }
  const waitTask = async (uid: number): Promise<Task> => {
    for (let interval = 5; ; interval = Math.min(interval * 2, 200)) {
      const { body } = await call({ method: 'GET', path: `/tasks/${uid}` })
      if (!['enqueued', 'processing'].includes(body.status)) return body as Task
      await new Promise((resolve) => setTimeout(resolve, interval))
    }
  }
  return {
    call,
    cleanUp: async () => {
      const { body } = await call({ method: 'GET', path: '/indexes?limit=1000' })
      for (const index of (body.results ?? []) as { uid: string }[]) {
        if (index.uid.startsWith(run)) await waitTask((await call({ method: 'DELETE', path: `/indexes/${index.uid}` })).body.taskUid)
      }
      for (const entry of created) await call({ method: 'DELETE', path: `/keys/${entry.slice(4)}` })
      created.clear()
    },
    close,
    masterKey,
    name,
    newIndexUid: () => `${run}_${++count}`,
    url,
    waitTask,
  }
}

/** The fake, and the real server when the environment names one with its master key. */
export const targetNames = (): string[] => ['fake', ...(process.env.MEILI_HOST && process.env.MEILI_MASTER_KEY ? ['real server'] : [])]

export const startTarget = async (name: string): Promise<Target> => {
  if (name === 'fake') {
    const fake = await startFakeMeilisearch()
    return connect(name, fake.url, fake.masterKey, fake.close)
  }
  return connect(name, (process.env.MEILI_HOST ?? '').replace(/\/+$/, ''), process.env.MEILI_MASTER_KEY ?? '', async () => undefined)
}

/** A tenant token signed HS256 with `secret`, made by hand so the cases do not trust the code under test. */
export const signToken = (secret: string, claims: Record<string, unknown>): string => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}
