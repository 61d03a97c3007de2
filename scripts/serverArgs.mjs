/**
 * How Node runs the built server, for `npm start` and for the benchmarks alike.
 *
 * `--heap-growing-percent=50`: after each full collection V8 lets the heap grow to 1.5 × what
 * survived before the next one, instead of up to 4 × on a machine with memory to spare. A search
 * builds its candidates and drops them at once; with the default the server's peak RSS rose from
 * about 500 MB to 1.1 GB over 360 searches on 10,000 documents, with the flag it stays near
 * 530 MB, and the searches took no longer (bench/memory.ts, README "Benchmarks"). There is no
 * hard limit: a school with more documents than that gets a larger heap, not a crash.
 */
export const serverNodeArgs = [
  // Node-side code loads lexical through its development build: its production ESM entry hangs at
  // random under Node 20's loader (top-level await).
  '--conditions=development',
  '--enable-source-maps',
  '--heap-growing-percent=50',
]
