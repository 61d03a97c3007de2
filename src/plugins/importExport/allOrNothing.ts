import type { PayloadRequest } from 'payload'

/** Items between two lines of progress in the answer of a real run. */
export const progressEvery = 100

export type AllOrNothingRun<T> = {
  req: PayloadRequest
  items: T[]
  /**
   * Writes one item, calling `created` with the id of each document it creates as soon as it
   * exists, so that a failure later in the same item still undoes it.
   */
  write: (item: T, created: (id: number | string) => void) => Promise<void>
  /** Removes what the run created, once something failed. */
  undo: (ids: Array<number | string>) => Promise<void>
  /** Where an item came from, for the message when it fails ("dòng 12", "tài liệu mã 5"). */
  placeOf: (item: T, index: number) => string
  /** What the last line carries besides the outcome. */
  summary: Record<string, unknown>
}

/**
 * Writes every item, or, when one fails, removes what was written and says which one failed. A
 * write takes 50–100 ms (hooks, versions, search, audit), so a few thousand take minutes: the answer
 * (`application/x-ndjson`) streams a line of progress every {@link progressEvery} items, which also
 * keeps the connection from being closed as idle, and its last line is the outcome.
 */
export const runAllOrNothing = <T>({ req, items, write, undo, placeOf, summary }: AllOrNothingRun<T>): Response => {
  const encoder = new TextEncoder()
  const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`)
  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const created: Array<number | string> = []
      let done = 0
      try {
        for (const item of items) {
          await write(item, (id) => created.push(id))
          done += 1
          if (done % progressEvery === 0 && done < items.length) controller.enqueue(line({ imported: done, of: items.length }))
        }
        controller.enqueue(line({ done: true, dryRun: false, ...summary, imported: new Set(created).size, ids: [...new Set(created)] }))
      } catch (error) {
        const place = placeOf(items[done]!, done)
        req.payload.logger.error({ err: error, place, msg: 'import failed; removing what it created' })
        await undo([...new Set(created)])
        const reason = error instanceof Error ? error.message : String(error)
        controller.enqueue(line({ done: true, dryRun: false, ...summary, imported: 0, message: `Không nhập được ${place}: ${reason}. Chưa nhập gì. / Could not import ${place}; nothing was imported.` }))
      }
      controller.close()
    },
  })
  return new Response(body, { status: 201, headers: { 'Cache-Control': 'private, no-store', 'Content-Type': 'application/x-ndjson; charset=utf-8' } })
}

/** A JSON answer nobody caches. */
export const answer = (value: unknown, status = 200): Response => Response.json(value, { status, headers: { 'Cache-Control': 'private, no-store' } })

export const refuse = (status: number, message: string): Response => answer({ errors: [{ message }] }, status)

export const flag = (value: unknown): boolean => value === 'true' || value === '1'
