import type { CompoundIndex } from 'payload'

/**
 * Readers list published documents in one order (newest, or by date of publication or issue).
 * Without an index on both, SQLite filters by status and then sorts every published document,
 * computing each one's arrays, relations and locales first, to return the first 20; with it, a
 * page stops after its own rows. Both database adapters sort ties by `createdAt` after the order
 * asked for, so an order by another date ends with it too.
 *
 * SQLite's index names come from the columns, numbered in the order collections are configured
 * (`_status_createdAt_1_idx` is the second collection with that pair): reordering the collections
 * in payload.config.ts renames them in the next migration.
 */
export const publishedInOrderOf = (field: string): CompoundIndex[] => [
  { fields: field === 'createdAt' ? ['_status', 'createdAt'] : ['_status', field, 'createdAt'] },
]
