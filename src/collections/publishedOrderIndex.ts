import type { CompoundIndex } from 'payload'

/**
 * Readers list published documents in one order (newest, or by date of publication or issue).
 * Without an index on both, SQLite filters by status and then sorts every published document,
 * computing each one's arrays, relations and locales first, to return the first 20; with it, a
 * page stops after its own rows.
 */
export const publishedInOrderOf = (field: string): CompoundIndex[] => [{ fields: ['_status', field] }]
