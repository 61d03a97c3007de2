import type { FlattenedField } from 'payload'

const relationTypes = new Set(['join', 'relationship', 'upload'])

/**
 * True when a dotted field path (`author.email`, `-cover.alt`) steps through a relationship into
 * another collection's fields: sorting or filtering on it makes the database join that collection.
 */
export const crossesRelation = (fields: FlattenedField[], path: string): boolean => {
  const segments = path.replace(/^-/, '').split('.')
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
