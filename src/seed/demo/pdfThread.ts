import type { PdfSpec } from './pdf.js'
import type { PdfAnswer, PdfRequest } from './pdfWorker.js'

import { startWorker } from '../../lib/workerThread.js'

/** Renders PDFs in a worker thread, in the order asked; `close` ends the thread. */
export const pdfThread = () => {
  const worker = startWorker(import.meta.url, 'pdfWorker')
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
