import type { CollectionSlug } from 'payload'

/** Options of the import and export plugin. */
export type ImportExportOptions = {
  /**
   * Collections administrators export (`GET /api/<slug>/export`) and import (`POST /api/<slug>/import`).
   * @default [] (none)
   */
  collections?: CollectionSlug[]
  /**
   * The collection of library items, which also gets the catalogue import from CSV
   * (`POST /api/<slug>/import-catalogue`); `false` leaves it out.
   * @default 'library-items'
   */
  catalogue?: CollectionSlug | false
  /**
   * The largest file an import accepts, in bytes. A catalogue of 2,000 books is about 400 KB.
   * @default 20_971_520 (20 MB)
   */
  maxFileBytes?: number
}

export type SanitizedImportExportOptions = Required<ImportExportOptions>
