import type { Payload } from 'payload'

import { formatAccountsTable } from './accountsTable.js'
import { seedDemo } from './seedDemo.js'

/**
 * Loads the demo school into a fresh embedded database, so a first start shows a living site.
 * It never touches a database given by `DATABASE_URL` (that one belongs to a real deployment),
 * nor one that already has accounts, nor anything in production.
 */
export async function seedDemoIfEmpty(payload: Payload): Promise<void> {
  // A production start must never create accounts with a published password.
  if (process.env.DATABASE_URL || process.env.NODE_ENV === 'production') return
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  const result = await seedDemo(payload)
  payload.logger.info(`\n${formatAccountsTable(result)}`)
}
