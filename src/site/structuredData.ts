import type { Announcement, LearningMaterial, LibraryItem, Media, RegulatoryDocument, SchoolProfile } from '@/payload-types.js'

import { labelOf } from './labels.js'

/**
 * schema.org descriptions (JSON-LD) of the detail pages, built from the very document the page
 * renders, so they say what the page shows and nothing more. The context is given inline
 * (`@vocab`), so any JSON-LD processor expands it without fetching schema.org's context.
 */
export type JsonLd = Record<string, unknown>

const context = { '@vocab': 'https://schema.org/' }

/** Ages in years of each age group, for `typicalAgeRange`. */
const agesOf: Record<string, [number, number]> = {
  'nha-tre': [2, 3],
  'mau-giao-be': [3, 4],
  'mau-giao-nho': [4, 5],
  'mau-giao-lon': [5, 6],
}

const typicalAgeRange = (ageGroups: null | string[] | undefined): string | undefined => {
  const ranges = (ageGroups ?? []).map((group) => agesOf[group]).filter(Boolean)
  if (!ranges.length) return undefined
  return `${Math.min(...ranges.map(([from]) => from))}-${Math.max(...ranges.map(([, to]) => to))}`
}

const compact = (value: JsonLd): JsonLd =>
  Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined && each !== null && each !== '' && !(Array.isArray(each) && each.length === 0)))

const absolute = (siteUrl: string, url: null | string | undefined): string | undefined =>
  url ? (url.startsWith('/') ? `${siteUrl}${url}` : url) : undefined

const imageOf = (siteUrl: string, value: Media | null | number | undefined): string | undefined =>
  value && typeof value === 'object' ? absolute(siteUrl, value.sizes?.card?.url ?? value.url) : undefined

const day = (value: null | string | undefined): string | undefined => value?.slice(0, 10)

/** A learning material: schema.org `LearningResource`. */
export const learningResourceJsonLd = (
  item: Pick<LearningMaterial, 'ageGroups' | 'cover' | 'durationMinutes' | 'id' | 'materialType' | 'slug' | 'summary' | 'tags' | 'title' | 'topic'>,
  siteUrl: string,
): JsonLd =>
  compact({
    '@context': context,
    '@type': 'LearningResource',
    '@id': `${siteUrl}/hoc-lieu/${item.slug ?? item.id}`,
    url: `${siteUrl}/hoc-lieu/${item.slug ?? item.id}`,
    name: item.title,
    description: item.summary,
    learningResourceType: labelOf('materialType', item.materialType),
    educationalLevel: (item.ageGroups ?? []).map((group) => labelOf('ageGroup', group)),
    typicalAgeRange: typicalAgeRange(item.ageGroups),
    about: item.topic,
    keywords: item.tags?.join(', '),
    inLanguage: 'vi',
    image: imageOf(siteUrl, item.cover),
    timeRequired: item.durationMinutes ? `PT${item.durationMinutes}M` : undefined,
  })

/** A library item: schema.org `Book`. */
export const bookJsonLd = (item: LibraryItem, siteUrl: string): JsonLd =>
  compact({
    '@context': context,
    '@type': 'Book',
    '@id': `${siteUrl}/thu-vien/${item.id}`,
    url: `${siteUrl}/thu-vien/${item.id}`,
    name: item.title,
    description: item.description,
    author: (item.creators ?? []).map((name) => ({ '@type': 'Person', name })),
    publisher: item.publisher ? { '@type': 'Organization', name: item.publisher } : undefined,
    datePublished: item.year ? String(item.year) : undefined,
    isbn: item.isbn,
    inLanguage: item.language && item.language !== 'other' ? item.language : undefined,
    about: item.subjects ?? undefined,
    typicalAgeRange: typicalAgeRange(item.ageGroups),
    license: item.licence,
    image: imageOf(siteUrl, item.cover),
  })

const relatedLink = (siteUrl: string, value: number | RegulatoryDocument | undefined): JsonLd | undefined =>
  value && typeof value === 'object'
    ? { '@type': 'Legislation', '@id': `${siteUrl}/van-ban/${value.id}`, legislationIdentifier: value.documentNumber, name: value.title }
    : undefined

