/**
 * The embedded index on a thread of its own (see `embeddedThread.ts`): a rebuild indexes here while
 * the main thread reads the next page from the database.
 */
import { parentPort } from 'node:worker_threads'

import type { SearchVocabulary } from '../vocabulary.js'
import type { SearchDocument, SearchQuery } from './types.js'

import { answerCall, type DescribedError, describeError } from '../../../lib/workerThread.js'
import { createEmbeddedEngine } from './embedded.js'

/** One call of the engine's interface, answered by `id`. */
export type ThreadCall =
  | { id: number; method: 'listIds' }
  | { id: number; method: 'remove'; argument: string[] }
  | { id: number; method: 'search'; argument: SearchQuery }
  | { id: number; method: 'upsert'; argument: SearchDocument[] }
  | { id: number; method: 'useVocabulary'; argument: SearchVocabulary }

/** The steps of a rebuild, named by the id of its `begin`; only `end` is answered. */
export type RebuildStep =
  | { rebuild: number; step: 'abort'; reason: string }
  | { rebuild: number; step: 'batch'; documents: SearchDocument[] }
  | { rebuild: number; step: 'begin' }
  | { id: number; rebuild: number; step: 'end' }

/** What a rebuild tells of itself, unasked; calls are answered as `CallAnswer`s. */
export type RebuildAnswer =
  /** A rebuild has indexed a batch: how many entries it holds now. */
  | { indexed: number; rebuild: number }
  /** A rebuild failed on its own (a batch the index refused): the reader stops sending. */
  | { error: DescribedError; rebuild: number }

/** Batches handed to a rebuild, read by its `replaceAll` as they come. */
const batchQueue = () => {
  const waiting: SearchDocument[][] = []
  let ended = false
  let failure: Error | undefined
  let wake: (() => void) | undefined
  return {
    push: (documents: SearchDocument[]) => {
      waiting.push(documents)
      wake?.()
    },
    end: () => {
      ended = true
      wake?.()
    },
    fail: (error: Error) => {
      failure = error
      wake?.()
    },
    async *batches(): AsyncGenerator<SearchDocument[]> {
      for (;;) {
        if (failure) throw failure
        const next = waiting.shift()
        if (next) yield next
        else if (ended) return
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    },
  }
}

const port = parentPort!
const engine = createEmbeddedEngine()
const rebuilds = new Map<number, { aborted: boolean; done: Promise<{ indexed: number }>; queue: ReturnType<typeof batchQueue> }>()

const call = (message: ThreadCall): Promise<unknown> => {
  switch (message.method) {
    case 'listIds':
      return engine.listIds()
    case 'remove':
      return engine.remove(message.argument)
    case 'search':
      return engine.search(message.argument)
    case 'upsert':
      return engine.upsert(message.argument)
    // The report's `settled` is a promise, which cannot cross threads; the other side makes its own.
    case 'useVocabulary':
      return engine.useVocabulary(message.argument).then(({ missing }) => ({ missing }))
  }
}

const step = (message: RebuildStep) => {
  if (message.step === 'begin') {
    const queue = batchQueue()
    const done = engine.replaceAll(queue.batches(), (indexed) => port.postMessage({ indexed, rebuild: message.rebuild } satisfies RebuildAnswer))
    const rebuild = { aborted: false, done, queue }
    // The reader waits for batches to be indexed, so a rebuild failing here must tell it at once;
    // an aborted one is awaited by no one, its rejection being the abort itself.
    done.catch((error: unknown) => {
      if (rebuild.aborted) return
      rebuilds.delete(message.rebuild)
      port.postMessage({ error: describeError(error), rebuild: message.rebuild } satisfies RebuildAnswer)
    })
    rebuilds.set(message.rebuild, rebuild)
    return
  }
  const rebuild = rebuilds.get(message.rebuild)
  if (!rebuild) {
    if (message.step === 'end') void answerCall(port, message.id, Promise.reject(new Error(`no rebuild ${message.rebuild} on the search thread`)))
    return
  }
  if (message.step === 'batch') rebuild.queue.push(message.documents)
  else if (message.step === 'abort') {
    rebuild.aborted = true
    rebuild.queue.fail(new Error(message.reason))
    rebuilds.delete(message.rebuild)
  } else {
    rebuild.queue.end()
    rebuilds.delete(message.rebuild)
    void answerCall(port, message.id, rebuild.done)
  }
}

port.on('message', (message: RebuildStep | ThreadCall) => {
  if ('step' in message) step(message)
  else void answerCall(port, message.id, call(message))
})
