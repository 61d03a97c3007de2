import type { ResourceLimits, Worker } from 'node:worker_threads'

import type { SearchVocabulary } from '../vocabulary.js'
import type { RebuildAnswer, RebuildStep, ThreadCall } from './embeddedWorker.js'
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from './types.js'

import { callsTo, errorFrom, startWorker, type WithoutId } from '../../../lib/workerThread.js'

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

type Rebuild = {
  /** Why the rebuild cannot go on: the thread's index refused a batch, or `onIndexed` threw. */
  failure?: Error
  indexed: number
  onIndexed: (indexed: number) => void
  sent: number
  wake?: () => void
}

/** The worker, its calls in flight, and the rebuilds it runs. */
const openThread = (resourceLimits: ResourceLimits | undefined, onStopped: (error: Error) => void) => {
  const worker: Worker = startWorker(import.meta.url, 'embeddedWorker', { resourceLimits })
  const rebuilds = new Map<number, Rebuild>()
  let nextRebuild = 0

  const onRebuildAnswer = (answer: RebuildAnswer) => {
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

  // An idle thread must not keep a script from ending; one that owes an answer must, or a script
  // awaiting its rebuild would end with the rebuild.
  const holdWhileBusy = () => {
    if (calls.inFlight() || rebuilds.size) worker.ref()
    else worker.unref()
  }

  const calls = callsTo<Extract<RebuildStep, { step: 'end' }> | ThreadCall>(worker, 'the embedded search thread', {
    onChange: holdWhileBusy,
    onMessage: (answer) => onRebuildAnswer(answer as RebuildAnswer),
    onStop: (error) => {
      for (const rebuild of rebuilds.values()) rebuild.wake?.()
      rebuilds.clear()
      onStopped(error)
    },
  })
  holdWhileBusy()

  const tell = (message: RebuildStep) => {
    const stopped = calls.stopped()
    if (stopped) throw stopped
    worker.postMessage(message)
  }

  return {
    ask: <T>(call: WithoutId<ThreadCall>): Promise<T> => calls.call<T>(call),
    /** Hands batches to a new index on the thread, at most `batchesAhead` unindexed at a time. */
    rebuild: (onIndexed: (indexed: number) => void) => {
      const id = nextRebuild++
      const rebuild: Rebuild = { indexed: 0, onIndexed, sent: 0 }
      const finish = () => {
        rebuilds.delete(id)
        holdWhileBusy()
      }
      tell({ rebuild: id, step: 'begin' })
      rebuilds.set(id, rebuild)
      holdWhileBusy()
      const checked = () => {
        const stopped = calls.stopped()
        if (stopped) throw stopped
        if (rebuild.failure) throw rebuild.failure
      }
      return {
        send: async (documents: SearchDocument[]) => {
          while (!calls.stopped() && !rebuild.failure && rebuild.sent - rebuild.indexed >= batchesAhead) {
            await new Promise<void>((resolve) => (rebuild.wake = resolve))
          }
          checked()
          tell({ documents, rebuild: id, step: 'batch' })
          rebuild.sent++
        },
        end: async () => {
          try {
            checked()
            return await calls.call<{ indexed: number }>({ rebuild: id, step: 'end' })
          } catch (error) {
            // The thread may have failed the rebuild as the end was on its way: its reason is the one to give.
            throw rebuild.failure ?? error
          } finally {
            finish()
          }
        },
        abort: (reason: string) => {
          finish()
          if (!calls.stopped()) tell({ reason, rebuild: id, step: 'abort' })
        },
      }
    },
    /** Ends the thread once the calls in flight are answered, or after `patienceMs` without. */
    close: async (patienceMs: number) => {
      if (!calls.stopped()) await calls.allAnswered(patienceMs)
      calls.stop(new Error('the embedded search engine was closed'))
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

  const checkUsable = () => {
    if (closed) throw closedError()
    if (lost) throw new Error(`${lost.message}; its index is gone until POST /api/search/reindex rebuilds it`)
  }

  const current = (): Thread => {
    checkUsable()
    return (thread ??= open())
  }

  /** Builds the whole index on a new thread, which answers only once it holds it. */
  const recover = async (batches: AsyncIterable<SearchDocument[]>, onProgress?: (indexed: number) => void) => {
    const given = vocabulary
    const fresh = open()
    recovering.add(fresh)
    try {
      const report = await rebuildOn(fresh, batches, onProgress)
      if (closed) throw closedError()
      // A vocabulary saved during the rebuild was kept for the thread that would answer: this one.
      if (vocabulary && vocabulary !== given) await fresh.ask({ argument: vocabulary, method: 'useVocabulary' })
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
    // Starts no thread: a process that never searches (a file check, a restore) never starts one.
    setup: async () => {
      checkUsable()
      return { missing: [], settled: Promise.resolve() }
    },
    useVocabulary: async (next) => {
      if (closed) throw closedError()
      vocabulary = next
      // A thread not started yet, or one replacing a lost one, is given the vocabulary first thing.
      if (!thread) return { missing: [], settled: Promise.resolve() }
      const { missing } = await thread.ask<{ missing: string[] }>({ argument: next, method: 'useVocabulary' })
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
