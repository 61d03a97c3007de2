import type { PdfSpec } from './pdf.js'
import type { PdfRequest } from './pdfWorker.js'

import { callsTo, startWorker } from '../../lib/workerThread.js'

/** Renders PDFs in a worker thread, in the order asked; `close` ends the thread. */
export const pdfThread = () => {
  const worker = startWorker(import.meta.url, 'pdfWorker')
  const calls = callsTo<PdfRequest>(worker, 'the demo PDF worker')
  return {
    write: async (spec: PdfSpec): Promise<Buffer> => {
      const bytes = await calls.call<Uint8Array>({ spec })
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    },
    close: async (): Promise<void> => {
      await worker.terminate()
    },
  }
}
