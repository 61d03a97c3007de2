import type { Request, RequestHandler, Response } from 'express'

import { ipKeyGenerator } from 'express-rate-limit'
import { performance } from 'node:perf_hooks'

import { overridesToGet } from './bodyLimits.js'
import { staffIdOf } from './staffToken.js'
import { visitorHeader, vouchedAddress, vouchFor } from './visitorHeader.js'

/** How much of the server one client may use; see README "Connections and limits". */
export type CostBudgetSettings = {
  /** Milliseconds of the server's time an anonymous client may spend at once. @default 1_000 */
  burstMs: number
  /**
   * Milliseconds it earns back each second: the share of the server a client keeps for as long as
   * others are using it too. @default 100 (a tenth of the one thread that answers everyone)
   */
  refillMsPerSecond: number
  /** Signed-in staff get this many times the burst, the refill and the requests at once. @default 8 */
  staffFactor: number
  /** Longest a request waits for its client's budget before it is answered 429. @default 3_000 */
  maxWaitMs: number
  /** Another client counts as present this long after its last request. @default 2_000 */
  presenceMs: number
}

const positive = (value: string | undefined): number | undefined => (Number(value) > 0 ? Number(value) : undefined)

/** The settings, with `COST_BUDGET_BURST_MS`, `COST_BUDGET_REFILL_MS` and `COST_BUDGET_STAFF_FACTOR`. */
export const costBudgetSettings = (env: Record<string, string | undefined> = process.env): CostBudgetSettings => ({
  burstMs: positive(env.COST_BUDGET_BURST_MS) ?? 1_000,
  refillMsPerSecond: positive(env.COST_BUDGET_REFILL_MS) ?? 100,
  staffFactor: positive(env.COST_BUDGET_STAFF_FACTOR) ?? 8,
  maxWaitMs: 3_000,
  presenceMs: 2_000,
})

/**
 * Expensive requests an anonymous client may run at once (staff: `staffFactor` times more). One
 * thread answers them all, so more at once would not be faster, only take a larger share from
 * others. Alone, a client may run these even with its budget spent: the server would idle
 * otherwise, and a visitor who then arrives waits behind at most these.
 */
const maxRunning = 4

/** What a client's first expensive request is assumed to cost, before any was measured. */
const firstEstimateMs = 50

/** A bucket that has not been touched for this long is full again, and forgotten. */
const forgetAfterMs = 10 * 60_000

/**
 * Node cannot say how much CPU one request used when many interleave on its one thread; it can say
 * how long that thread was busy. That time is shared out equally among the expensive requests in
 * flight, each charged its share from start to end: a virtual clock that advances by busy time ÷
 * requests in flight. A client's requests together pay for the time they held the thread.
 */
class LoopShares {
  private sharedMs = 0
  private inFlight = 0
  private lastActiveMs = performance.eventLoopUtilization().active

  private advance(): void {
    const { active } = performance.eventLoopUtilization()
    if (this.inFlight > 0) this.sharedMs += (active - this.lastActiveMs) / this.inFlight
    this.lastActiveMs = active
  }

  /** Starts counting one request's share; the function returned stops it and says how much it was. */
  begin(): () => number {
    this.advance()
    this.inFlight++
    const from = this.sharedMs
    return () => {
      this.advance()
      this.inFlight--
      return this.sharedMs - from
    }
  }
}

/** How many of something each client has, and all of them together. */
class Tally {
  private byKey = new Map<string, number>()
  total = 0

  of(key: string): number {
    return this.byKey.get(key) ?? 0
  }

  add(key: string): void {
    this.byKey.set(key, this.of(key) + 1)
    this.total++
  }

  remove(key: string): void {
    const left = this.of(key) - 1
    if (left > 0) this.byKey.set(key, left)
    else this.byKey.delete(key)
    this.total--
  }
}

type Bucket = {
  balanceMs: number
  updatedAt: number
  /** What its next request will likely cost: reserved on admission, settled at the end. */
  estimateMs: number
  running: number
  maxRunning: number
  burstMs: number
  refillPerMs: number
  /** Requests waiting for this bucket, woken when one of its requests ends. */
  waiters: Set<() => void>
}

/** Whether a request under `/api` is one of the expensive kinds that share the budget. */
const expensiveKind = (req: Request, collections: ReadonlySet<string>): boolean => {
  if (/^\/(graphql|search)\/?$/.test(req.path)) return true
  const list = req.path.match(/^\/([^/]+)(?:\/versions)?\/?$/)
  if (!list || !collections.has(list[1]!)) return false
  if (overridesToGet(req)) return true
  // Payload's default depth is 2: only an explicit 0 lists without populating.
  return (req.method === 'GET' || req.method === 'HEAD') && req.query.depth !== '0'
}

