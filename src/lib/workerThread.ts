import { Worker, type WorkerOptions } from 'node:worker_threads'

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
