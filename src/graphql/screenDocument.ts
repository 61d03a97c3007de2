import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql'

import { GraphQLError, Kind, parse } from 'graphql'

/** What a document may hold before GraphQL's own validation looks at it. */
export const documentLimits = {
  /** About 10 KB of a typical query; the parser stops counting there. */
  maxTokens: 3000,
  /** Fields once every fragment is spread where it is used. */
  maxExpandedFields: 500,
  maxFragments: 10,
} as const

/** Marks a document refused by the screen. */
export const documentRefusalCode = 'DOCUMENT_REFUSED'

export type Screening = { message: string } | undefined

const refusal = (vi: string, en: string): Screening => ({ message: `${vi} / ${en}` })

const quoted = (name: string) => `"${name.slice(0, 40)}"`

/**
 * GraphQL's validation compares every two fields of a selection that answer to the same name,
 * and Payload's complexity rule walks every fragment as often as it is spread, both before any
 * rule of ours runs: 1,000 repetitions of a field in a 25 KB query cost 4.5 s of CPU, a chain of
 * twelve fragments each spreading the next three times costs 2 s in 1.2 KB, and a fragment that
 * spreads itself crashes the complexity rule. A document is screened for those shapes first:
 * each name once per selection (inline fragments included), no fragment cycle, and a bounded
 * size once fragments are spread — measured with each fragment counted once.
 */
export const screenDocument = (query: string): Screening => {
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: documentLimits.maxTokens, noLocation: true })
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('tokens')) {
      return refusal(`Truy vấn quá dài: tối đa ${documentLimits.maxTokens} từ tố`, `The query is too long: at most ${documentLimits.maxTokens} tokens`)
    }
    // GraphQL's handler reports syntax errors itself.
    return undefined
  }

  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  if (fragments.size > documentLimits.maxFragments) {
    return refusal(
      `Truy vấn có ${fragments.size} fragment, tối đa ${documentLimits.maxFragments}`,
      `The query has ${fragments.size} fragments, at most ${documentLimits.maxFragments}`,
    )
  }

  let repeated: string | undefined
  const spreads = new Map<string, Set<string>>()
  /** Names answered by one selection, inline fragments merged into it as GraphQL merges them. */
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
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const spread = new Set<string>()
      read(definition.selectionSet, new Set(), spread)
      spreads.set(definition.name.value, spread)
    } else if (definition.kind === Kind.OPERATION_DEFINITION) read(definition.selectionSet, new Set(), new Set())
  }
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

  const sizes = new Map<string, number>()
  const sizeOfFragment = (name: string): number => {
    if (!sizes.has(name)) sizes.set(name, fragments.has(name) ? sizeOf(fragments.get(name)!.selectionSet) : 0)
    return sizes.get(name)!
  }
  const sizeOf = (set: SelectionSetNode): number =>
    set.selections.reduce(
      (total, selection) =>
        total +
        (selection.kind === Kind.FRAGMENT_SPREAD
          ? sizeOfFragment(selection.name.value)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? sizeOf(selection.selectionSet)
            : 1 + (selection.selectionSet ? sizeOf(selection.selectionSet) : 0)),
      0,
    )
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const size = sizeOf(definition.selectionSet)
    if (size > documentLimits.maxExpandedFields) {
      return refusal(
        `Truy vấn có ${size > 1e9 ? 'hơn 1 tỉ' : size} trường khi trải các fragment, tối đa ${documentLimits.maxExpandedFields}`,
        `The query has ${size > 1e9 ? 'over a billion' : size} fields once its fragments are spread, at most ${documentLimits.maxExpandedFields}`,
      )
    }
  }
  return undefined
}