/**
 * Whether a request keeps the thread busy while it is answered: a file streaming to a slow phone
 * or a static asset does not, and must not hold back others for minutes.
 */
const occupiesTheThread = (req: Request): boolean => !/^\/(_next\/static|api\/[^/]+\/file)\//.test(req.path)

/**
 * Whose budget a request draws on (`key`: a staff member, or an address), and where it comes
 * from (`place`: the address, IPv6 by its /56). "Others" are other places: a teacher and the
 * anonymous requests of her own network do not hold each other back.
 */
type Client = { key: string; place: string; staff: boolean }

const clientOf = (res: Response): Client | undefined => res.locals?.costClient as Client | undefined

/** The client's address; an IPv4 client of a dual-stack socket arrives as `::ffff:a.b.c.d`. */
const addressOf = (req: Request): string => (req.ip ?? 'unknown').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')

/** Whom a response was for, as the budget knows them (for the access log). */
export const budgetClientOf = (res: object): string | undefined => clientOf(res as Response)?.key

/**
 * Where the request really comes from (an IPv6 client by its /56): for the website's own calls,
 * the visitor it vouched for, not loopback.
 */
export const clientPlaceOf = (res: object): string | undefined => clientOf(res as Response)?.place

/**
 * A token bucket per client, filled with milliseconds of the server's time and drawn by what each
 * expensive request (GraphQL, search, lists that populate) actually cost: measured, not counted,
 * so one heavy query weighs what a hundred light ones do. While others use the server, a client
 * runs fewer requests at once as its budget runs down; past half of it, only in the gaps between
 * others' requests; spent, it waits for the refill (up to `maxWaitMs`, then 429 with Retry-After).
 * A client alone may use the whole server, a few requests at a time: nobody is waiting.
 *
 * `identify` runs first on every request: it names the client (a signed-in staff member, or the
 * address — the one the website vouches for on its own calls) and tells the website whom it
 * serves. `charge` runs before the expensive endpoints, after answers kept in memory.
 */
