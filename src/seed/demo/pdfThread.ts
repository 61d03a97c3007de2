import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { PdfSpec } from './pdf.js'
import type { PdfAnswer, PdfRequest } from './pdfWorker.js'

/**
 * Where the worker's code is. The server runs from a bundle built beside `pdfWorker.mjs`
 * (scripts/build.mjs). Scripts, tests and benchmarks run the TypeScript sources: Node 20 does not
 * pass loader hooks such as tsx's on to worker threads, so the worker registers tsx itself.
 */
const startWorker = (): Worker => {
  const fromSources = import.meta.url.endsWith('.ts')
  if (!fromSources) return new Worker(new URL('./pdfWorker.mjs', import.meta.url))
  const entry = new URL('./pdfWorker.ts', import.meta.url).href
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, {
    eval: true,
  })
}

/** Renders PDFs in a worker thread, in the order asked; `close` ends the thread. */
export const pdfThread = () => {
  const worker = startWorker()
  const waiting = new Map<number, { resolve: (bytes: Buffer) => void; reject: (error: Error) => void }>()
  let next = 0
  let failure: Error | undefined
  const failAll = (error: Error) => {
    failure = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', (answer: PdfAnswer) => {
    const asked = waiting.get(answer.id)
    if (!asked) return
    waiting.delete(answer.id)
    if ('error' in answer) asked.reject(new Error(`Demo PDF failed in its worker: ${answer.error}`))
    else asked.resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength))
  })
  worker.on('error', (error) => failAll(error))
  worker.on('exit', (code) => failAll(new Error(`The demo PDF worker ended (exit code ${code}) before it answered`)))
  return {
    write: (spec: PdfSpec): Promise<Buffer> =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure)
        const id = next++
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, spec } satisfies PdfRequest)
      }),
    close: async (): Promise<void> => {
      await worker.terminate()
    },
  }
}
