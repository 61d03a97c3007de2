import type { Field } from 'payload'

/** The collections these fields relate to, at any depth: in groups, arrays, blocks and tabs too. */
const relatedCollectionsOf = (fields: Field[]): Set<string> => {
  const related = new Set<string>()
  const visit = (list: Field[]) => {
    for (const field of list) {
      if (field.type === 'relationship' || field.type === 'upload') for (const slug of [field.relationTo].flat()) related.add(slug)
      if ('fields' in field) visit(field.fields)
      if (field.type === 'tabs') for (const tab of field.tabs) visit(tab.fields)
      if (field.type === 'blocks') for (const block of field.blocks) visit(block.fields)
    }
  }
  visit(fields)
  return related
}

/**
 * The collections whose documents lead to a document of `targets` through their relations,
 * directly or through other documents: a list of them populates one at some `depth`.
 */
export const collectionsReaching = (collections: Array<{ fields: Field[]; slug: string }>, targets: ReadonlySet<string>): Set<string> => {
  const relations = new Map(collections.map((collection) => [collection.slug, relatedCollectionsOf(collection.fields)]))
  const reaching = new Set<string>()
  let grew = true
  while (grew) {
    grew = false
    for (const [slug, related] of relations) {
      if (reaching.has(slug)) continue
      if ([...related].some((each) => targets.has(each) || reaching.has(each))) {
        reaching.add(slug)
        grew = true
      }
    }
  }
  return reaching
}
