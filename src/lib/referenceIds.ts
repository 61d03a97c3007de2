/** A relationship or upload value: an id, or the document itself when populated. */
type Reference = number | string | { id: number | string } | null | undefined

/**
 * The ids a relationship or upload value refers to, one value or many, whether it holds ids or
 * populated documents. Empty references are left out.
 */
export const referenceIds = (value: unknown): Array<number | string> =>
  (Array.isArray(value) ? value : [value]).flatMap((reference: Reference) =>
    reference == null ? [] : [typeof reference === 'object' ? reference.id : reference],
  )

/**
 * The ids referred to at a field path of a document; a dotted path reaches into the rows of an
 * array field, e.g. `relatedDocuments.document`.
 */
export const referenceIdsAt = (doc: unknown, path: string): Array<number | string> => {
  const [head, ...rest] = path.split('.')
  const value = (doc as Record<string, unknown> | null | undefined)?.[head]
  if (rest.length === 0) return referenceIds(value)
  return (Array.isArray(value) ? value : [value]).flatMap((row) => referenceIdsAt(row, rest.join('.')))
}
