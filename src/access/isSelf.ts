import type { Access } from 'payload'

/** Matches the requesting user's own account and nothing for anonymous requests. */
export const isSelf: Access = ({ req }) => (req.user ? { id: { equals: req.user.id } } : false)
