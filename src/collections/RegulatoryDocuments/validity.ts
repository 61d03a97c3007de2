/** The validity of a document on a given day, from its dates and whether a newer one replaces it. */
export type Validity = 'expired' | 'in-force' | 'not-yet-effective' | 'replaced'

export const validityOf = (
  doc: { effectiveDate?: null | string; expiryDate?: null | string; replacedBy?: unknown },
  now: Date = new Date(),
): Validity => {
  const replacedBy = doc.replacedBy
  if (Array.isArray(replacedBy) ? replacedBy.length > 0 : Boolean(replacedBy)) return 'replaced'
  if (doc.effectiveDate && new Date(doc.effectiveDate) > now) return 'not-yet-effective'
  if (doc.expiryDate && new Date(doc.expiryDate) <= now) return 'expired'
  return 'in-force'
}
