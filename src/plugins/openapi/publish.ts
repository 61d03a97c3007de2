import type { Payload, SanitizedConfig } from 'payload'

import type { OpenAPIDocument } from './oas.js'
import type { OpenAPIPluginOptions } from './types.js'

import { resolveOptions, specPath } from './defaults.js'
import { buildDocument, restrictedFields } from './document.js'
import { renderDocsPage } from './endpoints/docsPage.js'

/** The description in the forms it is served in, computed together. */
export type PublishedAPI = {
  document: OpenAPIDocument
  /** The docs page. */
  html: string
  /** The document as served at `/api/openapi.json`. */
  json: string
}

/** Describes a running Payload: the config as sanitized, the ids its database gives. */
export const describeAPI = async (payload: Payload, incoming: OpenAPIPluginOptions): Promise<PublishedAPI> => {
  const options = resolveOptions(incoming, payload.config)
  const restricted = await restrictedFields(payload, options)
  const document = buildDocument(payload.config, options, {
    idType: payload.db.defaultIDType,
    isRestricted: (field) => restricted.has(field),
  })
  return {
    document,
    html: renderDocsPage(document, { specURL: `${payload.config.routes.api}${specPath}` }),
    json: JSON.stringify(document),
  }
}

/**
 * `describeAPI`, once per config: the config does not change while the server runs, so neither
 * does its description. A failure is not kept, so the next request tries again.
 */
export const cachedDescription = (options: OpenAPIPluginOptions) => {
  const cache = new WeakMap<SanitizedConfig, Promise<PublishedAPI>>()
  return (payload: Payload): Promise<PublishedAPI> => {
    const cached = cache.get(payload.config)
    if (cached) return cached
    const described = describeAPI(payload, options)
    cache.set(payload.config, described)
    described.catch(() => cache.delete(payload.config))
    return described
  }
}
