import type { Access, Where } from 'payload'

/** The admin panel's remembered settings (columns, open groups) of the requesting user only. */
export const ownPreferences: Access = ({ req }) => {
  if (!req.user) return false
  const own: Where[] = [{ 'user.value': { equals: req.user.id } }, { 'user.relationTo': { equals: req.user.collection } }]
  return { and: own }
}
