/**
 * Whether the index holds every entry yet. The embedded index is rebuilt from the database at
 * each start, in the background so the site serves meanwhile; a persistent engine is warm at once.
 */
export type IndexWarmup = { done: boolean; finished: Promise<void> }

export const warm = (): IndexWarmup => ({ done: true, finished: Promise.resolve() })

export const warmUp = (build: () => Promise<void>): IndexWarmup => {
  const warmup: IndexWarmup = { done: false, finished: Promise.resolve() }
  warmup.finished = build().then(() => {
    warmup.done = true
  })
  return warmup
}

/** Waits for the warm-up at most `ms`; true when the index is complete. */
export const warmWithin = async (warmup: IndexWarmup, ms: number): Promise<boolean> => {
  if (warmup.done) return true
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))
  await Promise.race([warmup.finished.catch(() => undefined), timeout])
  clearTimeout(timer)
  return warmup.done
}
