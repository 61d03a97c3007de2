/**
 * `npm run seed:demo`: loads the demo school on request, into whatever database is configured
 * (`DATABASE_URL` included, since asking is explicit). It refuses a database that already has the
 * demo accounts, and one with any other account unless `--force` is given.
 */
import { getPayload } from 'payload'

import { ensurePayloadSecret } from '../lib/secret.js'
import { formatAccountsTable } from './accountsTable.js'
import { demoAccounts } from './demo/accounts.js'

ensurePayloadSecret()
// The config reads PAYLOAD_SECRET when it loads, so it is imported only once the secret is set.
const { default: config } = await import('../payload.config.js')
const { seedDemo } = await import('./seedDemo.js')

const force = process.argv.includes('--force')
const payload = await getPayload({ config })
try {
  const demoUsers = await payload.count({
    collection: 'users',
    overrideAccess: true,
    where: { email: { in: demoAccounts.map((account) => account.email) } },
  })
  const allUsers = await payload.count({ collection: 'users', overrideAccess: true })
  if (demoUsers.totalDocs > 0) {
    payload.logger.error('Dữ liệu mẫu đã có trong cơ sở dữ liệu này; không nạp lại. / The demo content is already in this database; not loading it again.')
    process.exitCode = 1
  } else if (allUsers.totalDocs > 0 && !force) {
    payload.logger.error(
      `Cơ sở dữ liệu đã có ${allUsers.totalDocs} tài khoản; thêm --force để vẫn nạp dữ liệu mẫu. / The database already has ${allUsers.totalDocs} accounts; add --force to load the demo anyway.`,
    )
    process.exitCode = 1
  } else {
    const result = await seedDemo(payload)
    payload.logger.info(`\n${formatAccountsTable(result)}`)
  }
} finally {
  await payload.destroy()
}
