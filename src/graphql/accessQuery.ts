import type { GraphQLExtension } from 'payload'

type AccessField = { resolve: (...args: unknown[]) => Promise<Record<string, unknown>>; type: unknown }

/**
 * Payload 3.90 drops `canAccessAdmin` from its permissions when it is false, but declares it
 * non-null in GraphQL, so `{ Access { canAccessAdmin } }` fails for parents and visitors where
 * REST and the Local API answer "no". Same resolver, with the missing answer filled in as false.
 */
export const accessQueryWithAdminAnswer: GraphQLExtension = (_graphQL, { Query }) => {
  const access = Query.fields.Access as AccessField
  return {
    Access: {
      ...access,
      resolve: async (...args: unknown[]) => {
        const permissions = await access.resolve(...args)
        return { ...permissions, canAccessAdmin: permissions.canAccessAdmin ?? false }
      },
    },
  }
}
