import type { Payload, Where } from 'payload'

import type { SearchEngine } from '../../src/plugins/search/engines/types.js'

import { defaultQueue, syncAttempts } from '../../src/plugins/search/defaults.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { pendingWarmup } from '../../src/plugins/search/warmup.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import {
  type Accounts,
  createAccounts,
  driftOf,
  failedSearchJobs,
  pendingSearchJobs,
  runSearchQueue,
  search,
  searchResponse,
} from './support.js'

let payload: Payload
let accounts: Accounts
let engine: SearchEngine

beforeAll(async () => {
  payload = await bootPayload('search-recovery')
  accounts = await createAccounts(payload, 'recovery')
  engine = searchSettingsOf(payload).engine
})
afterAll(async () => shutdownPayload(payload))

const asReviewer = () => ({ depth: 0, overrideAccess: false, user: accounts.reviewer.user })

/**
 * Makes the engine's writes throw for their first `times` calls (upserts and removals together),
 * as a Meilisearch server that is down and then comes back would. Returns how many calls failed.
 */
const failEngineWrites = (times: number) => {
  const original = { remove: engine.remove, upsert: engine.upsert }
  let failed = 0
  const guard = <T extends unknown[]>(write: (...args: T) => Promise<void>) =>
    async (...args: T): Promise<void> => {
      if (failed < times) {
        failed++
        throw new Error(`search engine unreachable (failure ${failed} of ${times})`)
      }
      return write(...args)
    }
  engine.upsert = guard(original.upsert)
  engine.remove = guard(original.remove)
  return {
    failures: () => failed,
    restore: () => Object.assign(engine, original),
  }
}

const pendingWhere: Where = {
  and: [{ queue: { equals: defaultQueue } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
}

/** When the retries of waiting jobs are due, at the latest. */
const latestRetry = async (): Promise<Date | undefined> => {
  const { docs } = await payload.find({ collection: 'payload-jobs', limit: 0, overrideAccess: true, pagination: false, where: pendingWhere })
  const times = docs.flatMap((job) => (job.waitUntil ? [new Date(job.waitUntil).getTime()] : []))
  return times.length ? new Date(Math.max(...times)) : undefined
}

/**
 * Runs the queue round after round, as the server's cron would over time, making every backoff
 * due at once instead of waiting it out. Returns how many rounds it took.
 */
const runUntilSettled = async (maxRounds = 3 * syncAttempts): Promise<number> => {
  for (let round = 1; round <= maxRounds; round++) {
    await payload.jobs.run({ limit: 1000, queue: defaultQueue, silent: true })
    if ((await pendingSearchJobs(payload)) === 0) return round
    await payload.update({
      collection: 'payload-jobs',
      data: { waitUntil: new Date(0).toISOString() },
      overrideAccess: true,
      where: pendingWhere,
    })
  }
  throw new Error(`search jobs still pending after ${maxRounds} rounds`)
}

const publish = (title: string) =>
  payload.create({
    collection: 'learning-materials',
    data: { _status: 'published', accessLevel: 'public', materialType: 'game', title },
    ...asReviewer(),
  })

const foundIds = async (q: string) =>
  (await search(payload, { limit: '50', q }, { token: accounts.admin.token })).hits.map((hit) => hit.id)

describe('an engine that fails for a while, then recovers', () => {
  it.each([[1], [4], [9]])('loses no update when its first %i writes fail', async (times) => {
    const tag = `Lần ${times}`
    const kept = await publish(`Trò chơi dân gian: Ô ăn quan – ${tag}`)
    const unpublished = await publish(`Trò chơi dân gian: Bịt mắt bắt dê – ${tag}`)
    const deleted = await publish(`Trò chơi dân gian: Mèo đuổi chuột – ${tag}`)
    await runSearchQueue(payload)
    expect(await driftOf(payload)).toMatchObject({ inSync: true })

    const outage = failEngineWrites(times)
    try {
      // Every editor's save succeeds while the engine is down.
      const added = await publish(`Trò chơi dân gian: Rồng rắn lên mây – ${tag}`)
      await expect(
        payload.update({ collection: 'learning-materials', data: { _status: 'draft' }, id: unpublished.id, ...asReviewer() }),
      ).resolves.toMatchObject({ _status: 'draft' })
      await expect(
        payload.update({ collection: 'learning-materials', data: { title: `Trò chơi dân gian: Ô ăn quan đổi tên – ${tag}` }, id: kept.id, ...asReviewer() }),
      ).resolves.toMatchObject({ _status: 'published' })
      await expect(payload.update({ collection: 'learning-materials', id: deleted.id, data: { deletedAt: new Date().toISOString() }, ...asReviewer() })).resolves.toMatchObject({ id: deleted.id })

      const rounds = await runUntilSettled()
      expect(outage.failures()).toBe(times)
      expect(rounds).toBeGreaterThan(1)
      expect(await pendingSearchJobs(payload)).toBe(0)
      expect(await failedSearchJobs(payload)).toBe(0)
      expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })

      expect(await foundIds(`Rồng rắn lên mây ${tag}`)).toContain(`learning-materials-${added.id}`)
      expect(await foundIds(`Ô ăn quan đổi tên ${tag}`)).toContain(`learning-materials-${kept.id}`)
      expect(await foundIds(`Bịt mắt bắt dê ${tag}`)).not.toContain(`learning-materials-${unpublished.id}`)
      expect(await foundIds(`Mèo đuổi chuột ${tag}`)).not.toContain(`learning-materials-${deleted.id}`)
    } finally {
      outage.restore()
    }
  })

  it('waits with a growing backoff before retrying, instead of retrying at once', async () => {
    const outage = failEngineWrites(3)
    try {
      const { id } = await publish('Trò chơi: Nhảy bao bố')
      const delays: number[] = []
      for (let attempt = 1; attempt <= 2; attempt++) {
        const ranAt = Date.now()
        await payload.jobs.run({ limit: 1000, queue: defaultQueue, silent: true })
        delays.push(((await latestRetry())?.getTime() ?? 0) - ranAt)

        // Run again right away: the job is not due, so nothing runs and nothing is lost.
        await payload.jobs.run({ limit: 1000, queue: defaultQueue, silent: true })
        expect(outage.failures()).toBe(attempt)
        expect(await pendingSearchJobs(payload)).toBe(1)
        await payload.update({ collection: 'payload-jobs', data: { waitUntil: new Date(0).toISOString() }, overrideAccess: true, where: pendingWhere })
      }
      expect(delays[0]).toBeGreaterThanOrEqual(900)
      expect(delays[1]).toBeGreaterThan(delays[0] + 500)

      await runUntilSettled()
      expect(outage.failures()).toBe(3)
      expect(await foundIds('nhảy bao bố')).toContain(`learning-materials-${id}`)
    } finally {
      outage.restore()
    }
  })
})