export const costBudget = ({
  collections,
  secret,
  settings = costBudgetSettings(),
  logger,
}: {
  /** Collection slugs: `/api/<slug>` is a list. */
  collections: Iterable<string>
  /** Payload's derived secret, which signs its tokens. */
  secret: string
  settings?: CostBudgetSettings
  /** Told when a client is made to wait or refused (its identical lines are counted, not repeated). */
  logger?: { warn: (message: string) => void }
}): { charge: RequestHandler; identify: RequestHandler } => {
  const slugs = new Set(collections)
  const loop = new LoopShares()
  const buckets = new Map<string, Bucket>()
  /** Requests in flight (those that occupy the thread) by place, waiting ones included. */
  const inFlight = new Tally()
  /** Of those, the ones waiting for their budget: they hold nothing back. */
  const waiting = new Tally()
  /** The two places seen last, latest first: enough to tell whether anyone else is here. */
  let latest: Array<{ at: number; place: string }> = []

  const note = (place: string, now: number) => {
    latest = [{ at: now, place }, ...latest.filter((seen) => seen.place !== place)].slice(0, 2)
  }

  const othersBusy = (place: string): boolean => inFlight.total - waiting.total > inFlight.of(place) - waiting.of(place)

  const othersHere = (place: string, now: number): boolean =>
    othersBusy(place) || latest.some((seen) => seen.place !== place && now - seen.at < settings.presenceMs)

  const refill = (bucket: Bucket, now: number) => {
    bucket.balanceMs = Math.min(bucket.burstMs, bucket.balanceMs + (now - bucket.updatedAt) * bucket.refillPerMs)
    bucket.updatedAt = now
  }

  const bucketOf = ({ key, staff }: Client, now: number): Bucket => {
    let bucket = buckets.get(key)
    if (!bucket) {
      const factor = staff ? settings.staffFactor : 1
      bucket = {
        balanceMs: settings.burstMs * factor,
        updatedAt: now,
        estimateMs: firstEstimateMs,
        running: 0,
        maxRunning: maxRunning * factor,
        burstMs: settings.burstMs * factor,
        refillPerMs: (settings.refillMsPerSecond * factor) / 1000,
        waiters: new Set(),
      }
      buckets.set(key, bucket)
    }
    return bucket
  }

  const forgetIdle = setInterval(() => {
    const now = Date.now()
    for (const [key, bucket] of buckets) {
      if (bucket.running === 0 && bucket.waiters.size === 0 && now - bucket.updatedAt > forgetAfterMs) buckets.delete(key)
    }
  }, 60_000)
  forgetIdle.unref()

  /**
   * How many expensive requests the client may have running now. Alone: `maxRunning`. With others
   * here: fewer as its budget runs down, none once spent; and once it has spent half its burst,
   * only while no other client's request is being answered — its work goes into the gaps.
   */
  const allowedRunning = (place: string, bucket: Bucket, now: number): number => {
    if (!othersHere(place, now)) return bucket.maxRunning
    if (bucket.balanceMs <= 0 || (bucket.balanceMs < bucket.burstMs / 2 && othersBusy(place))) return 0
    return Math.ceil((bucket.maxRunning * bucket.balanceMs) / bucket.burstMs)
  }

  /** Resolves once the request may run (`true`), with the seconds to retry after, or `false` when the client left. */
  const turn = async (client: Client, bucket: Bucket, res: Response): Promise<boolean | number> => {
    const now = Date.now()
    refill(bucket, now)
    if (bucket.running < allowedRunning(client.place, bucket, now)) return true
    waiting.add(client.place)
    logger?.warn(`Ngân sách chi phí: ${client.key} phải chờ / cost budget: ${client.key} made to wait`)
    try {
      return await waitForTurn(client, bucket, res, now + settings.maxWaitMs)
    } finally {
      waiting.remove(client.place)
    }
  }

  const waitForTurn = async (client: Client, bucket: Bucket, res: Response, deadline: number): Promise<boolean | number> => {
    for (;;) {
      const now = Date.now()
      refill(bucket, now)
      if (bucket.running < allowedRunning(client.place, bucket, now)) return true
      const untilRefilledMs = Math.max(0, -bucket.balanceMs / bucket.refillPerMs)
      if (now >= deadline) return Math.max(1, Math.ceil(untilRefilledMs / 1000))
      // Woken when one of its own requests ends, and at least every 50 ms: others may be done.
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          bucket.waiters.delete(wake)
          resolve()
        }
        const timer = setTimeout(wake, Math.max(5, Math.min(untilRefilledMs, deadline - now, 50)))
        bucket.waiters.add(wake)
      })
      if (res.destroyed) return false
    }
  }

  /** What to do when a charged request ends: settle its cost. */
  const onEnd = new WeakMap<Response, () => void>()

  const identify: RequestHandler = (req, res, next) => {
    const staff = staffIdOf(req.headers, secret)
    const address = vouchedAddress(req.headers[visitorHeader]) ?? addressOf(req)
    const place = ipKeyGenerator(address)
    const client: Client = { key: staff ? `staff ${staff}` : place, place, staff: Boolean(staff) }
    res.locals.costClient = client
    note(place, Date.now())
    const occupies = occupiesTheThread(req)
    if (occupies) inFlight.add(place)
    // A response carries a 'close' listener for each part of the chain that acts at its end
    // (logging, caching, the body deadline, this budget) and a stream pipeline adds its own: past
    // Node's default of ten that is the chain, not a leak.
    res.setMaxListeners(Math.max(res.getMaxListeners(), 20))
    res.once('close', () => {
      if (occupies) inFlight.remove(place)
      onEnd.get(res)?.()
    })
    // Whatever a client sent in this header is replaced: only this process vouches for addresses.
    req.headers[visitorHeader] = vouchFor(address)
    next()
  }

  const charge: RequestHandler = async (req, res, next) => {
    const client = clientOf(res)
    if (!client || !expensiveKind(req, slugs)) return next()
    const bucket = bucketOf(client, Date.now())
    const outcome = await turn(client, bucket, res)
    if (outcome === false) return
    if (outcome !== true) {
      logger?.warn(`Ngân sách chi phí: ${client.key} bị từ chối (429) / cost budget: ${client.key} refused (429)`)
      res.status(429).set('Retry-After', String(outcome)).json({
        errors: [
          {
            message: `Máy chủ đang bận với các yêu cầu nặng từ địa chỉ của bạn; vui lòng thử lại sau ${outcome} giây. / The server is busy with heavy requests from your address; please try again in ${outcome} s.`,
          },
        ],
      })
      return
    }
    const reservedMs = bucket.estimateMs
    bucket.balanceMs -= reservedMs
    bucket.running++
    const end = loop.begin()
    onEnd.set(res, () => {
      const costMs = end()
      const now = Date.now()
      bucket.running--
      refill(bucket, now)
      // Debt is capped at one burst: a client that had the server to itself is not locked out for long.
      bucket.balanceMs = Math.max(-bucket.burstMs, bucket.balanceMs + reservedMs - costMs)
      bucket.estimateMs = (bucket.estimateMs + costMs) / 2
      note(client.place, now)
      for (const wake of [...bucket.waiters]) wake()
    })
    next()
  }

  return { charge, identify }
}
