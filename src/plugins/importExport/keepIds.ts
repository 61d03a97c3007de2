import type { CollectionBeforeOperationHook } from 'payload'

/** Set on `req.context` by an import that recreates documents under their exported ids. */
export const keepIdsFlag = 'importKeepsIds'

/**
 * The database adapters accept an id in the data of a create (`allowIDOnCreate`), so that an import
 * recreates documents under the ids their links, OAI identifiers and relations use. Any other create
 * (REST, GraphQL, the admin panel, server code) has the id it was sent removed, as before.
 */
export const dropIdUnlessImporting: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || req.context?.[keepIdsFlag] === true) return args
  const data = args.data as Record<string, unknown> | undefined
  if (!data || !('id' in data)) return args
  const { id: _dropped, ...rest } = data
  return { ...args, data: rest }
}
