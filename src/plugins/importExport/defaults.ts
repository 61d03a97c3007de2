import type { ImportExportOptions, SanitizedImportExportOptions } from './types.js'

export const sanitizeImportExportOptions = (options: ImportExportOptions): SanitizedImportExportOptions => ({
  collections: options.collections ?? [],
  catalogue: options.catalogue ?? 'library-items',
  maxFileBytes: options.maxFileBytes ?? 20 * 1024 * 1024,
})
