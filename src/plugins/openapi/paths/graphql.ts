import type { SanitizedCostLimits } from '../../costLimits/types.js'
import type { DocumentContext, Fragment } from './common.js'

import { ref } from '../oas.js'
import { json } from './common.js'

/** `POST /api/graphql`, briefly: the same documents and access rules as REST. */
export const graphQLPaths = ({ api, config }: DocumentContext): Fragment => {
  if (config.graphQL.disable) return {}
  const costLimits = config.custom?.costLimits as SanitizedCostLimits | undefined
  const caps = costLimits?.graphQL
  const limits = [
    caps
      ? `đọc tối đa ${caps.maxDocuments} tài liệu · at most ${caps.maxDocuments} documents read, each list counted by its \`limit\` (10 when absent, at most ` +
        `${costLimits.maxLimit}) and nested lists multiplied; depth ${caps.maxDepth}, ${caps.maxAliases} aliases, ` +
        `${caps.maxRootFields} top-level fields, ${caps.maxTokens} tokens, ${caps.maxFragments} fragments, a field name once per selection; over a limit answers 400 before anything runs`
      : undefined,
    config.graphQL.maxComplexity ? `độ phức tạp tối đa · maximum complexity ${config.graphQL.maxComplexity}` : undefined,
    config.graphQL.disableIntrospectionInProduction ? 'không introspection khi chạy thật · no introspection in production' : undefined,
  ].filter(Boolean)
  return {
    paths: {
      [`${api}${config.routes.graphQL}`]: {
        post: {
          operationId: 'graphql',
          tags: ['graphql'],
          summary: 'GraphQL',
          description:
            'Cùng tài liệu và quyền đọc như REST · The same documents and access rules as the REST routes' +
            (limits.length ? ` (${limits.join('; ')}).` : '.'),
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              properties: {
                query: { type: 'string' },
                variables: { type: 'object' },
                operationName: { type: 'string' },
              },
              required: ['query'],
            }),
          },
          responses: {
            200: {
              description: 'Kết quả, lỗi nằm trong `errors` · The result; errors come in `errors`',
              content: json({
                type: 'object',
                properties: {
                  data: { type: ['object', 'null'] },
                  errors: {
                    type: 'array',
                    items: { type: 'object', properties: { message: { type: 'string' }, extensions: { type: 'object' } }, required: ['message'] },
                  },
                },
              }),
            },
            400: ref('responses', 'BadRequest'),
          },
        },
      },
    },
    tags: [{ name: 'graphql', description: 'GraphQL' }],
  }
}
