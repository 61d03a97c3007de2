import type { CollectionConfig, CollectionSlug, Config } from 'payload'

import type { ImportExportOptions } from './types.js'

import { sanitizeImportExportOptions } from './defaults.js'
import { exportCollection } from './endpoints/exportCollection.js'
import { importCatalogue } from './endpoints/importCatalogue.js'
import { importCollection } from './endpoints/importCollection.js'
import { dropIdUnlessImporting } from './keepIds.js'

/**
 * Import and export for the people who keep the records: whole collections as JSON and CSV for
 * administrators (moving a school's content to another installation, or into a spreadsheet), and
 * a library catalogue read from a spreadsheet's CSV, checked row by row before anything is written.
 */
export const importExportPlugin =
  (options: ImportExportOptions = {}) =>
  (config: Config): Config => {
    const settings = sanitizeImportExportOptions(options)
    const withEndpoints = (collection: CollectionConfig): CollectionConfig => {
      const slug = collection.slug as CollectionSlug
      const endpoints = [
        ...(settings.collections.includes(slug) ? [exportCollection(slug), importCollection(slug, settings)] : []),
        ...(settings.catalogue === slug ? [importCatalogue(settings)] : []),
      ]
      return {
        ...collection,
        endpoints: [...(collection.endpoints || []), ...endpoints],
        hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), dropIdUnlessImporting] },
      }
    }
    return {
      ...config,
      collections: (config.collections ?? []).map(withEndpoints),
      custom: { ...config.custom, importExport: settings },
    }
  }
