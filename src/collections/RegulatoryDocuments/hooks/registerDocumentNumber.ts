import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { canSeeLevel } from '../../../access/accessLevels.js'
import { documentMatchKey, parseDocumentNumber } from '../../../lib/documentNumber.js'
import { translate } from '../../../lib/translate.js'

const yearOf = (date: unknown): number | undefined =>
  typeof date === 'string' && date ? new Date(date).getUTCFullYear() : undefined

/**
 * Splits "227/KH-UBND" into its parts and refuses a second document with the same number from the
 * same issuer in the same year, naming the one already registered (by title only to those who
 * may read it).
 */
export const registerDocumentNumber: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
}) => {
  const written = (data.documentNumber ?? originalDoc?.documentNumber) as string | undefined
  const parsed = written ? parseDocumentNumber(written) : null
  if (!written || !parsed) {
    throw new ValidationError(
      {
        errors: [{ message: translate(req, 'documentNumberInvalid', { value: written ?? '' }), path: 'documentNumber' }],
        req,
      },
      req.t,
    )
  }
  const year = parsed.year ?? yearOf(data.issueDate ?? originalDoc?.issueDate)
  const matchKey = documentMatchKey(parsed, year)

  // The register is checked as a whole, levels the writer cannot read included.
  const { docs } = await req.payload.find({
    collection: 'regulatory-documents',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    select: { accessLevel: true, summary: true, title: true },
    where: {
      and: [
        { 'numberParts.matchKey': { equals: matchKey } },
        ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
  })
  const existing = docs[0]
  if (existing) {
    const title = canSeeLevel(req.user ?? null, existing.accessLevel) || !req.user ? existing.title : '…'
    throw new ValidationError(
      {
        errors: [
          {
            message: translate(req, 'documentNumberTaken', {
              id: existing.id,
              issuer: parsed.issuerCode,
              number: parsed.number,
              title: String(title),
              year: year ?? '—',
            }),
            path: 'documentNumber',
          },
        ],
        req,
      },
      req.t,
    )
  }
  data.numberParts = {
    issuerCode: parsed.issuerCode,
    matchKey,
    normalized: parsed.normalized,
    number: parsed.number,
    typeCode: parsed.typeCode ?? null,
    unitCode: parsed.unitCode ?? null,
    year: year ?? null,
  }
  return data
}
