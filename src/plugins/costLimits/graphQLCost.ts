import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationRule,
  ValueNode,
} from 'graphql'

import { getNamedType, getNullableType, GraphQLError, isInterfaceType, isListType, isObjectType, Kind } from 'graphql'

import type { TruongsoMessage } from '../../i18n.js'
import type { SanitizedCostLimits } from './types.js'

import { payloadDefaultLimit } from './defaults.js'

/** Marks our refusals, so clients can tell them from other errors. */
export const costRefusalCode = 'QUERY_TOO_COSTLY'

type Say = (key: TruongsoMessage, variables: Record<string, number | string>) => string

/** The Payload field behind a GraphQL field, which Payload's schema keeps in its extensions. */
type PayloadFieldExtension = { hasMany?: boolean; maxRows?: number; type?: string }

const readsRelated = new Set(['join', 'relationship', 'upload'])

class Refusal extends Error {
  constructor(
    readonly key: TruongsoMessage,
    readonly variables: Record<string, number | string>,
  ) {
    super(key)
  }
}

/** A literal, or a variable's value as sent (or its declared default). */
const valueOf = (node: undefined | ValueNode, variables: Record<string, unknown>, defaults: Map<string, ValueNode>): unknown => {
  if (!node) return undefined
  switch (node.kind) {
    case Kind.VARIABLE:
      return node.name.value in variables ? variables[node.name.value] : valueOf(defaults.get(node.name.value), variables, defaults)
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    case Kind.BOOLEAN:
      return node.value
    case Kind.NULL:
      return null
    default:
      return undefined
  }
}

/**
 * Refuses, at validation and so before any resolver runs, an operation that would read more
 * documents than `maxDocuments`, or asks for a page larger than `maxLimit` or for everything.
 * Payload's own limit counts fields; this one counts what they read: a list by its `limit`, a
 * relationship by its documents, nested lists multiplied through. (What needs no schema — depth,
 * aliases, top-level fields — is checked earlier, by `screenDocument`.)
 */
export const operationCostRule =
  (limits: SanitizedCostLimits, variables: Record<string, unknown> | null | undefined, say: Say): ValidationRule =>
  (context) => {
    const schema: GraphQLSchema = context.getSchema()
    const caps = limits.graphQL
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    const sent = variables ?? {}

    const documentsOf = (operation: OperationDefinitionNode): number => {
      const defaults = new Map<string, ValueNode>()
      for (const definition of operation.variableDefinitions ?? []) {
        if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue)
      }
      const roots = new Set<GraphQLNamedType | null | undefined>([schema.getQueryType(), schema.getMutationType()])
      // A fragment measures the same wherever it is spread (as a page or not): measured once, a
      // fragment spread twice in each of ten fragments costs ten measures, not a thousand.
      const measured = new Map<string, number>()
      const measuring = new Set<string>()

      /** How many of this field one parent holds; its children are counted that many times. */
      const sizeOf = (node: FieldNode, field: GraphQLField<unknown, unknown>, inPage: boolean): number => {
        const argument = (name: string) => valueOf(node.arguments?.find((each) => each.name.value === name)?.value, sent, defaults)
        const payloadField = field.extensions?.field as PayloadFieldExtension | undefined
        if (field.args.some((each) => each.name === 'limit')) {
          const limit = argument('limit')
          if (limit === undefined || limit === null) {
            // A join without a limit, or a list without pagination, reads every document.
            if (argument('pagination') === false || payloadField?.type === 'join') throw new Refusal('listEverythingRefused', { max: limits.maxLimit })
            return payloadDefaultLimit
          }
          const size = typeof limit === 'string' ? Number(limit) : limit
          if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > limits.maxLimit) {
            throw new Refusal('listLimitInvalid', { max: limits.maxLimit, value: String(limit).slice(0, 20) })
          }
          return size
        }
        // The `docs` of a page: its length is the limit counted just above.
        if (inPage) return 1
        if (isListType(getNullableType(field.type))) return payloadField?.maxRows ?? caps.assumedListLength
        return 1
      }

      const measureField = (node: FieldNode, parent: GraphQLNamedType, inPage: boolean): number => {
        // Introspection reads the schema, not documents; unknown fields are GraphQL's own rules' to report.
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined
        if (!field || node.name.value.startsWith('__')) return 0
        const size = sizeOf(node, field, inPage)
        const payloadField = field.extensions?.field as PayloadFieldExtension | undefined
        const reads = roots.has(parent) || readsRelated.has(payloadField?.type ?? '')
        const isPage = field.args.some((each) => each.name === 'limit')
        const below = node.selectionSet ? measureSet(node.selectionSet, getNamedType(field.type), isPage) : 0
        return (reads ? size : 0) + size * below
      }

      const measureFragment = (name: string, inPage: boolean): number => {
        const key = `${name} ${inPage}`
        const known = measured.get(key)
        if (known !== undefined) return known
        const fragment = fragments.get(name)
        // A cycle or an unknown fragment: GraphQL's own rules report both.
        if (!fragment || measuring.has(name)) return 0
        const type = schema.getType(fragment.typeCondition.name.value)
        if (!type) return 0
        measuring.add(name)
        const measure = measureSet(fragment.selectionSet, type, inPage)
        measuring.delete(name)
        measured.set(key, measure)
        return measure
      }

      const measureSet = (set: SelectionSetNode, parent: GraphQLNamedType, inPage: boolean): number =>
        set.selections.reduce(
          (total, selection) =>
            total +
            (selection.kind === Kind.FIELD
              ? measureField(selection, parent, inPage)
              : selection.kind === Kind.FRAGMENT_SPREAD
                ? measureFragment(selection.name.value, inPage)
                : measureSet(selection.selectionSet, (selection.typeCondition && schema.getType(selection.typeCondition.name.value)) || parent, inPage)),
          0,
        )

      const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()
      return root ? measureSet(operation.selectionSet, root, false) : 0
    }

    return {
      OperationDefinition: (operation) => {
        try {
          const documents = documentsOf(operation)
          if (documents > caps.maxDocuments) {
            throw new Refusal('graphQLTooManyDocuments', { count: documents > 1e9 ? '> 1 000 000 000' : Math.round(documents), limit: caps.maxDocuments })
          }
        } catch (error) {
          if (!(error instanceof Refusal)) throw error
          context.reportError(
            new GraphQLError(say(error.key, error.variables), { nodes: [operation], extensions: { code: costRefusalCode, statusCode: 400 } }),
          )
        }
        // Everything this rule needs was read above.
        return false
      },
    }
  }
