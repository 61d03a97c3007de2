import { MeilisearchApiError } from 'meilisearch'

import type { MeilisearchConnection } from './client.js'

import { minimumServerVersion } from './defaults.js'
import { MeilisearchConfigError } from './errors.js'

const parts = (version: string): number[] => version.split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0)

/** True when `version` (`1.19.0`, `1.19.1-rc.0`) is at least `minimum`. */
export const isAtLeast = (version: string, minimum: string): boolean => {
  const [a, b] = [parts(version), parts(minimum)]
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i]
  return true
}

/**
 * Refuses a server older than `minimumServerVersion`, whose refusal of the settings would say
 * "unknown field" and not why. A key without the `version` action cannot ask; the settings then
 * speak for themselves.
 * @throws MeilisearchConfigError for an older server
 */
export const requireServerVersion = async (connection: MeilisearchConnection): Promise<void> => {
  let version: string
  try {
    ;({ pkgVersion: version } = await connection.client.getVersion())
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.response.status === 403) return
    throw error
  }
  if (!isAtLeast(version, minimumServerVersion)) {
    throw new MeilisearchConfigError(`Meilisearch ${version} is older than ${minimumServerVersion}, the oldest this engine works with`)
  }
}
