/**
 * The second database of the round trip, in a process of its own (a Payload configuration holds
 * one database per process): boots Payload on a fresh one, signs the same administrator up, imports
 * the files `roundTrip.spec.ts` exported, and exports again what it now holds.
 *
 *   tsx tests/importExport/importInto.ts <folder> <json|csv>
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { administrator, exportedSlugs } from './roundTripContent.js'

const [folder, format] = process.argv.slice(2) as [string, 'csv' | 'json']
const payload = await bootPayload(`import-${format}`, { waitForSearch: false })
await payload.create({ collection: 'users', data: administrator, overrideAccess: true })
const token = await tokenFor(payload, administrator.email, administrator.password)
const outcomes: Record<string, unknown> = {}
for (const slug of exportedSlugs) {
  const body = new FormData()
  const type = format === 'csv' ? 'text/csv' : 'application/json'
  body.append('file', new Blob([readFileSync(path.join(folder, `${slug}.${format}`))], { type }), `${slug}.${format}`)
  const response = await rest(payload, `/${slug}/import`, { method: 'POST', body, token })
  outcomes[slug] = { status: response.status, lines: (await response.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown) }
  writeFileSync(path.join(folder, `after-${format}-${slug}.json`), await (await rest(payload, `/${slug}/export?format=json`, { token })).text())
}
writeFileSync(path.join(folder, `outcome-${format}.json`), JSON.stringify(outcomes))
await shutdownPayload(payload)
process.exit(0)
