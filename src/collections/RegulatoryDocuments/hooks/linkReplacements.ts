import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { inDefaultLocale } from '../../../lib/inDefaultLocale.js'
import { referenceIds } from '../../../lib/referenceIds.js'
import { defaultLocale } from '../../../localization.js'

type Related = { document?: number | string | { id: number | string } | null; relation?: string }

const replacedIds = (doc: { relatedDocuments?: Related[] | null } | undefined) =>
  referenceIds(
    (doc?.relatedDocuments ?? []).filter((related) => related.relation === 'replaces').map((related) => related.document),
  )

/**
 * A document that replaces others marks them as replaced (their `replacedBy`), so validity is
 * read from the document itself instead of a query per document on every read.
 */
const refresh = async (ids: Array<number | string>, req: PayloadRequest) => {
  for (const id of new Set(ids)) {
    // Bookkeeping across the whole register: the reverse links are derived, not authored.
    const { docs } = await req.payload.find({
      collection: 'regulatory-documents',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { relatedDocuments: true },
      // A draft that would replace a document does not replace it until it is published.
      where: { and: [{ 'relatedDocuments.document': { equals: id } }, { _status: { equals: 'published' } }] },
    })
    const replacers = docs.filter((doc) => replacedIds(doc as { relatedDocuments?: Related[] }).includes(id))
    await inDefaultLocale(req, () =>
      req.payload.update({
        collection: 'regulatory-documents',
        id,
        context: { skipReplacementLinks: true },
        data: { replacedBy: replacers.map((doc) => doc.id) },
        depth: 0,
        locale: defaultLocale,
        overrideAccess: true,
        req,
      }),
    ).catch((error: unknown) => {
      // A document deleted in the same request has no validity left to show.
      if ((error as { status?: number }).status !== 404) throw error
    })
  }
}

export const linkReplacements: CollectionAfterChangeHook = async ({ context, doc, previousDoc, req }) => {
  // Writing `replacedBy` re-enters this hook; that write changes no relations.
  if (context.skipReplacementLinks) return doc
  await refresh([...replacedIds(doc), ...replacedIds(previousDoc)], req)
  return doc
}

export const unlinkReplacements: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await refresh(replacedIds(doc), req)
  return doc
}
