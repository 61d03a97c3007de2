import type { CollectionSlug, PayloadRequest, TypedLocale } from 'payload'

import type { SearchDocument } from './engines/types.js'
import type { SanitizedSearchPluginOptions } from './types.js'

import { isAccessLevel } from '../../access/accessLevels.js'
import { maxIndexedText } from './defaults.js'

export const entryId = (collection: string, id: number | string): string => `${collection}-${id}`

export type RebuildJournal = Map<string, { collection: string; id: number | string }>

/**
 * Journals of the rebuilds running in this process: documents synced meanwhile were read by the
 * rebuild earlier, so they are synced again once the new index is in place.
 */
export const activeRebuildJournals = new Set<RebuildJournal>()

/**
 * The fail-closed pipeline: drafts out, a valid access level required, the collection's own
 * listing rule, then the shaper, which picks the fields meant for readers. Anything that cannot
 * be shaped safely is left out (and so removed from the index).
 */
export const toSearchDocument = async (
  options: SanitizedSearchPluginOptions,
  collection: string,
  doc: Record<string, unknown> | null,
  req: PayloadRequest,
  now = new Date(),
): Promise<SearchDocument | null> => {
  const settings = options.collections[collection]
  if (!settings || !doc || doc._status !== 'published' || !isAccessLevel(doc.accessLevel)) return null
  if (settings.isListed && !settings.isListed(doc, now)) return null
  try {
    const shaped = await settings.shape(doc, { payload: req.payload, req })
    if (!shaped || !shaped.title || !shaped.url) return null
    return {
      ...shaped,
      accessLevel: doc.accessLevel,
      collection,
      docId: String(doc.id),
      id: entryId(collection, String(doc.id)),
      text: shaped.text?.slice(0, maxIndexedText),
    }
  } catch (error) {
    req.payload.logger.warn({ err: error, msg: `search: ${collection} ${String(doc.id)} left out of the index` })
    return null
  }
}

/** Reads a document as indexing needs it: published version, default locale, relations at depth 1. */
export const readForIndex = async (
  collection: string,
  id: number | string,
  req: PayloadRequest,
): Promise<Record<string, unknown> | null> =>
  // Indexing serves every reader: each entry carries its level and every search filters on it,
  // so the document is read whole here and narrowed by the shaper.
  (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    depth: 1,
    disableErrors: true,
    draft: false,
    locale: req.payload.config.localization
      ? (req.payload.config.localization.defaultLocale as TypedLocale)
      : undefined,
    overrideAccess: true,
    req,
    showHiddenFields: true,
  })) as Record<string, unknown> | null

/** Brings one document's index entry in line with the database; safe to repeat. */
export const syncDocument = async (
  options: SanitizedSearchPluginOptions,
  collection: string,
  id: number | string,
  req: PayloadRequest,
): Promise<'indexed' | 'removed'> => {
  activeRebuildJournals.forEach((journal) => journal.set(entryId(collection, id), { collection, id }))
  const entry = await toSearchDocument(options, collection, await readForIndex(collection, id, req), req)
  if (entry) {
    await options.engine.upsert([entry])
    return 'indexed'
  }
  await options.engine.remove([entryId(collection, id)])
  return 'removed'
}
