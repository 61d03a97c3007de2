import type { CollectionSlug, PayloadRequest, TypedLocale } from 'payload'

import { createLocalReq } from 'payload'

import type { SearchDocument } from './engines/types.js'
import type { SanitizedSearchPluginOptions } from './types.js'

import { applySchoolVocabulary } from './jobs/vocabularyTask.js'
import { activeRebuildJournals, type RebuildJournal, syncDocument, toSearchDocument } from './sync.js'
import { warm } from './warmup.js'

const pageSize = 200

/** Every document that belongs in the index, shaped, in batches, read page by page. */
async function* indexableBatches(
  options: SanitizedSearchPluginOptions,
  req: PayloadRequest,
  counts: Record<string, number>,
): AsyncGenerator<SearchDocument[]> {
  const now = new Date()
  for (const collection of Object.keys(options.collections)) {
    counts[collection] = 0
    for (let page = 1; ; page++) {
      // The embedded database answers without ever leaving the current task: without this pause a
      // rebuild would hold every request the server receives until it ends.
      await new Promise((resolve) => setImmediate(resolve))
      // A rebuild covers every reader's entries; levels are enforced when searching.
      const result = await req.payload.find({
        collection: collection as CollectionSlug,
        depth: 1,
        draft: false,
        limit: pageSize,
        locale: req.payload.config.localization ? (req.payload.config.localization.defaultLocale as TypedLocale) : undefined,
        overrideAccess: true,
        page,
        req,
        showHiddenFields: true,
        sort: 'id',
        where: { _status: { equals: 'published' } },
      })
      const batch: SearchDocument[] = []
      for (const doc of result.docs) {
        const entry = await toSearchDocument(options, collection, doc as unknown as Record<string, unknown>, req, now)
        if (entry) batch.push(entry)
      }
      counts[collection] += batch.length
      if (batch.length) yield batch
      if (!result.hasNextPage) break
    }
  }
}

export type ReindexReport = { counts: Record<string, number>; indexed: number; ms: number }

/**
 * Rebuilds the index from the database, the synonyms and abbreviations as saved included; searches
 * keep answering from the old one until the swap.
 */
export const reindexAll = async (
  options: SanitizedSearchPluginOptions,
  req: PayloadRequest,
  onProgress?: (indexed: number) => void,
): Promise<ReindexReport> => {
  const started = performance.now()
  const startedAt = new Date().toISOString()
  const counts: Record<string, number> = {}
  const journal: RebuildJournal = new Map()
  activeRebuildJournals.add(journal)
  let indexed: number
  try {
    await applySchoolVocabulary(options, req)
    ;({ indexed } = await options.engine.replaceAll(indexableBatches(options, req, counts), onProgress))
  } finally {
    activeRebuildJournals.delete(journal)
  }
  // Documents synced in this process while the rebuild read (deletions included) are synced again
  // on the new index; writes by other processes are found by their `updatedAt`. A fresh request:
  // the rebuild's own request caches the related documents it populated, as they were then.
  const fresh = await createLocalReq({}, req.payload)
  for (const { collection, id } of journal.values()) await syncDocument(options, collection, id, fresh)
  for (const collection of Object.keys(options.collections)) {
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req: fresh,
      select: {},
      where: { updatedAt: { greater_than_equal: startedAt } },
    })
    for (const { id } of docs) await syncDocument(options, collection, id, fresh)
  }
  // An operator's rebuild also completes an index whose warm-up at start failed.
  options.warmup = warm()
  return { counts, indexed, ms: Math.round(performance.now() - started) }
}

export type DriftReport = { extra: string[]; inSync: boolean; missing: string[] }

/** Compares the index with the database, both ways: entries missing, and entries left over. */
export const checkDrift = async (
  options: SanitizedSearchPluginOptions,
  req: PayloadRequest,
): Promise<DriftReport> => {
  const expected = new Set<string>()
  for await (const batch of indexableBatches(options, req, {})) batch.forEach((entry) => expected.add(entry.id))
  const actual = new Set(await options.engine.listIds())
  const missing = [...expected].filter((id) => !actual.has(id)).sort()
  const extra = [...actual].filter((id) => !expected.has(id)).sort()
  return { extra, inSync: missing.length === 0 && extra.length === 0, missing }
}
