import type { FlattenedField } from 'payload'

const relationTypes = new Set(['join', 'relationship', 'upload'])

/**
 * The segments of a field path as Payload reads it: `-` (descending) dropped, and `__` taken as a
 * dot, which Payload's sort and query validation accept (`author__email` is `author.email`).
 */
export const pathSegments = (path: string): string[] => path.trim().replace(/^-/, '').replace(/__/g, '.').split('.')

/**
 * True when a dotted field path (`author.email`, `-cover.alt`, `author__email`) steps through a
 * relationship into another collection's fields: sorting or filtering on it makes the database
 * join that collection.
 */
export const crossesRelation = (fields: FlattenedField[], path: string): boolean => {
  const segments = pathSegments(path)
  let current = fields
  for (const [index, segment] of segments.entries()) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) return false
    if (index === segments.length - 1) return false
    if (relationTypes.has(field.type)) return true
    if (!('flattenedFields' in field)) return false
    current = field.flattenedFields
  }
  return false
}
