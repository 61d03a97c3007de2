import type { Endpoint, Payload } from 'payload'

import type { PublishedAPI } from '../publish.js'

import { docsPath, specPath } from '../defaults.js'

/** The same for every caller, so any cache may keep it; it changes only with a new deployment. */
const publicHeaders = { 'Cache-Control': 'public, max-age=300' }

/** `GET /api/openapi.json` and `GET /api/docs`, answered from the cached description. */
export const openAPIEndpoints = (describe: (payload: Payload) => Promise<PublishedAPI>): Endpoint[] => [
  {
    path: specPath,
    method: 'get',
    handler: async (req) =>
      new Response((await describe(req.payload)).json, {
        headers: { ...publicHeaders, 'Content-Type': 'application/json; charset=utf-8' },
      }),
  },
  {
    path: docsPath,
    method: 'get',
    handler: async (req) =>
      new Response((await describe(req.payload)).html, {
        headers: { ...publicHeaders, 'Content-Language': 'vi', 'Content-Type': 'text/html; charset=utf-8' },
      }),
  },
]
