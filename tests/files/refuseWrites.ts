import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

type SqliteDb = { drizzle: { run: (query: ReturnType<typeof sql.raw>) => Promise<unknown> } }
type MongoDb = { connection: { db: { command: (command: Record<string, unknown>) => Promise<unknown> } } }

/**
 * Makes the database itself refuse every change to a collection's rows, as a full disk or a
 * broken constraint would: SQLite through a trigger, MongoDB through a validator no document
 * passes. Resolves with the function that allows writes again.
 */
export const refuseWritesTo = async (payload: Payload, collection: string): Promise<() => Promise<void>> => {
  if (payload.db.name === 'mongoose') {
    const { db } = (payload.db as unknown as MongoDb).connection
    const name = payload.db.collections?.[collection]?.collection.collectionName ?? collection
    await db.command({ collMod: name, validator: { _id: { $exists: false } }, validationAction: 'error', validationLevel: 'strict' })
    return async () => {
      await db.command({ collMod: name, validator: {}, validationLevel: 'off' })
    }
  }
  const table = collection.replace(/-/g, '_')
  const { drizzle } = payload.db as unknown as SqliteDb
  await drizzle.run(sql.raw(`CREATE TRIGGER refuse_${table}_updates BEFORE UPDATE ON \`${table}\` BEGIN SELECT RAISE(ABORT, 'injected: the database refuses the write'); END`))
  await drizzle.run(sql.raw(`CREATE TRIGGER refuse_${table}_inserts BEFORE INSERT ON \`${table}\` BEGIN SELECT RAISE(ABORT, 'injected: the database refuses the write'); END`))
  return async () => {
    await drizzle.run(sql.raw(`DROP TRIGGER refuse_${table}_updates`))
    await drizzle.run(sql.raw(`DROP TRIGGER refuse_${table}_inserts`))
  }
}

/**
 * Deletes a row the way the database would have stored Payload's delete, without the file
 * handling around it: the state a process killed right after the delete committed leaves.
 */
export const deleteBehindPayload = async (payload: Payload, collection: string, id: number | string): Promise<void> => {
  if (payload.db.name === 'mongoose') {
    const model = (payload.db.collections as unknown as Record<string, { deleteOne: (filter: Record<string, unknown>) => Promise<unknown> }>)[collection]!
    await model.deleteOne({ _id: id })
    return
  }
  const { drizzle } = payload.db as unknown as SqliteDb
  await drizzle.run(sql.raw(`DELETE FROM \`${collection.replace(/-/g, '_')}\` WHERE id = ${Number(id)}`))
}
