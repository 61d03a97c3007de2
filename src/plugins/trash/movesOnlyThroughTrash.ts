const bookkeeping = new Set(['deletedAt', 'updatedAt'])

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Whether a save only moves the document into the trash or out of it. Payload re-saves the whole
 * live document then, published as it was, which is no publication: rules about publishing let it
 * pass, and any other change in the same save makes it an ordinary save again.
 */
export const movesOnlyThroughTrash = (data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined): boolean =>
  Boolean(originalDoc) &&
  Boolean(data.deletedAt) !== Boolean(originalDoc?.deletedAt) &&
  Object.keys(data).every((key) => bookkeeping.has(key) || same(data[key], originalDoc?.[key]))
