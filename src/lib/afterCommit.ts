import type { Payload, PayloadRequest } from 'payload'

type Callback = () => Promise<void> | void
type TransactionID = number | string

const waitingByAdapter = new WeakMap<Payload['db'], Map<TransactionID, Callback[]>>()

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
const waitingOn = (payload: Payload): Map<TransactionID, Callback[]> => {
  const existing = waitingByAdapter.get(payload.db)
  if (existing) return existing
  const waiting = new Map<TransactionID, Callback[]>()
  waitingByAdapter.set(payload.db, waiting)
  const { commitTransaction, rollbackTransaction } = payload.db
  payload.db.commitTransaction = async (incoming) => {
    const id = await incoming
    await commitTransaction.call(payload.db, id)
    const callbacks = waiting.get(id)
    waiting.delete(id)
    if (callbacks) runEach(payload, callbacks)
  }
  payload.db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    waiting.delete(id)
    await rollbackTransaction.call(payload.db, id)
  }
  return waiting
}

/**
 * Runs `callback` once the request's write is committed: right away when the request has no
 * transaction (the write is already stored), never when the transaction rolls back.
 */
export const afterCommit = async (req: PayloadRequest, callback: Callback): Promise<void> => {
  const id: unknown = await req.transactionID
  // Without transactions (embedded SQLite) the id is a promise of null, which Payload's relationship
  // loader turns into `{}` once a read populates anything (it keys batches by JSON): no id either.
  if (typeof id !== 'string' && typeof id !== 'number') return runEach(req.payload, [callback])
  const waiting = waitingOn(req.payload)
  waiting.set(id, [...(waiting.get(id) ?? []), callback])
}
