import type { CollectionConfig, Config } from 'payload'

import type { SanitizedStandardsOptions, StandardsPluginOptions } from './types.js'

import { sanitizeStandardsOptions } from './defaults.js'
import { OaiDeletions, trackDeletion, trackWithdrawal } from './oai/deletions.js'
import { oaiSources } from './oai/sources.js'

/** The plugin's settings as the server's routes read them. */
export const standardsSettingsOf = (config: { custom?: Record<string, unknown> }): SanitizedStandardsOptions =>
  config.custom?.standards as SanitizedStandardsOptions

/**
 * Open standards: OAI-PMH 2.0 for the catalogue (served at `/oai` by `routes.ts`), with the record
 * of withdrawals that its persistent deleted records need, kept by hooks on every harvested
 * collection.
 */
export const standardsPlugin =
  (options: StandardsPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = sanitizeStandardsOptions(options)
    const withTracking = (collection: CollectionConfig): CollectionConfig => {
      const source = oaiSources.find((each) => each.slug === collection.slug)
      if (!source) return collection
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), trackWithdrawal(source)],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), trackDeletion(source)],
        },
      }
    }
    return {
      ...config,
      collections: [...(config.collections ?? []).map(withTracking), OaiDeletions],
      custom: { ...config.custom, standards: settings },
    }
  }
