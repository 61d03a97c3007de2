import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'

import { graphQLPost } from '../../src/graphql/post.js'

const origin = 'http://localhost:3000'

export type ApiCall = {
  body?: FormData | Record<string, unknown>
  headers?: Record<string, string>
  method?: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  /** The JWT of the acting user; anonymous when absent. */
  token?: string
}

const authHeaders = (token?: string): Record<string, string> =>
  token ? { Authorization: `JWT ${token}` } : {}

/**
 * Calls Payload's REST handlers exactly as the Next route does, without a Next server:
 * `path` is everything after `/api`, query string included.
 */
export const rest = async (
  payload: Payload,
  path: string,
  { body, headers = {}, method = 'GET', token }: ApiCall = {},
): Promise<Response> => {
  const isForm = body instanceof FormData
  const request = new Request(`${origin}/api${path}`, {
    method,
    headers: {
      ...(body && !isForm ? { 'Content-Type': 'application/json' } : {}),
      ...authHeaders(token),
      ...headers,
    },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  })
  return handleEndpoints({
    config: payload.config,
    path: `/api${path.split('?')[0]}`,
    request,
  })
}

export type GraphQLAnswer<T = Record<string, unknown>> = {
  data?: T
  errors?: Array<{ extensions?: { statusCode?: number }; message: string }>
}

/** Runs a GraphQL operation through the handler `/api/graphql` uses. */
export const graphql = async <T = Record<string, unknown>>(
  payload: Payload,
  query: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphQLAnswer<T>> => {
  const request = new Request(`${origin}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeaders(token) },
    body: JSON.stringify({ query, variables }),
  })
  const response = await graphQLPost(payload.config)(request)
  return (await response.json()) as GraphQLAnswer<T>
}

/** Logs in through the Local API and returns the token REST and GraphQL calls carry. */
export const tokenFor = async (payload: Payload, email: string, password: string): Promise<string> => {
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`no token for ${email}`)
  return token
}
