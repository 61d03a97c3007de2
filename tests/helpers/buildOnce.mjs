/**
 * Jest global setup: suites that start the real server run in parallel, and two `next build`s in
 * one folder refuse each other, so the web app is built once here, before any suite starts.
 */
import { buildIfNeeded } from '../../scripts/build.mjs'

export default async function buildOnce() {
  buildIfNeeded()
}
