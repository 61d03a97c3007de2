import type { Payload } from 'payload'

import { searchSettingsOf } from './settingsOf.js'

/**
 * Whether the index holds every entry yet. The embedded index is rebuilt from the database at
 * each start, in the background so the site serves meanwhile; a persistent engine is warm at once.
 */
export type IndexWarmup = { begin: () => void; done: boolean; failed?: boolean; finished: Promise<void> }

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
