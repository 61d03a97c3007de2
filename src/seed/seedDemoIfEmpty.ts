import type { Payload } from 'payload'

import { launchedForProduction } from '../lib/launchEnvironment.js'
import { formatAccountsTable } from './accountsTable.js'
import { seedDemo, type SeedDemoOptions } from './seedDemo.js'

/**
 * Whether this start should load the demo school: only into a fresh embedded database, never into
 * one given by `DATABASE_URL` (that one belongs to a real deployment), nor one that already has
 * accounts, nor when the process was launched for production.
 */
export async function demoWanted(payload: Payload, { production = launchedForProduction() } = {}): Promise<boolean> {
  // A production start must never create accounts with a published password.
  if (process.env.DATABASE_URL || production) return false
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  return totalDocs === 0
}

/** Loads the demo into a fresh embedded database (see {@link demoWanted}) and prints its accounts. */
export async function seedDemoIfEmpty(
  payload: Payload,
  { production, ...seedOptions }: { production?: boolean } & SeedDemoOptions = {},
): Promise<void> {
  if (!(await demoWanted(payload, { production }))) return
  payload.logger.info('Đang nạp dữ liệu mẫu cho lần chạy đầu… / Loading the demo content for this first start…')
  const result = await seedDemo(payload, seedOptions)
  payload.logger.info(`\n${formatAccountsTable(result)}`)
}
