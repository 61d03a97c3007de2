import type { Config, Payload, Plugin } from 'payload'

import { internalCollectionAccess, jobsAccess } from './access.js'
import { keepLockTarget } from './keepLockTarget.js'
import { lockOnlyWhatOneEdits } from './lockOnlyWhatOneEdits.js'

/** Payload names the collections it adds `payload-…`; ours never do. */
const isInternal = (slug: string): boolean => slug.startsWith('payload-')

/**
 * Payload adds its collections (locks, preferences, jobs, key-value store, migrations) while it
 * sanitizes the config, after plugins have run, so their access is declared once Payload holds
 * the sanitized collections, before the first request.
 */
const declareInternalAccess = (payload: Payload): void => {
  for (const { config } of Object.values(payload.collections)) {
    if (!isInternal(config.slug)) continue
    const access = internalCollectionAccess[config.slug]
    if (!access) {
      throw new Error(
        `internalCollections: Payload added the collection ${config.slug}, whose access is not declared; add it to src/plugins/internalCollections/access.ts`,
      )
    }
    Object.assign(config.access, access)
    if (config.slug === 'payload-locked-documents') config.hooks.beforeChange.push(keepLockTarget)
  }
}

/** Every collection Payload adds to ours follows access we declared (see `access.ts`). */
export const internalCollections =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    jobs: config.jobs && { ...config.jobs, access: { ...config.jobs.access, ...jobsAccess } },
    onInit: async (payload) => {
      declareInternalAccess(payload)
      lockOnlyWhatOneEdits(payload)
      await config.onInit?.(payload)
    },
  })
