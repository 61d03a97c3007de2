import type { Payload, PayloadRequest } from 'payload'

type Callback = () => Promise<void> | void
type TransactionID = number | string
/** What waits on one transaction: work run after it, and the ends of writes that span it. */
type Waiting = { after: Callback[]; stored: Callback[]; notStored: Callback[] }

const waitingByAdapter = new WeakMap<Payload['db'], Map<TransactionID, Waiting>>()

const runEach = (payload: Payload, callbacks: Callback[]) => {
  for (const callback of callbacks) {
    Promise.resolve()
      .then(callback)
      .catch((error: unknown) => payload.logger.error({ err: error, msg: 'after-commit callback failed' }))
  }
}

/**
 * Payload runs every hook, afterOperation included, before the operation's transaction commits;
 * work that must see the committed write waits here for the adapter's commit of that transaction.
 */
const runInTurn = async (payload: Payload, callbacks: Callback[]) => {
  for (const callback of callbacks) {
    await Promise.resolve()
      .then(callback)
      .catch((error: unknown) => payload.logger.error({ err: error, msg: 'callback at the end of a transaction failed' }))
  }
}

const waitingOn = (payload: Payload): Map<TransactionID, Waiting> => {
  const existing = waitingByAdapter.get(payload.db)
  if (existing) return existing
  const waiting = new Map<TransactionID, Waiting>()
  waitingByAdapter.set(payload.db, waiting)
  const { commitTransaction, rollbackTransaction } = payload.db
  payload.db.commitTransaction = async (incoming) => {
    const id = await incoming
    await commitTransaction.call(payload.db, id)
    const entry = waiting.get(id)
    waiting.delete(id)
    if (!entry) return
    await runInTurn(payload, entry.stored)
    runEach(payload, entry.after)
  }
  payload.db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    const entry = waiting.get(id)
    waiting.delete(id)
    await rollbackTransaction.call(payload.db, id)
    if (entry) await runInTurn(payload, entry.notStored)
  }
  return waiting
}

/**
 * The request's transaction, if it has one. Without transactions (embedded SQLite) the id is a
 * promise of null, which Payload's relationship loader turns into `{}` once a read populates
 * anything (it keys batches by JSON): no transaction either.
 */
const transactionOf = async (req: PayloadRequest): Promise<TransactionID | undefined> => {
  const id: unknown = await req.transactionID
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

/**
 * Runs `callback` once the request's write is committed: right away when the request has no
 * transaction (the write is already stored), never when the transaction rolls back.
 */
export const afterCommit = async (req: PayloadRequest, callback: Callback): Promise<void> => {
  const id = await transactionOf(req)
  if (id === undefined) return runEach(req.payload, [callback])
  entryFor(req.payload, id).after.push(callback)
}

const entryFor = (payload: Payload, id: TransactionID): Waiting => {
  const waiting = waitingOn(payload)
  const entry = waiting.get(id) ?? { after: [], stored: [], notStored: [] }
  waiting.set(id, entry)
  return entry
}

/**
 * For a write whose other half lives outside the database (files on disk): `stored` runs once the
 * request's write is committed — at once without a transaction — and the commit waits for it, so
 * the answer leaves only after; `notStored` runs when the transaction rolls back instead.
 */
export const whenSettled = async (req: PayloadRequest, { notStored, stored }: { notStored: Callback; stored: Callback }): Promise<void> => {
  const id = await transactionOf(req)
  if (id === undefined) return runInTurn(req.payload, [stored])
  const entry = entryFor(req.payload, id)
  entry.stored.push(stored)
  entry.notStored.push(notStored)
}
