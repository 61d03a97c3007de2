import type { SanitizedCollectionConfig } from 'payload'

import path from 'node:path'

/** Where the plugin keeps the real folder of an upload collection, beside Payload's own settings. */
export type AtomicFilesCustom = { atomicFiles?: { dir: string } }

/**
 * The folder that holds an upload collection's files. Payload's `staticDir` points elsewhere
 * once the plugin runs (see index.ts), so every reader of files asks here.
 */
export const filesDirOf = (collection: Pick<SanitizedCollectionConfig, 'custom' | 'slug' | 'upload'>): string =>
  (collection.custom as AtomicFilesCustom | undefined)?.atomicFiles?.dir ?? path.resolve(collection.upload?.staticDir ?? collection.slug)

/** The names a row gives its file on disk: the original and every generated size. */
export const filenamesOfRow = (row: unknown): string[] => {
  const stored = row as { filename?: null | string; sizes?: Record<string, { filename?: null | string } | null> } | null
  if (!stored?.filename) return []
  const sizes = Object.values(stored.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))
  return [stored.filename, ...sizes]
}
