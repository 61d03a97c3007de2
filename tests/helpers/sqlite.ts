/**
 * What suites read off the embedded database beneath Payload: the statements a request sends, and
 * how SQLite itself plans them.
 */
import type { Payload } from 'payload'

export type Statement = { args: unknown[]; sql: string }
export type PlanRow = { detail: string; parent: number }

type SqliteClient = { execute: (statement: Statement | string) => Promise<{ rows: unknown[] }> }

/** The libsql client of Payload's SQLite adapter. */
export const sqliteClient = (payload: Payload): SqliteClient => (payload.db as unknown as { client: SqliteClient }).client

/** SQLite's plan for a statement (`EXPLAIN QUERY PLAN`), one row per step. */
export const queryPlan = async (payload: Payload, statement: Statement | string): Promise<PlanRow[]> => {
  const { args, sql } = typeof statement === 'string' ? { args: [], sql: statement } : statement
  return (await sqliteClient(payload).execute({ args, sql: `EXPLAIN QUERY PLAN ${sql}` })).rows as PlanRow[]
}

/** The statements with arguments sent to the database while `work` runs. */
export const statementsSentDuring = async (payload: Payload, work: () => Promise<void>): Promise<Statement[]> => {
  const client = sqliteClient(payload)
  const original = client.execute
  const sent: Statement[] = []
  client.execute = (statement) => {
    if (typeof statement !== 'string') sent.push(statement)
    return original.call(client, statement)
  }
  try {
    await work()
  } finally {
    client.execute = original
  }
  return sent
}
