import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql'

import { GraphQLError, Kind, parse } from 'graphql'

import type { SanitizedCostLimits } from './types.js'

/** Marks a document refused by the screen. */
export const documentRefusalCode = 'DOCUMENT_REFUSED'

export type Screening = { message: string } | undefined

const refusal = (vi: string, en: string): Screening => ({ message: `${vi} / ${en}` })

const quoted = (name: string) => `"${name.slice(0, 40)}"`

type Shape = { aliases: number; depth: number; fields: number }

/** A count past any cap, said as such instead of as a 20-digit number. */
const said = (count: number, vi: boolean) => (count > 1e9 ? (vi ? 'hơn 1 tỉ' : 'over a billion') : String(count))

/**
 * Checks what needs no schema, before GraphQL's own validation, whose cost grows faster than the
 * document: it compares every two fields of a selection that answer to the same name (1,000 of
 * them in 25 KB cost 4.5 s of CPU), Payload's complexity rule walks a fragment as often as it is
 * spread (a chain of twelve fragments each spreading the next three times cost 2 s in 1.2 KB) and
 * overflows on a fragment that spreads itself, and 100 aliases cost more to validate than a list
 * costs to read. So: a bounded number of tokens, each name once per selection (inline fragments
 * merged into it, as GraphQL merges them), no fragment cycle, and, once fragments are spread —
 * each measured once — bounded fields, depth, aliases and top-level fields.
 */
export const screenDocument = (query: string, limits: SanitizedCostLimits['graphQL']): Screening => {
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true })
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('tokens')) {
      return refusal(`Truy vấn quá dài: tối đa ${limits.maxTokens} từ tố`, `The query is too long: at most ${limits.maxTokens} tokens`)
    }
    // GraphQL's handler reports syntax errors itself.
    return undefined
  }

  const fragments = new Map<string, FragmentDefinitionNode>()
  const operations: OperationDefinitionNode[] = []
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition)
  }
  if (fragments.size > limits.maxFragments) {
    return refusal(`Truy vấn có ${fragments.size} fragment, tối đa ${limits.maxFragments}`, `The query has ${fragments.size} fragments, at most ${limits.maxFragments}`)
  }

  let repeated: string | undefined
  const spreads = new Map<string, Set<string>>()
  const read = (set: SelectionSetNode, names: Set<string>, spread: Set<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) spread.add(selection.name.value)
      else if (selection.kind === Kind.INLINE_FRAGMENT) read(selection.selectionSet, names, spread)
      else {
        const name = selection.alias?.value ?? selection.name.value
        if (names.has(name)) repeated ??= name
        names.add(name)
        if (selection.selectionSet) read(selection.selectionSet, new Set(), spread)
      }
    }
  }
  for (const [name, fragment] of fragments) read(fragment.selectionSet, new Set(), spreads.set(name, new Set()).get(name)!)
  for (const operation of operations) read(operation.selectionSet, new Set(), new Set())
  if (repeated) return refusal(`Trường ${quoted(repeated)} được hỏi hai lần ở cùng một chỗ`, `The field ${quoted(repeated)} is asked for twice in one place`)

  const state = new Map<string, 'done' | 'open'>()
  const cycles = (name: string): boolean => {
    if (state.get(name) === 'open') return true
    if (state.get(name) === 'done' || !spreads.has(name)) return false
    state.set(name, 'open')
    const found = [...spreads.get(name)!].some(cycles)
    state.set(name, 'done')
    return found
  }
  const cyclic = [...spreads.keys()].find(cycles)
  if (cyclic) return refusal(`Fragment ${quoted(cyclic)} tự gọi lại chính nó`, `The fragment ${quoted(cyclic)} spreads itself`)

  const shapes = new Map<string, Shape>()
  const shapeOfFragment = (name: string): Shape => {
    if (!shapes.has(name)) shapes.set(name, fragments.has(name) ? shapeOf(fragments.get(name)!.selectionSet) : { aliases: 0, depth: 0, fields: 0 })
    return shapes.get(name)!
  }
  const shapeOf = (set: SelectionSetNode): Shape => {
    const total: Shape = { aliases: 0, depth: 0, fields: 0 }
    for (const selection of set.selections) {
      let shape: Shape
      if (selection.kind === Kind.FRAGMENT_SPREAD) shape = shapeOfFragment(selection.name.value)
      else if (selection.kind === Kind.INLINE_FRAGMENT) shape = shapeOf(selection.selectionSet)
      else {
        const below = selection.selectionSet ? shapeOf(selection.selectionSet) : { aliases: 0, depth: 0, fields: 0 }
        // Introspection reads the schema, never documents, however deep it goes.
        const introspection = selection.name.value.startsWith('__')
        shape = { aliases: below.aliases + (selection.alias ? 1 : 0), depth: introspection ? 0 : 1 + below.depth, fields: 1 + below.fields }
      }
      total.aliases += shape.aliases
      total.depth = Math.max(total.depth, shape.depth)
      total.fields += shape.fields
    }
    return total
  }
  const tops = new Map<string, number>()
  const topFieldsOfFragment = (name: string): number => {
    if (!tops.has(name)) tops.set(name, fragments.has(name) ? topFields(fragments.get(name)!.selectionSet) : 0)
    return tops.get(name)!
  }
  const topFields = (set: SelectionSetNode): number =>
    set.selections.reduce(
      (count, selection) =>
        count +
        (selection.kind === Kind.FIELD
          ? 1
          : selection.kind === Kind.INLINE_FRAGMENT
            ? topFields(selection.selectionSet)
            : topFieldsOfFragment(selection.name.value)),
      0,
    )

  for (const operation of operations) {
    const shape = shapeOf(operation.selectionSet)
    const roots = topFields(operation.selectionSet)
    if (shape.fields > limits.maxExpandedFields) {
      return refusal(
        `Truy vấn có ${said(shape.fields, true)} trường khi trải các fragment, tối đa ${limits.maxExpandedFields}`,
        `The query has ${said(shape.fields, false)} fields once its fragments are spread, at most ${limits.maxExpandedFields}`,
      )
    }
    if (roots > limits.maxRootFields) {
      return refusal(`Truy vấn hỏi ${roots} mục cùng lúc, tối đa ${limits.maxRootFields}`, `The query asks for ${roots} things at once, at most ${limits.maxRootFields}`)
    }
    if (shape.aliases > limits.maxAliases) {
      return refusal(`Truy vấn có ${shape.aliases} bí danh (alias), tối đa ${limits.maxAliases}`, `The query has ${shape.aliases} aliases, at most ${limits.maxAliases}`)
    }
    if (shape.depth > limits.maxDepth) {
      return refusal(`Truy vấn lồng trường sâu ${shape.depth} cấp, tối đa ${limits.maxDepth}`, `The query nests fields ${shape.depth} deep, at most ${limits.maxDepth}`)
    }
  }
  return undefined
}
