import type { Config } from 'payload'

import type { OpenAPIPluginOptions } from './types.js'

import { openAPIEndpoints } from './endpoints/index.js'
import { cachedDescription } from './publish.js'

/**
 * An OpenAPI 3.1 description of the public read API at `/api/openapi.json`, and a readable page of
 * it at `/api/docs`. Both are worked out from the config when the server starts, never written by
 * hand, so a field added to a collection is described at the next start.
 */
export const openAPIPlugin =
  (options: OpenAPIPluginOptions) =>
  (config: Config): Config => {
    const describe = cachedDescription(options)
    return {
      ...config,
      // Where other code (tests, a CLI that writes the file for CI) reads the description without HTTP.
      custom: { ...config.custom, openapi: { describe } },
      endpoints: [...(config.endpoints ?? []), ...openAPIEndpoints(describe)],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // Described at start, so a config it cannot describe shows in the logs rather than in a client.
        try {
          const { document } = await describe(payload)
          payload.logger.info(`openapi: described ${Object.keys(document.paths).length} paths`)
        } catch (error) {
          payload.logger.error({ err: error, msg: 'openapi: could not describe the API' })
        }
      },
    }
  }
