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

/** Marks our refusals, so the route can tell them apart and clients can too. */
export const costRefusalCode = 'QUERY_TOO_COSTLY'

export type Say = (key: TruongsoMessage, variables: Record<string, number | string>) => string

type Measure = { aliases: number; depth: number; documents: number }

const nothing: Measure = { aliases: 0, depth: 0, documents: 0 }

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
 * documents than `maxDocuments`, nest deeper than `maxDepth`, or carry more aliases or top-level
 * fields than allowed. Payload's own limit counts fields; this one counts what they read: a list
 * by its `limit`, a relationship by its documents, nested lists multiplied through.
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

    const measureOperation = (operation: OperationDefinitionNode): Measure & { rootFields: number } => {
      const defaults = new Map<string, ValueNode>()
      for (const definition of operation.variableDefinitions ?? []) {
        if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue)
      }
      const roots = new Set<GraphQLNamedType | null | undefined>([schema.getQueryType(), schema.getMutationType()])
      // A fragment measures the same wherever it is spread; measured once, a fragment spread twice
      // in each of twenty fragments costs twenty measures, not a million.
      const measured = new Map<string, Measure>()
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

      const measureField = (node: FieldNode, parent: GraphQLNamedType, inPage: boolean): Measure => {
        const aliases = node.alias ? 1 : 0
        // Introspection reads the schema, not documents.
        if (node.name.value.startsWith('__')) return { ...nothing, aliases }
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined
        // Unknown fields are reported by GraphQL's own rules.
        if (!field) return { ...nothing, aliases, depth: 1 }
        const size = sizeOf(node, field, inPage)
        const payloadField = field.extensions?.field as PayloadFieldExtension | undefined
        const reads = roots.has(parent) || readsRelated.has(payloadField?.type ?? '')
        const isPage = field.args.some((each) => each.name === 'limit')
        const below = node.selectionSet ? measureSet(node.selectionSet, getNamedType(field.type), isPage) : nothing
        return {
          aliases: aliases + below.aliases,
          depth: 1 + below.depth,
          documents: (reads ? size : 0) + size * below.documents,
        }
      }

      const measureFragment = (name: string, inPage: boolean): Measure => {
        const key = `${name} ${inPage}`
        const known = measured.get(key)
        if (known) return known
        const fragment = fragments.get(name)
        // A cycle or an unknown fragment: GraphQL's own rules report both.
        if (!fragment || measuring.has(name)) return nothing
        const type = schema.getType(fragment.typeCondition.name.value)
        if (!type) return nothing
        measuring.add(name)
        const measure = measureSet(fragment.selectionSet, type, inPage)
        measuring.delete(name)
        measured.set(key, measure)
        return measure
      }

      const measureSet = (set: SelectionSetNode, parent: GraphQLNamedType, inPage: boolean): Measure => {
        const total = { ...nothing }
        for (const selection of set.selections) {
          const measure =
            selection.kind === Kind.FIELD
              ? measureField(selection, parent, inPage)
              : selection.kind === Kind.FRAGMENT_SPREAD
                ? measureFragment(selection.name.value, inPage)
                : measureSet(selection.selectionSet, (selection.typeCondition && schema.getType(selection.typeCondition.name.value)) || parent, inPage)
          total.aliases += measure.aliases
          total.depth = Math.max(total.depth, measure.depth)
          total.documents += measure.documents
        }
        return total
      }

      const countRootFields = (set: SelectionSetNode, seen: Set<string>): number =>
        set.selections.reduce((count, selection) => {
          if (selection.kind === Kind.FIELD) return count + 1
          if (selection.kind === Kind.INLINE_FRAGMENT) return count + countRootFields(selection.selectionSet, seen)
          const fragment = fragments.get(selection.name.value)
          if (!fragment || seen.has(fragment.name.value)) return count
          return count + countRootFields(fragment.selectionSet, new Set([...seen, fragment.name.value]))
        }, 0)

      const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()
      const measure = root ? measureSet(operation.selectionSet, root, false) : nothing
      return { ...measure, rootFields: countRootFields(operation.selectionSet, new Set()) }
    }

    const over = (measure: Measure & { rootFields: number }): [TruongsoMessage, number, number] | undefined => {
      if (measure.rootFields > caps.maxRootFields) return ['graphQLTooManyRootFields', measure.rootFields, caps.maxRootFields]
      if (measure.aliases > caps.maxAliases) return ['graphQLTooManyAliases', measure.aliases, caps.maxAliases]
      if (measure.depth > caps.maxDepth) return ['graphQLTooDeep', measure.depth, caps.maxDepth]
      if (measure.documents > caps.maxDocuments) return ['graphQLTooManyDocuments', Math.round(measure.documents), caps.maxDocuments]
      return undefined
    }

    return {
      OperationDefinition: (operation) => {
        try {
          const refused = over(measureOperation(operation))
          if (refused) {
            const [key, count, limit] = refused
            throw new Refusal(key, { count: count > 1e9 ? '> 1 000 000 000' : count, limit })
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
