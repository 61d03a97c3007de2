import type { ResourceLimits, Worker } from 'node:worker_threads'

import type { SearchVocabulary } from '../vocabulary.js'
import type { RebuildStep, ThreadAnswer, ThreadCall } from './embeddedWorker.js'
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from './types.js'

import { startWorker } from '../../../lib/workerThread.js'

/**
 * Batches a rebuild hands over before it waits for the thread to index them: reading runs ahead of
 * indexing by this much, and no further, so a slow index never holds the whole database in the
 * queue between the threads.
 */
const batchesAhead = 4

/**
 * How long closing waits for the calls in flight: a search job that has sent its update is answered,
 * and writes its result, rather than fail because the server is stopping.
 */
const closingPatienceMs = 2_000

type Waiting = { reject: (error: Error) => void; resolve: (value: unknown) => void }

type Rebuild = {
  /** Why the rebuild cannot go on: the thread's index refused a batch, or `onIndexed` threw. */
  failure?: Error
  indexed: number
  onIndexed: (indexed: number) => void
  sent: number
  wake?: () => void
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const errorFrom = ({ message, name }: { message: string; name: string }): Error => Object.assign(new Error(message), { name })

/** The worker, what waits for its answers, and the rebuilds it runs. */
const openThread = (resourceLimits: ResourceLimits | undefined, onStopped: (error: Error) => void) => {
  const worker: Worker = startWorker(import.meta.url, 'embeddedWorker', { resourceLimits })
  const waiting = new Map<number, Waiting>()
  const rebuilds = new Map<number, Rebuild>()
  let nextId = 0
  let stopped: Error | undefined

  /** Who waits for every call in flight to be answered (closing does). */
  const answered: Array<() => void> = []
  // An idle thread must not keep a script from ending; one that owes an answer must, or a script
  // awaiting its rebuild would end with the rebuild.
  const holdWhileBusy = () => {
    if (waiting.size || rebuilds.size) worker.ref()
    else worker.unref()
    if (!waiting.size) for (const resolve of answered.splice(0)) resolve()
  }
  holdWhileBusy()

  const stop = (error: Error) => {
    if (stopped) return
    stopped = error
    for (const each of waiting.values()) each.reject(error)
    waiting.clear()
    for (const rebuild of rebuilds.values()) rebuild.wake?.()
    rebuilds.clear()
    holdWhileBusy()
    onStopped(error)
  }

  const onRebuildAnswer = (answer: Extract<ThreadAnswer, { rebuild: number }>) => {
    const rebuild = rebuilds.get(answer.rebuild)
    if (!rebuild) return
    if ('error' in answer) rebuild.failure = errorFrom(answer.error)
    else {
      rebuild.indexed++
      try {
        rebuild.onIndexed(answer.indexed)
      } catch (error) {
        rebuild.failure = error instanceof Error ? error : new Error(String(error))
      }
    }
    rebuild.wake?.()
  }

  worker.on('message', (answer: ThreadAnswer) => {
    if ('rebuild' in answer) return onRebuildAnswer(answer)
    const asked = waiting.get(answer.id)
    if (!asked) return
    waiting.delete(answer.id)
    holdWhileBusy()
    if ('error' in answer) asked.reject(errorFrom(answer.error))
    else asked.resolve(answer.value)
  })
  worker.on('error', (error) => stop(new Error(`the embedded search thread failed: ${error.message}`)))
  worker.on('exit', (code) => stop(new Error(`the embedded search thread ended (exit code ${code})`)))
  // An answer that cannot be read leaves its call unanswerable: the thread is given up as lost.
  worker.on('messageerror', (error) => {
    stop(new Error(`the embedded search thread sent an answer that could not be read: ${error.message}`))
    void worker.terminate()
  })

  const request = <T>(message: Extract<RebuildStep, { step: 'end' }> | ThreadCall): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped)
      waiting.set(message.id, { reject, resolve: resolve as (value: unknown) => void })
      holdWhileBusy()
      try {
        worker.postMessage(message)
      } catch (error) {
        waiting.delete(message.id)
        holdWhileBusy()
        reject(error)
      }
    })

  const tell = (message: RebuildStep) => {
    if (stopped) throw stopped
    worker.postMessage(message)
  }

  return {
    ask: <T>(call: DistributiveOmit<ThreadCall, 'id'>): Promise<T> => request<T>({ ...call, id: nextId++ } as ThreadCall),
    /** Hands batches to a new index on the thread, at most `batchesAhead` unindexed at a time. */
    rebuild: (onIndexed: (indexed: number) => void) => {
      const id = nextId++
      const rebuild: Rebuild = { indexed: 0, onIndexed, sent: 0 }
      const finish = () => {
        rebuilds.delete(id)
        holdWhileBusy()
      }
      tell({ rebuild: id, step: 'begin' })
      rebuilds.set(id, rebuild)
      holdWhileBusy()
      const checked = () => {
        if (stopped) throw stopped
        if (rebuild.failure) throw rebuild.failure
      }
      return {
        send: async (documents: SearchDocument[]) => {
          while (!stopped && !rebuild.failure && rebuild.sent - rebuild.indexed >= batchesAhead) {
            await new Promise<void>((resolve) => (rebuild.wake = resolve))
          }
          checked()
          tell({ documents, rebuild: id, step: 'batch' })
          rebuild.sent++
        },
        end: async () => {
          try {
            checked()
            return await request<{ indexed: number }>({ id: nextId++, rebuild: id, step: 'end' })
          } catch (error) {
            // The thread may have failed the rebuild as the end was on its way: its reason is the one to give.
            throw rebuild.failure ?? error
          } finally {
            finish()
          }
        },
        abort: (reason: string) => {
          finish()
          if (!stopped) tell({ reason, rebuild: id, step: 'abort' })
        },
      }
    },
    /** Ends the thread once the calls in flight are answered, or after `patienceMs` without. */
    close: async (patienceMs: number) => {
      if (waiting.size && !stopped) {
        let timer: NodeJS.Timeout | undefined
        await Promise.race([
          new Promise<void>((resolve) => answered.push(resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, patienceMs))),
        ])
        clearTimeout(timer)
      }
      stop(new Error('the embedded search engine was closed'))
      await worker.terminate()
    },
  }
}

