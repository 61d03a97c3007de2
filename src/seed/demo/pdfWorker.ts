/**
 * A worker thread that renders the demo's PDFs. Laying out Vietnamese text with fontkit is a few
 * seconds of JavaScript for the whole demo: on the main thread it held up every write of the seed
 * and every request of a first start; here it runs on the other core.
 */
import { parentPort } from 'node:worker_threads'

import { answerCall } from '../../lib/workerThread.js'
import { writePdf, type PdfSpec } from './pdf.js'

export type PdfRequest = { id: number; spec: PdfSpec }

const port = parentPort!

/**
 * One PDF at a time, in the order asked. `writePdf` awaits inside, so PDFs started as their requests
 * arrive would interleave, and the first, which the seed waits for, would be ready only with the last.
 */
let previous: Promise<void> = Promise.resolve()

port.on('message', ({ id, spec }: PdfRequest) => {
  // Copied, not transferred: a small Buffer is a view into Node's shared pool.
  previous = previous.then(() => answerCall(port, id, writePdf(spec)))
})
