/**
 * Jest global setup: suites that start the real server run in parallel, and two `next build`s in
 * one folder refuse each other, so the web app is built once here, before any suite starts —
 * unless the suites selected on the command line never start it.
 */
import path from 'node:path'

import { buildIfNeeded } from '../../scripts/build.mjs'

const suitesServingTheWebApp = ['tests/journeys/journeys.spec.ts', 'tests/server/bodies.spec.ts', 'tests/server/cost-budget.spec.ts', 'tests/server/files.spec.ts', 'tests/server/start.spec.ts', 'tests/site/pages.spec.ts']

export default async function buildOnce(globalConfig) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? []
  const selected = (suite) => patterns.some((pattern) => new RegExp(pattern).test(path.resolve(suite)) || path.resolve(pattern) === path.resolve(suite))
  if (patterns.length === 0 || suitesServingTheWebApp.some(selected)) buildIfNeeded()
}
