import type { Access } from 'payload'

/** Anyone with an account; what they reach is narrowed by the rules it is composed with. */
export const signedIn: Access = ({ req }) => Boolean(req.user)
