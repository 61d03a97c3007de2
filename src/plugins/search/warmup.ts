import type { Payload } from 'payload'

import type { SearchEngine } from './engines/types.js'

import { searchSettingsOf } from './settingsOf.js'

/**
 * Whether the index can answer, and is complete. The embedded index is rebuilt from the database
 * at each start, in the background so the site serves meanwhile; a persistent engine is set up in
 * the background (its index created, its settings applied).
 */
export type IndexWarmup = {
  begin: () => void
  /** Searches are answered. */
  done: boolean
  /** It gave up: the site serves, searches answer 503 until an operator's reindex. */
  failed?: boolean
  /** Settles once the index is complete and every setting in force. */
  finished: Promise<void>
  /** Why the index is not in order yet (set up still, or settings being applied), for `/readyz`. */
  pending?: string
}

/** The state of an index that needs no warm-up, or has just been rebuilt whole. */
export const warm = (): IndexWarmup => ({ begin: () => undefined, done: true, finished: Promise.resolve() })

/** A warm-up that runs `build` once `begin` is called. */
export const pendingWarmup = (build: () => Promise<void>): IndexWarmup => {
  let begin = () => undefined as void
  const begun = new Promise<void>((resolve) => (begin = resolve))
  const warmup: IndexWarmup = { begin, done: false, finished: Promise.resolve() }
  warmup.finished = begun.then(build).then(
    () => {
      warmup.done = true
    },
    (error: unknown) => {
      warmup.failed = true
      throw error
    },
  )
  return warmup
}

/** For a plugin set up with `buildIndexOnInit: false`: starts building the index now. */
export const beginIndexWarmup = (payload: Payload): void => searchSettingsOf(payload).warmup.begin()

/** Waits for the warm-up at most `ms`; true when the index is complete. */
export const warmWithin = async (warmup: IndexWarmup, ms: number): Promise<boolean> => {
  if (warmup.done) return true
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))
  await Promise.race([warmup.finished.catch(() => undefined), timeout])
  clearTimeout(timer)
  return warmup.done
}

/** Waits before the next attempt of a background set-up, doubling up to this. */
export type SetupBackoff = { firstMs: number; maxMs: number }

const defaultBackoff: SetupBackoff = { firstMs: 1000, maxMs: 5 * 60_000 }

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Sets a persistent engine up in the background, so the server starts whatever state the engine
 * is in: unreachable, refusing its key, or busy applying settings to a large index. A failed
 * attempt is logged and tried again with a growing pause (an operator may fix the key or the
 * server meanwhile). Searches are answered as soon as the engine can (with the settings the
 * index had, while new ones are applied); `/readyz` says what is still pending.
 */
export const setUpInBackground = (
  engine: SearchEngine,
  logger: Payload['logger'],
  backoff: SetupBackoff = defaultBackoff,
): IndexWarmup => {
  const warmup: IndexWarmup = { begin: () => undefined, done: false, finished: Promise.resolve(), pending: `search engine ${engine.name} being set up` }
  warmup.finished = (async () => {
    for (let attempt = 1, wait = backoff.firstMs; ; attempt++, wait = Math.min(wait * 2, backoff.maxMs)) {
      try {
        const report = await engine.setup()
        if (report.missing.length > 0) {
          logger.warn(`search: the ${engine.name} key may not do what search needs: ${report.missing.join('; ')}`)
        }
        warmup.done = true
        warmup.pending = report.pending
        if (report.pending) logger.info(`search: ${report.pending}; searches use the previous settings meanwhile`)
        try {
          await report.settled
        } catch (error) {
          warmup.failed = true
          warmup.pending = undefined
          logger.error({ err: error, msg: 'search: the new index settings could not be applied; searches keep the previous ones' })
          throw error
        }
        warmup.pending = undefined
        if (attempt > 1 || report.pending) logger.info(`search: ${engine.name} is set up`)
        return
      } catch (error) {
        if (warmup.done) throw error
        warmup.pending = `search engine ${engine.name} not set up: ${messageOf(error)}`
        logger.warn({ err: error, msg: `search: setting up ${engine.name} failed (attempt ${attempt}); trying again in ${Math.round(wait / 1000)} s` })
        await pause(wait)
      }
    }
  })()
  // The outcome is logged above; readiness and searches read the flags.
  warmup.finished.catch(() => undefined)
  return warmup
}
