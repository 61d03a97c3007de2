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

type Waiting = { reject: (error: Error) => void; resolve: (value: unknown) => void }

type Rebuild = { indexed: number; onIndexed: (indexed: number) => void; sent: number; wake?: () => void }

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** The worker, what waits for its answers, and the rebuilds it runs. */
const openThread = (resourceLimits: ResourceLimits | undefined, onStopped: (error: Error) => void) => {
  const worker: Worker = startWorker(import.meta.url, 'embeddedWorker', { resourceLimits })
  const waiting = new Map<number, Waiting>()
  const rebuilds = new Map<number, Rebuild>()
  let nextId = 0
  let stopped: Error | undefined

  // An idle thread must not keep a script from ending; one that owes an answer must, or a script
  // awaiting its rebuild would end with the rebuild.
  const holdWhileBusy = () => (waiting.size || rebuilds.size ? worker.ref() : worker.unref())
  holdWhileBusy()

  const stop = (error: Error) => {
    if (stopped) return
    stopped = error
    for (const each of waiting.values()) each.reject(error)
    waiting.clear()
    for (const rebuild of rebuilds.values()) rebuild.wake?.()
    rebuilds.clear()
    onStopped(error)
  }

  worker.on('message', (answer: ThreadAnswer) => {
    if ('rebuild' in answer) {
      const rebuild = rebuilds.get(answer.rebuild)
      if (!rebuild) return
      rebuild.indexed++
      rebuild.onIndexed(answer.indexed)
      rebuild.wake?.()
      return
    }
    const asked = waiting.get(answer.id)
    if (!asked) return
    waiting.delete(answer.id)
    holdWhileBusy()
    if ('error' in answer) asked.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name }))
    else asked.resolve(answer.value)
  })
  worker.on('error', (error) => stop(new Error(`the embedded search thread failed: ${error.message}`)))
  worker.on('exit', (code) => stop(new Error(`the embedded search thread ended (exit code ${code})`)))

  const ask = <T>(message: DistributiveOmit<ThreadCall, 'id'> | Extract<RebuildStep, { step: 'end' }>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped)
      const id = 'id' in message ? message.id : nextId++
      waiting.set(id, { reject, resolve: resolve as (value: unknown) => void })
      holdWhileBusy()
      worker.postMessage({ ...message, id })
    })

  const tell = (message: RebuildStep) => {
    if (stopped) throw stopped
    worker.postMessage(message)
  }

  return {
    ask,
    /** Hands batches to a new index on the thread, at most `batchesAhead` unindexed at a time. */
    rebuild: (onIndexed: (indexed: number) => void) => {
      const id = nextId++
      const rebuild: Rebuild = { indexed: 0, onIndexed, sent: 0 }
      rebuilds.set(id, rebuild)
      holdWhileBusy()
      const finish = () => {
        rebuilds.delete(id)
        holdWhileBusy()
      }
      tell({ rebuild: id, step: 'begin' })
      return {
        send: async (documents: SearchDocument[]) => {
          while (!stopped && rebuild.sent - rebuild.indexed >= batchesAhead) await new Promise<void>((resolve) => (rebuild.wake = resolve))
          tell({ documents, rebuild: id, step: 'batch' })
          rebuild.sent++
        },
        end: async () => {
          try {
            return await ask<{ indexed: number }>({ id: nextId++, rebuild: id, step: 'end' })
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
    close: async () => {
      stop(new Error('the embedded search engine was closed'))
      await worker.terminate()
    },
  }
}

type Thread = ReturnType<typeof openThread>

/**
 * The embedded engine on a worker thread. A rebuild reads and shapes documents on the main thread
 * while the worker indexes the batches before them, so a full reindex takes about as long as
 * indexing alone; searches and writes reach the same engine, in the order they are made.
 *
 * The thread starts with the first call. Should it end (out of memory, a bug), calls fail with the
 * reason until a rebuild — `POST /api/search/reindex` — starts a new thread: a new thread's empty
 * index must not answer as if the school had no content.
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

  const start = (): Thread => {
    if (closed) throw new Error('the embedded search engine was closed')
    const opened = openThread(resourceLimits, (error) => {
      if (thread === opened && !closed) {
        thread = undefined
        lost = error
      }
    })
    thread = opened
    lost = undefined
    if (vocabulary) void opened.ask({ argument: vocabulary, method: 'useVocabulary' }).catch(() => undefined)
    return opened
  }

  const current = (): Thread => {
    if (closed) throw new Error('the embedded search engine was closed')
    if (lost) throw new Error(`${lost.message}; its index is gone until POST /api/search/reindex rebuilds it`)
    return thread ?? start()
  }

  return {
    name: 'embedded',
    setup: async () => {
      current()
      return { missing: [], settled: Promise.resolve() }
    },
    useVocabulary: async (next) => {
      vocabulary = next
      const { missing } = await current().ask<{ missing: string[] }>({ argument: next, method: 'useVocabulary' })
      return { missing, settled: Promise.resolve() }
    },
    upsert: async (documents: SearchDocument[]) => current().ask<void>({ argument: documents, method: 'upsert' }),
    remove: async (ids: string[]) => current().ask<void>({ argument: ids, method: 'remove' }),
    search: async (query: SearchQuery) => current().ask<SearchResult>({ argument: query, method: 'search' }),
    listIds: async () => current().ask<string[]>({ method: 'listIds' }),
    replaceAll: async (batches, onProgress) => {
      const rebuild = (lost && !closed ? start() : current()).rebuild((indexed) => onProgress?.(indexed))
      try {
        for await (const batch of batches) await rebuild.send(batch)
      } catch (error) {
        rebuild.abort(error instanceof Error ? error.message : String(error))
        throw error
      }
      return rebuild.end()
    },
    close: async () => {
      closed = true
      await thread?.close()
      thread = undefined
    },
  }
}
