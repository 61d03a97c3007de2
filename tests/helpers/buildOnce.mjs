/**
 * Jest global setup: suites that start the real server run in parallel, and two `next build`s in
 * one folder refuse each other, so the web app is built once here, before any suite starts —
 * unless the suites selected on the command line never start it.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'

import { buildIfNeeded } from '../../scripts/build.mjs'

// The suites of these folders start the real server, which serves the web app.
const suitesServingTheWebApp = [
  ...['tests/journeys', 'tests/server', 'tests/site'].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.spec.ts'))
      .map((name) => path.join(folder, name)),
  ),
  // The review suites that start the server; the others boot Payload alone.
  ...['crossSite', 'emptyFileName', 'login'].map((name) => `tests/review/${name}.spec.ts`),
  'tests/audit/http.spec.ts',
]

export default async function buildOnce(globalConfig) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? []
  const selected = (suite) => patterns.some((pattern) => new RegExp(pattern).test(path.resolve(suite)) || path.resolve(pattern) === path.resolve(suite))
  if (patterns.length === 0 || suitesServingTheWebApp.some(selected)) buildIfNeeded()
}
