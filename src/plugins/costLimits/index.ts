import type { Config } from 'payload'

import type { CostLimitsOptions } from './types.js'

import { translate } from '../../lib/translate.js'
import { resolveCostLimits } from './defaults.js'
import { operationCostRule } from './graphQLCost.js'
import { refuseCostlyReads } from './refuseCostlyReads.js'

/**
 * Cost, not count: caps what one request may ask of the database — a list's `limit`, `depth ×
 * limit`, the size of a `where` filter — on every collection, and what one GraphQL operation may
 * read, with lists counted by their `limit` and nested lists multiplied. Over a cap, the request
 * is refused with 400 before any database work.
 */
export const costLimits =
  (options: CostLimitsOptions = {}) =>
  (config: Config): Config => {
    const limits = resolveCostLimits(options)
    const existingRules = config.graphQL?.validationRules
    return {
      ...config,
      // Where the API description reads the caps it states.
      custom: { ...config.custom, costLimits: limits },
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseCostlyReads(limits)],
        },
      })),
      graphQL: {
        ...config.graphQL,
        validationRules: (args) => {
          const req = (args.contextValue as { req?: Parameters<typeof translate>[0] } | undefined)?.req
          return [
            ...(existingRules?.(args) ?? []),
            operationCostRule(limits, args.variableValues, (key, variables) => (req ? translate(req, key, variables) : key)),
          ]
        },
      },
    }
  }
