import { type MessagePort, Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts the worker module `name` that sits beside the caller (`callerUrl`: its `import.meta.url`).
 *
 * The server runs from bundles: its own (scripts/build.mjs writes `name.mjs` beside it), and Next's,
 * where webpack gives `import.meta.url` the source file's address. Scripts, tests, benchmarks and
 * Next's bundle therefore start the TypeScript source: Node does not pass loader hooks such as tsx's
 * on to worker threads, so the worker registers tsx itself. The worker's code resolves tsx: webpack
 * would rewrite a `require.resolve` written here into one of its module ids.
 */
export const startWorker = (callerUrl: string, name: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker => {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, callerUrl), options)
  const entry = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href)
  return new Worker(
    `const { createRequire } = require('node:module')
const { pathToFileURL } = require('node:url')
const tsx = pathToFileURL(createRequire(new URL(${entry})).resolve('tsx/esm/api')).href
import(tsx).then(({ tsImport }) => tsImport(${entry}, ${entry}))`,
    { ...options, eval: true },
  )
}

/** `Call` without its `id`, each member of a union on its own. */
export type WithoutId<Call> = Call extends unknown ? Omit<Call, 'id'> : never

/** An error as it crosses between threads: errors themselves lose their name there. */
export type DescribedError = { message: string; name: string; stack?: string }

/** What a worker answers to the call `id`: its value, or the error it ended with. */
export type CallAnswer = { id: number; value: unknown } | { error: DescribedError; id: number }

export const describeError = (error: unknown): DescribedError =>
  error instanceof Error ? { message: error.message, name: error.name, stack: error.stack } : { message: String(error), name: 'Error' }

export const errorFrom = ({ message, name, stack }: DescribedError): Error => Object.assign(new Error(message), { name, ...(stack ? { stack } : {}) })

/** For a worker: answers the call `id` with what `work` comes to. */
export const answerCall = (port: MessagePort, id: number, work: Promise<unknown>): Promise<void> =>
  work.then(
    (value) => port.postMessage({ id, value } satisfies CallAnswer),
    (error: unknown) => port.postMessage({ error: describeError(error), id } satisfies CallAnswer),
  )

/**
 * Calls to `worker`, each a message with an `id` the worker answers (`answerCall`). Should the worker
 * fail, end, or send an answer that cannot be read, every call in flight and every later one fails
 * with why, naming the worker as `what`. Messages without an `id` go to `onMessage`.
 */
export const callsTo = <Call extends { id: number }>(
  worker: Worker,
  what: string,
  {
    onChange,
    onMessage,
    onStop,
  }: {
    /** A call was sent or answered, or the worker stopped. */
    onChange?: () => void
    onMessage?: (message: object) => void
    onStop?: (error: Error) => void
  } = {},
) => {
  const waiting = new Map<number, { reject: (error: Error) => void; resolve: (value: unknown) => void }>()
  /** Who waits for every call in flight to be answered. */
  const answered: Array<() => void> = []
  let nextId = 0
  let stopped: Error | undefined

  const changed = () => {
    onChange?.()
    if (!waiting.size) for (const resolve of answered.splice(0)) resolve()
  }

  const stop = (error: Error) => {
    if (stopped) return
    stopped = error
    for (const each of waiting.values()) each.reject(error)
    waiting.clear()
    onStop?.(error)
    changed()
  }

  worker.on('message', (message: CallAnswer | object) => {
    if (!('id' in message)) return onMessage?.(message)
    const asked = waiting.get(message.id)
    if (!asked) return
    waiting.delete(message.id)
    changed()
    if ('error' in message) asked.reject(errorFrom(message.error))
    else asked.resolve(message.value)
  })
  worker.on('error', (error) => stop(new Error(`${what} failed: ${error.message}`)))
  worker.on('exit', (code) => stop(new Error(`${what} ended (exit code ${code})`)))
  // An answer that cannot be read leaves its call unanswerable: the worker is given up as lost.
  worker.on('messageerror', (error) => {
    stop(new Error(`${what} sent an answer that could not be read: ${error.message}`))
    void worker.terminate()
  })

  return {
    /** Sends `message` with a new id and resolves with the worker's answer to it. */
    call: <T>(message: WithoutId<Call>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (stopped) return reject(stopped)
        const id = nextId++
        waiting.set(id, { reject, resolve: resolve as (value: unknown) => void })
        changed()
        try {
          worker.postMessage({ ...message, id })
        } catch (error) {
          waiting.delete(id)
          changed()
          reject(error)
        }
      }),
    /** Resolves once no call is in flight, or after `patienceMs`. */
    allAnswered: async (patienceMs: number): Promise<void> => {
      if (!waiting.size) return
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        new Promise<void>((resolve) => answered.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, patienceMs))),
      ])
      clearTimeout(timer)
    },
    inFlight: (): number => waiting.size,
    stop,
    stopped: (): Error | undefined => stopped,
  }
}