describe('an engine that stays down longer than every retry', () => {
  it('leaves the job failed where the operator sees it, and check and reindex repair the index', async () => {
    const outage = failEngineWrites(Number.POSITIVE_INFINITY)
    const { id } = await publish('Trò chơi: Thả đỉa ba ba')
    try {
      await expect(runUntilSettled()).resolves.toBeGreaterThan(syncAttempts)
    } finally {
      outage.restore()
    }
    expect(await failedSearchJobs(payload)).toBe(1)
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: false, missing: [`learning-materials-${id}`] })

    const check = await rest(payload, '/search/check', { token: accounts.admin.token })
    expect(await check.json()).toMatchObject({ inSync: false, missing: [`learning-materials-${id}`] })
    expect((await rest(payload, '/search/reindex', { method: 'POST', token: accounts.admin.token })).status).toBe(200)
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
    expect(await foundIds('thả đỉa ba ba')).toContain(`learning-materials-${id}`)
  })
})

describe('a search while the engine is down', () => {
  it('answers 503 with a Vietnamese message, and answers again once the engine is back', async () => {
    const original = engine.search
    engine.search = async () => {
      throw new Error('search engine unreachable')
    }
    try {
      const response = await searchResponse(payload, { q: 'trò chơi' }, { headers: { 'Accept-Language': 'vi' } })
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({ errors: [{ message: 'Tạm thời không tìm kiếm được. Vui lòng thử lại sau ít phút.' }] })
    } finally {
      engine.search = original
    }
    expect((await search(payload, { q: 'trò chơi' })).total).toBeGreaterThan(0)
  })
})

describe('an index still being built at start', () => {
  const settings = () => searchSettingsOf(payload)
  const warmUp = (build: () => Promise<void>) => {
    const warmup = pendingWarmup(build)
    warmup.begin()
    return warmup
  }

  it('holds a search until the build completes, then answers it', async () => {
    let finishBuild = () => undefined as void
    settings().warmup = warmUp(() => new Promise<void>((resolve) => (finishBuild = resolve)))
    const answer = searchResponse(payload, { q: 'trò chơi' })
    setTimeout(() => finishBuild(), 200)
    expect((await answer).status).toBe(200)
  })

  it('answers 503 in Vietnamese while the build cannot complete, and searches again after a reindex', async () => {
    settings().warmup = warmUp(async () => {
      throw new Error('database unreachable during the start-up build')
    })
    const response = await searchResponse(payload, { q: 'trò chơi' }, { headers: { 'Accept-Language': 'vi' } })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(await response.json()).toEqual({ errors: [{ message: 'Hệ thống tìm kiếm đang khởi động lại. Vui lòng thử lại sau vài giây.' }] })

    expect((await rest(payload, '/search/reindex', { method: 'POST', token: accounts.admin.token })).status).toBe(200)
    expect((await search(payload, { q: 'trò chơi' })).total).toBeGreaterThan(0)
  })
})
