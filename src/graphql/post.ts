import type { PayloadRequest, SanitizedConfig } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { headersWithCors } from 'payload'

import type { SanitizedCostLimits } from '../plugins/costLimits/types.js'

import { defaultCostLimits } from '../plugins/costLimits/defaults.js'
import { documentRefusalCode, screenDocument } from '../plugins/costLimits/screenDocument.js'

type Handler = (request: Request) => Promise<Response>

/**
 * graphql-http answers an operation it refused before running it (unparsable, invalid, or over
 * the cost limits) with 200 when the client accepts `application/json`, as the older GraphQL over
 * HTTP rule had it. No operation ran: that is the client's error, and it answers 400 whatever the
 * client accepts, so caches, logs and rate limits count it as one. Answers carrying `data` keep
 * their status.
 */
const answerRefusalsWith400 =
  (handler: Handler): Handler =>
  async (request) => {
    const response = await handler(request)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const body = await response.text()
    // graphql-http writes a refusal as `{"errors":[…]}` and nothing else.
    const refused = body.startsWith('{"errors":') && !('data' in (JSON.parse(body) as object))
    return new Response(body, { headers: response.headers, status: refused ? 400 : 200 })
  }

/** The operation's text, when the body is JSON as graphql-http requires; its handler answers the rest. */
const queryOf = async (request: Request): Promise<string | undefined> => {
  try {
    const body = (await request.clone().json()) as { query?: unknown }
    return typeof body?.query === 'string' ? body.query : undefined
  } catch {
    return undefined
  }
}

/**
 * Refuses, before GraphQL's own validation, a document over the limits that need no schema
 * (`screenDocument`), with the caps the cost-limits plugin publishes.
 */
const screenDocuments =
  (config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler): Handler =>
  async (request) => {
    const query = await queryOf(request)
    if (query === undefined) return handler(request)
    const resolved = await config
    const limits = (resolved.custom?.costLimits as SanitizedCostLimits | undefined) ?? defaultCostLimits
    const refusal = screenDocument(query, limits.graphQL)
    if (!refusal) return handler(request)
    // The sites allowed to call the API read the refusal as they would read Payload's own answers.
    const headers = headersWithCors({ headers: new Headers(), req: { headers: request.headers, payload: { config: resolved } } as unknown as PayloadRequest })
    return Response.json({ errors: [{ message: refusal.message, extensions: { code: documentRefusalCode, statusCode: 400 } }] }, { headers, status: 400 })
  }

/** `POST /api/graphql`: Payload's handler, behind the screen, with refusals answered 400. */
export const graphQLPost = (config: Promise<SanitizedConfig> | SanitizedConfig): Handler =>
  screenDocuments(config, answerRefusalsWith400(GRAPHQL_POST(config)))
