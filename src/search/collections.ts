/**
 * What each collection puts in the search index: only fields meant for the document's readers.
 * Review notes, register keys, authors' e-mails and the like never leave the database this way.
 */
import type { CollectionSearchOptions, ShapedDocument } from '../plugins/search/types.js'

import { lexicalText } from '../lib/lexicalText.js'

type Doc = Record<string, unknown>
type MediaDoc = { extractedText?: null | string; sizes?: { thumbnail?: { url?: null | string } }; url?: null | string }

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined)

const asMedia = (value: unknown): MediaDoc | undefined =>
  value && typeof value === 'object' ? (value as MediaDoc) : undefined

const thumbnailOf = (doc: Doc): string | undefined => {
  const cover = asMedia(doc.cover)
  return text(cover?.sizes?.thumbnail?.url) ?? undefined
}

/** Text read from attached PDF, Word and PowerPoint files after their upload. */
const attachmentText = (doc: Doc, fields: string[]): string[] =>
  fields.flatMap((field) => {
    const value = doc[field]
    return (Array.isArray(value) ? value : [value]).flatMap((file) => text(asMedia(file)?.extractedText) ?? [])
  })

const joinText = (...parts: Array<string | undefined | string[]>): string =>
  parts.flat().filter(Boolean).join('\n')

const authorName = (doc: Doc): string | undefined =>
  text((doc.author as { name?: string } | null | undefined)?.name)

const learningMaterial = (doc: Doc): ShapedDocument => ({
  facets: {
    ageGroups: (doc.ageGroups as string[] | undefined) ?? [],
    domains: (doc.domains as string[] | undefined) ?? [],
    type: text(doc.materialType),
  },
  publishedAt: text(doc.updatedAt),
  summary: text(doc.summary),
  text: joinText(lexicalText(doc.body), text(doc.topic), (doc.tags as string[] | undefined) ?? [], authorName(doc), attachmentText(doc, ['files'])),
  thumbnail: thumbnailOf(doc),
  title: String(doc.title ?? ''),
  url: `/hoc-lieu/${text(doc.slug) ?? doc.id}`,
})

const libraryItem = (doc: Doc): ShapedDocument => ({
  facets: {
    ageGroups: (doc.ageGroups as string[] | undefined) ?? [],
    type: text(doc.itemType),
    year: typeof doc.year === 'number' ? doc.year : undefined,
  },
  publishedAt: text(doc.updatedAt),
  summary: text(doc.description),
  text: joinText((doc.creators as string[] | undefined) ?? [], text(doc.publisher), (doc.subjects as string[] | undefined) ?? [], text(doc.isbn), attachmentText(doc, ['files'])),
  thumbnail: thumbnailOf(doc),
  title: String(doc.title ?? ''),
  url: `/thu-vien/${doc.id}`,
})

const announcement = (doc: Doc): ShapedDocument => ({
  facets: { category: text(doc.category) },
  publishedAt: text(doc.publishedAt),
  summary: text(doc.excerpt),
  text: joinText(lexicalText(doc.body), attachmentText(doc, ['attachments'])),
  thumbnail: thumbnailOf(doc),
  title: String(doc.title ?? ''),
  url: `/tin-tuc/${text(doc.slug) ?? doc.id}`,
})

const regulatoryDocument = (doc: Doc): ShapedDocument => {
  const parts = doc.numberParts as { issuerCode?: string; normalized?: string; year?: number } | undefined
  return {
    documentNumber: text(doc.documentNumber),
    facets: {
      documentType: text(doc.documentType),
      issuer: text(parts?.issuerCode),
      year: parts?.year ?? undefined,
    },
    publishedAt: text(doc.issueDate),
    summary: text(doc.summary),
    // The normalised number too, so "9/2024/TT-BGDĐT" finds a document written "09/2024/TT-BGDĐT".
    text: joinText(text(parts?.normalized), text(doc.issuingBody), text(doc.signer), text(doc.field), attachmentText(doc, ['file'])),
    title: String(doc.title ?? ''),
    url: `/van-ban/${doc.id}`,
  }
}

const isOut = (doc: Doc, now: Date) => {
  const publishedAt = text(doc.publishedAt)
  const expiresAt = text(doc.expiresAt)
  return (!publishedAt || new Date(publishedAt) <= now) && (!expiresAt || new Date(expiresAt) > now)
}

/** A replaced file changes the text (and thumbnail) its documents are found by. */
const filesOf = (fields: string[]) => fields.map((field) => ({ collection: 'media', field }))

export const searchCollections: Record<string, CollectionSearchOptions> = {
  announcements: {
    dependsOn: filesOf(['cover', 'attachments']),
    isListed: isOut,
    shape: announcement,
    timeFields: ['publishedAt', 'expiresAt'],
  },
  'learning-materials': {
    dependsOn: [{ collection: 'users', field: 'author' }, ...filesOf(['cover', 'files'])],
    shape: learningMaterial,
  },
  'library-items': { dependsOn: filesOf(['cover', 'files']), shape: libraryItem },
  'regulatory-documents': { dependsOn: filesOf(['file']), shape: regulatoryDocument },
}
