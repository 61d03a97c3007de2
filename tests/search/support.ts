/**
 * What the search suites share: running the search queue to the end, asking `/api/search` as a
 * given reader, comparing the index with the database, and one account per role.
 */
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { Role } from '../../src/access/accessLevels.js'
import type { FacetName, SearchHit } from '../../src/plugins/search/engines/types.js'
import type { DriftReport } from '../../src/plugins/search/ops.js'
import type { User } from '../../src/payload-types.js'

import { mediaTextQueue } from '../../src/collections/Media/jobs/extractMediaText.js'
import { defaultQueue } from '../../src/plugins/search/defaults.js'
import { checkDrift } from '../../src/plugins/search/ops.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { rest, tokenFor } from '../helpers/api.js'

/** The body of a 200 from `/api/search`. */
export type SearchAnswer = {
  facets: Partial<Record<FacetName, Record<string, number>>>
  hits: SearchHit[]
  limit: number
  page: number
  q: string
  timing: { engineMs: number; totalMs: number }
  total: number
  totalPages: number
}

/**
 * Runs the queues that feed the index, as the server does, until nothing is left to run now: the
 * reading of uploaded files' text (which queues the documents using them), then the search
 * updates (a sweep queues syncs of its own).
 */
export const runSearchQueue = async (payload: Payload): Promise<void> => {
  for (let round = 0; round < 20; round++) {
    const files = await payload.jobs.run({ limit: 1000, queue: mediaTextQueue, silent: true })
    const { noJobsRemaining } = await payload.jobs.run({ limit: 1000, queue: defaultQueue, silent: true })
    if (noJobsRemaining && files.noJobsRemaining) return
  }
  throw new Error('the search queue never emptied')
}

/** Jobs of the search queue that have neither completed nor failed for good. */
export const pendingSearchJobs = async (payload: Payload): Promise<number> =>
  (
    await payload.count({
      collection: 'payload-jobs',
      overrideAccess: true,
      where: {
        and: [
          { queue: { equals: defaultQueue } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
    })
  ).totalDocs

/** Search jobs that gave up: whatever they carried never reached the index. */
export const failedSearchJobs = async (payload: Payload): Promise<number> =>
  (
    await payload.count({
      collection: 'payload-jobs',
      overrideAccess: true,
      where: { and: [{ queue: { equals: defaultQueue } }, { hasError: { equals: true } }] },
    })
  ).totalDocs

/** `checkDrift` as the operator runs it. */
export const driftOf = async (payload: Payload): Promise<DriftReport> =>
  checkDrift(searchSettingsOf(payload), await createLocalReq({}, payload))

/** Calls `/api/search` with the given parameters; `params` may be a raw query string. */
export const searchResponse = async (
  payload: Payload,
  params: Record<string, string> | string,
  { headers, token }: { headers?: Record<string, string>; token?: string } = {},
): Promise<Response> => {
  const query = typeof params === 'string' ? params : new URLSearchParams(params).toString()
  return rest(payload, `/search?${query}`, { headers, token })
}

/** A search that must succeed; returns its answer. */
export const search = async (
  payload: Payload,
  params: Record<string, string> | string,
  options: { headers?: Record<string, string>; token?: string } = {},
): Promise<SearchAnswer> => {
  const response = await searchResponse(payload, params, options)
  if (response.status !== 200) throw new Error(`search ${JSON.stringify(params)} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as SearchAnswer
}

/** The titles a query finds, best first. */
export const titlesFor = async (payload: Payload, q: string, token?: string, limit = 50): Promise<string[]> =>
  (await search(payload, { limit: String(limit), q }, { token })).hits.map((hit) => hit.title)

export const password = 'mat-khau-thu-nghiem-123'

export type Account = { token: string; user: User }
export type Accounts = Record<Role, Account>

/** One account per role, the first (admin) made without a user, the others by that admin. */
export const createAccounts = async (payload: Payload, tag: string): Promise<Accounts> => {
  const roles: Role[] = ['admin', 'reviewer', 'teacher', 'staff', 'parent']
  const accounts: Partial<Accounts> = {}
  for (const role of roles) {
    const email = `${role}.${tag}@truongso.test`
    const user = await payload.create({
      collection: 'users',
      data: { email, name: `Người dùng ${role}`, password, roles: [role] },
      depth: 0,
      overrideAccess: !accounts.admin,
      ...(accounts.admin ? { user: accounts.admin.user } : {}),
    })
    accounts[role] = { token: await tokenFor(payload, email, password), user }
  }
  return accounts as Accounts
}
