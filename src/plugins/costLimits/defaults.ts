import type { CostLimitsOptions, SanitizedCostLimits } from './types.js'

/** Payload's page size when a list names no `limit`. */
export const payloadDefaultLimit = 10

export const defaultCostLimits: SanitizedCostLimits = {
  maxLimit: 100,
  maxDepthTimesLimit: 200,
  where: { maxConditions: 30, maxConditionsAcrossRelations: 5, maxNesting: 5, maxValues: 500 },
  graphQL: {
    maxDocuments: 200,
    maxDepth: 8,
    maxAliases: 20,
    maxRootFields: 10,
    assumedListLength: 5,
    maxTokens: 3000,
    maxExpandedFields: 500,
    maxFragments: 10,
  },
}

export const resolveCostLimits = (options: CostLimitsOptions = {}): SanitizedCostLimits => ({
  maxLimit: options.maxLimit ?? defaultCostLimits.maxLimit,
  maxDepthTimesLimit: options.maxDepthTimesLimit ?? defaultCostLimits.maxDepthTimesLimit,
  where: { ...defaultCostLimits.where, ...options.where },
  graphQL: { ...defaultCostLimits.graphQL, ...options.graphQL },
})