/**
 * schema.org's properties for the relations a document states: it implements another
 * (`legislationTransposes`), is based on it (`isBasedOn`), amends or replaces it
 * (`legislationChanges`).
 */
const relationProperty: Record<string, string> = {
  amends: 'legislationChanges',
  'based-on': 'isBasedOn',
  implements: 'legislationTransposes',
  replaces: 'legislationChanges',
}

const legalForce: Record<string, string> = {
  expired: 'https://schema.org/NotInForce',
  'in-force': 'https://schema.org/InForce',
  replaced: 'https://schema.org/NotInForce',
}

/** An official document: schema.org `Legislation`, with the relations the page lists. */
export const legislationJsonLd = (doc: RegulatoryDocument, siteUrl: string): JsonLd => {
  const relations: Record<string, JsonLd[]> = {}
  for (const { document, relation } of doc.relatedDocuments ?? []) {
    const link = relatedLink(siteUrl, document)
    const property = relationProperty[relation]
    if (link && property) (relations[property] ??= []).push(link)
  }
  const replacedBy = (doc.replacedBy ?? []).map((each) => relatedLink(siteUrl, each)).filter((each): each is JsonLd => Boolean(each))
  return compact({
    '@context': context,
    '@type': 'Legislation',
    '@id': `${siteUrl}/van-ban/${doc.id}`,
    url: `${siteUrl}/van-ban/${doc.id}`,
    name: doc.title,
    abstract: doc.summary,
    legislationIdentifier: doc.documentNumber,
    legislationType: labelOf('documentType', doc.documentType),
    legislationDate: day(doc.issueDate),
    legislationPassedBy: { '@type': 'Organization', name: doc.issuingBody },
    legislationResponsible: doc.signer ? compact({ '@type': 'Person', name: doc.signer, jobTitle: doc.signerTitle }) : undefined,
    legislationLegalForce: doc.validityStatus && legalForce[doc.validityStatus] ? { '@id': legalForce[doc.validityStatus] } : undefined,
    inLanguage: 'vi',
    ...relations,
    // The documents that replaced this one changed it: the same property, seen from their side.
    '@reverse': replacedBy.length ? { legislationChanges: replacedBy } : undefined,
  })
}

/** An announcement: schema.org `NewsArticle`. */
export const newsArticleJsonLd = (
  item: Pick<Announcement, 'category' | 'cover' | 'excerpt' | 'expiresAt' | 'id' | 'publishedAt' | 'slug' | 'title'>,
  siteUrl: string,
  schoolName: string,
): JsonLd =>
  compact({
    '@context': context,
    '@type': 'NewsArticle',
    '@id': `${siteUrl}/tin-tuc/${item.slug ?? item.id}`,
    url: `${siteUrl}/tin-tuc/${item.slug ?? item.id}`,
    headline: item.title,
    description: item.excerpt,
    articleSection: labelOf('category', item.category),
    datePublished: item.publishedAt ?? undefined,
    expires: item.expiresAt ?? undefined,
    image: imageOf(siteUrl, item.cover),
    inLanguage: 'vi',
    publisher: { '@type': 'Preschool', name: schoolName, url: siteUrl },
  })

/** The school itself, on the "about" page: schema.org `Preschool`. */
export const preschoolJsonLd = (profile: Pick<SchoolProfile, 'address' | 'contacts' | 'motto' | 'name' | 'summary'>, siteUrl: string): JsonLd =>
  compact({
    '@context': context,
    '@type': 'Preschool',
    '@id': `${siteUrl}/gioi-thieu`,
    url: siteUrl,
    name: profile.name,
    slogan: profile.motto,
    description: profile.summary,
    address: profile.address,
    telephone: profile.contacts?.phone,
    email: profile.contacts?.email,
  })

/** The JSON of a `<script type="application/ld+json">`, safe inside HTML. */
export const jsonLdScript = (value: JsonLd): string => JSON.stringify(value).replace(/</g, '\\u003c')