type Thread = ReturnType<typeof openThread>

/** Reads `batches` into a new index on `thread`, which swaps it in once the last batch is indexed. */
const rebuildOn = async (
  thread: Thread,
  batches: AsyncIterable<SearchDocument[]>,
  onProgress?: (indexed: number) => void,
): Promise<{ indexed: number }> => {
  const rebuild = thread.rebuild((indexed) => onProgress?.(indexed))
  try {
    for await (const batch of batches) await rebuild.send(batch)
  } catch (error) {
    rebuild.abort(error instanceof Error ? error.message : String(error))
    throw error
  }
  return rebuild.end()
}

/**
 * The embedded engine on a worker thread. A rebuild reads and shapes documents on the main thread
 * while the worker indexes the batches before them, so a full reindex takes about as long as
 * indexing alone; searches and writes reach the same engine, in the order they are made.
 *
 * The thread starts with the first call. Should it end (out of memory, a bug), calls fail with the
 * reason until a rebuild — `POST /api/search/reindex` — has built a complete index on a new thread:
 * an empty index must not answer as if the school had no content.
 */
export const createThreadedEmbeddedEngine = ({
  resourceLimits,
  vocabulary: initial,
}: {
  /** Caps the thread's memory (`maxOldGenerationSizeMb` and the like); past it, the thread ends as above. */
  resourceLimits?: ResourceLimits
  vocabulary?: SearchVocabulary
} = {}): SearchEngine => {
  let vocabulary = initial
  let thread: Thread | undefined
  let lost: Error | undefined
  let closed = false
  /** New threads building the index that replaces a lost one; closed with the engine. */
  const recovering = new Set<Thread>()

  const closedError = () => new Error('the embedded search engine was closed')

  const open = (): Thread => {
    const opened = openThread(resourceLimits, (error) => {
      if (thread === opened && !closed) {
        thread = undefined
        lost = error
      }
    })
    if (vocabulary) void opened.ask({ argument: vocabulary, method: 'useVocabulary' }).catch(() => undefined)
    return opened
  }

  const current = (): Thread => {
    if (closed) throw closedError()
    if (lost) throw new Error(`${lost.message}; its index is gone until POST /api/search/reindex rebuilds it`)
    return (thread ??= open())
  }

  /** Builds the whole index on a new thread, which answers only once it holds it. */
  const recover = async (batches: AsyncIterable<SearchDocument[]>, onProgress?: (indexed: number) => void) => {
    const fresh = open()
    recovering.add(fresh)
    try {
      const report = await rebuildOn(fresh, batches, onProgress)
      if (closed) throw closedError()
      const previous = thread
      thread = fresh
      lost = undefined
      await previous?.close(closingPatienceMs)
      return report
    } catch (error) {
      await fresh.close(0)
      throw error
    } finally {
      recovering.delete(fresh)
    }
  }

  return {
    name: 'embedded',
    setup: async () => {
      current()
      return { missing: [], settled: Promise.resolve() }
    },
    useVocabulary: async (next) => {
      vocabulary = next
      // A new thread is given the vocabulary first thing, when a rebuild starts one.
      if (lost && !closed) return { missing: [], settled: Promise.resolve() }
      const { missing } = await current().ask<{ missing: string[] }>({ argument: next, method: 'useVocabulary' })
      return { missing, settled: Promise.resolve() }
    },
    upsert: async (documents: SearchDocument[]) => current().ask<void>({ argument: documents, method: 'upsert' }),
    remove: async (ids: string[]) => current().ask<void>({ argument: ids, method: 'remove' }),
    search: async (query: SearchQuery) => current().ask<SearchResult>({ argument: query, method: 'search' }),
    listIds: async () => current().ask<string[]>({ method: 'listIds' }),
    replaceAll: async (batches, onProgress) => {
      if (closed) throw closedError()
      return lost ? recover(batches, onProgress) : rebuildOn(current(), batches, onProgress)
    },
    close: async () => {
      closed = true
      await Promise.all([...recovering, ...(thread ? [thread] : [])].map((each) => each.close(closingPatienceMs)))
      thread = undefined
    },
  }
}
