import type { RelationshipField } from 'payload'

/**
 * The account that created a document, set by the server from the request and never from the
 * client. Without a user (seed, jobs) the given value is kept.
 */
export const ownerField = (
  name: string,
  label: RelationshipField['label'],
): RelationshipField => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  label,
  index: true,
  admin: { position: 'sidebar', readOnly: true },
  hooks: {
    beforeChange: [
      ({ operation, originalDoc, req, value }) => {
        if (!req.user) return value
        return operation === 'create' ? req.user.id : originalDoc?.[name]
      },
    ],
  },
})
