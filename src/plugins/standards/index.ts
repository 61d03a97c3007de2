import type { CollectionConfig, Config } from 'payload'

import type { SanitizedStandardsOptions, StandardsPluginOptions } from './types.js'

import { sanitizeStandardsOptions } from './defaults.js'
import { OaiDeletions, trackDeletion, trackWithdrawal } from './oai/deletions.js'
import { oaiSources } from './oai/sources.js'
import { rememberFormerSlug, SlugHistory, sluggedPages, type SluggedCollection } from './links/slugHistory.js'

/** The plugin's settings as the server's routes read them. */
export const standardsSettingsOf = (config: { custom?: Record<string, unknown> }): SanitizedStandardsOptions =>
  config.custom?.standards as SanitizedStandardsOptions

/**
 * Open standards: OAI-PMH 2.0 for the catalogue (served at `/oai` by `routes.ts`), with the record
 * of withdrawals that its persistent deleted records need, kept by hooks on every harvested
 * collection; and the former slugs of pages, so that old addresses keep working.
 */
export const standardsPlugin =
  (options: StandardsPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = sanitizeStandardsOptions(options)
    const withTracking = (collection: CollectionConfig): CollectionConfig => {
      const source = oaiSources.find((each) => each.slug === collection.slug)
      const slugged = collection.slug in sluggedPages ? (collection.slug as SluggedCollection) : undefined
      if (!source && !slugged) return collection
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [
            ...(collection.hooks?.afterChange ?? []),
            ...(source ? [trackWithdrawal(source)] : []),
            ...(slugged ? [rememberFormerSlug(slugged)] : []),
          ],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(source ? [trackDeletion(source)] : [])],
        },
      }
    }
    return {
      ...config,
      collections: [...(config.collections ?? []).map(withTracking), OaiDeletions, SlugHistory],
      custom: { ...config.custom, standards: settings },
    }
  }
