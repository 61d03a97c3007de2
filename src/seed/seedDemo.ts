import type { DataFromCollectionSlug, Payload } from 'payload'

import { demoAccounts, demoPassword, type AccountKey } from './demo/accounts.js'
import { demoAnnouncements } from './demo/announcements.js'
import { demoDocuments } from './demo/documents.js'
import { demoLibraryItems } from './demo/library.js'
import { demoMaterials } from './demo/materials.js'
import { demoMediaUploader, type DemoMediaUploader, type MediaId } from './demo/media.js'
import { announcementPdfName, demoPdfs, documentPdfName, libraryPdfName, materialPdfName, type DemoPdf } from './demo/pdfs.js'
import { richText } from './demo/richText.js'
import { demoSchoolProfile } from './demo/schoolProfile.js'

type User = DataFromCollectionSlug<'users'>
type Users = Record<AccountKey, User>
type DocumentId = DataFromCollectionSlug<'regulatory-documents'>['id']

/** What {@link seedDemo} made: the accounts to sign in with, and how many documents of each kind. */
export type SeedDemoResult = {
  accounts: Array<{ email: string; role: string; password: string }>
  counts: Record<string, number>
}

const DAY = 24 * 60 * 60 * 1000

const daysFrom = (now: Date, days: number): string => new Date(now.getTime() + days * DAY).toISOString()

/**
 * Creates the accounts: the first administrator directly (there is nobody yet to act as), the
 * others by that administrator, as the school would.
 */
const createAccounts = async (payload: Payload, password: string): Promise<Users> => {
  const users: Partial<Users> = {}
  for (const account of demoAccounts) {
    const admin = users.admin
    users[account.key] = await payload.create({
      collection: 'users',
      data: { email: account.email, password, name: account.name, roles: account.roles },
      depth: 0,
      // Only the very first account is created without a user; it is the administrator.
      overrideAccess: !admin,
      ...(admin ? { user: admin } : {}),
    })
  }
  return users as Users
}

const publisherFor = (users: Users, author: AccountKey): User =>
  author === 'admin' || author === 'reviewer' ? users[author] : users.reviewer

type Pdfs = Map<string, DemoPdf>

/** Uploads the catalogued PDF named `name` (see demoPdfs), once, by the account that files it. */
const uploadPdf = (media: DemoMediaUploader, users: Users, pdfs: Pdfs, name: string): Promise<MediaId> => {
  const pdf = pdfs.get(name)
  if (!pdf) throw new Error(`No demo PDF named ${name}`)
  return media.pdf(pdf.name, pdf.spec, pdf.accessLevel, users[pdf.uploader])
}

const seedDocuments = async (payload: Payload, users: Users, media: DemoMediaUploader, pdfs: Pdfs) => {
  const ids = new Map<string, DocumentId>()
  for (const document of demoDocuments(users.admin.name)) {
    const filer = users[document.filedBy]
    const file = await uploadPdf(media, users, pdfs, documentPdfName(document))
    const related = (document.related ?? []).map(({ relation, key }) => {
      const target = ids.get(key)
      if (target === undefined) throw new Error(`Demo document ${document.key} relates to ${key}, which is not created before it`)
      return { relation, document: target }
    })
    const created = await payload.create({
      collection: 'regulatory-documents',
      data: {
        documentNumber: document.documentNumber,
        documentType: document.documentType,
        title: document.title,
        summary: document.summary,
        issuingBody: document.issuingBody,
        signer: document.signer,
        signerTitle: document.signerTitle,
        issueDate: document.issueDate,
        effectiveDate: document.effectiveDate,
        expiryDate: document.expiryDate,
        direction: document.direction,
        field: document.field,
        recipients: document.recipients,
        file,
        relatedDocuments: related,
        accessLevel: document.accessLevel,
        _status: 'published',
      },
      depth: 0,
      overrideAccess: false,
      user: filer,
    })
    ids.set(document.key, created.id)
    if (document.titleEn) {
      await payload.update({
        collection: 'regulatory-documents',
        id: created.id,
        locale: 'en',
        data: { title: document.titleEn, summary: document.summaryEn ?? document.titleEn },
        depth: 0,
        overrideAccess: false,
        user: filer,
      })
    }
  }
  return ids
}

/**
 * Teachers write and submit; the reviewer publishes. Materials written by a publisher are
 * published in the same write, as the admin panel would do.
 */
const seedMaterials = async (payload: Payload, users: Users, media: DemoMediaUploader, pdfs: Pdfs) => {
  for (const material of demoMaterials) {
    const author = users[material.author]
    const publisher = publisherFor(users, material.author)
    const cover = material.cover ? await media.image(material.cover, users.admin) : undefined
    const files = material.pdf ? [await uploadPdf(media, users, pdfs, materialPdfName(material))] : []
    const data = {
      title: material.title,
      summary: material.summary,
      body: richText(material.body),
      materialType: material.materialType,
      topic: material.topic,
      ageGroups: material.ageGroups,
      domains: material.domains,
      accessLevel: material.accessLevel,
      cover,
      files,
      durationMinutes: material.durationMinutes,
      schoolYear: material.schoolYear,
      tags: material.tags,
    }
    const publishesOwnWork = author === publisher && material.status === 'published'
    const created = publishesOwnWork
      ? await payload.create({
          collection: 'learning-materials',
          data: { ...data, _status: 'published' },
          depth: 0,
          overrideAccess: false,
          user: author,
        })
      : await payload.create({
          collection: 'learning-materials',
          data: { ...data, _status: 'draft', reviewStatus: material.status === 'draft' ? 'draft' : 'submitted' },
          draft: true,
          depth: 0,
          overrideAccess: false,
          user: author,
        })
    if (material.status === 'published' && !publishesOwnWork) {
      await payload.update({
        collection: 'learning-materials',
        id: created.id,
        data: { _status: 'published' },
        depth: 0,
        overrideAccess: false,
        user: publisher,
      })
    }
    if (material.titleEn && material.status === 'published') {
      await payload.update({
        collection: 'learning-materials',
        id: created.id,
        locale: 'en',
        data: { title: material.titleEn },
        depth: 0,
        overrideAccess: false,
        user: publisher,
      })
    }
  }
}

/**
 * The reviewer adds and publishes the library's titles (publishing is a reviewer's right); titles
 * still being catalogued are the clerk's drafts.
 */
const seedLibrary = async (payload: Payload, users: Users, media: DemoMediaUploader, pdfs: Pdfs) => {
  for (const item of demoLibraryItems) {
    const published = item.status === 'published'
    const cataloguer = published ? users.reviewer : users.staff
    const cover = await media.image(item.cover, users.admin)
    const files = item.pdf ? [await uploadPdf(media, users, pdfs, libraryPdfName(item))] : []
    const data = {
      title: item.title,
      creators: item.creators,
      publisher: item.publisher,
      year: item.year,
      isbn: item.isbn,
      language: item.language,
      itemType: item.itemType,
      subjects: item.subjects,
      description: item.description,
      cover,
      files,
      ageGroups: item.ageGroups,
      licence: item.licence,
      accessLevel: item.accessLevel,
    }
    const created = published
      ? await payload.create({
          collection: 'library-items',
          data: { ...data, _status: 'published' },
          depth: 0,
          overrideAccess: false,
          user: cataloguer,
        })
      : await payload.create({
          collection: 'library-items',
          data: { ...data, _status: 'draft' },
          draft: true,
          depth: 0,
          overrideAccess: false,
          user: cataloguer,
        })
    if (published && item.titleEn) {
      await payload.update({
        collection: 'library-items',
        id: created.id,
        locale: 'en',
        data: { title: item.titleEn },
        depth: 0,
        overrideAccess: false,
        user: cataloguer,
      })
    }
  }
}

const seedAnnouncements = async (payload: Payload, users: Users, media: DemoMediaUploader, pdfs: Pdfs, now: Date) => {
  const clerk = users.staff
  for (const announcement of demoAnnouncements(now)) {
    const published = announcement.status === 'published'
    const cover = announcement.cover ? await media.image(announcement.cover, users.admin) : undefined
    const attachment = announcementPdfName(announcement)
    const attachments = attachment ? [await uploadPdf(media, users, pdfs, attachment)] : []
    const data = {
      title: announcement.title,
      excerpt: announcement.excerpt,
      body: richText(announcement.body),
      category: announcement.category,
      cover,
      attachments,
      pinned: announcement.pinned ?? false,
      publishedAt: published ? daysFrom(now, announcement.publishedInDays) : undefined,
      expiresAt: announcement.expiresInDays === undefined ? undefined : daysFrom(now, announcement.expiresInDays),
      accessLevel: announcement.accessLevel,
    }
    const created = published
      ? await payload.create({
          collection: 'announcements',
          data: { ...data, _status: 'published' },
          depth: 0,
          overrideAccess: false,
          user: clerk,
        })
      : await payload.create({
          collection: 'announcements',
          data: { ...data, _status: 'draft' },
          draft: true,
          depth: 0,
          overrideAccess: false,
          user: clerk,
        })
    if (announcement.titleEn && published) {
      await payload.update({
        collection: 'announcements',
        id: created.id,
        locale: 'en',
        data: { title: announcement.titleEn },
        depth: 0,
        overrideAccess: false,
        user: clerk,
      })
    }
  }
}

const seedSchoolProfile = async (payload: Payload, users: Users, media: DemoMediaUploader) => {
  const profile = demoSchoolProfile(users.admin.name)
  const photos: Array<MediaId | undefined> = []
  for (const facility of profile.facilities) {
    photos.push(facility.photo ? await media.image(facility.photo, users.admin) : undefined)
  }
  const inLocale = (locale: 'en' | 'vi') => ({
    name: profile.name[locale],
    motto: profile.motto[locale],
    address: profile.address,
    contacts: profile.contacts,
    summary: profile.summary[locale],
    facilities: profile.facilities.map((facility, index) => ({
      name: facility.name[locale],
      quantity: facility.quantity,
      description: facility.description[locale],
      photo: photos[index],
    })),
    curriculum: profile.curriculum.map((entry) => ({ title: entry.title[locale], description: entry.description[locale] })),
    staff: profile.staff.map((member) => ({
      name: member.name,
      role: member.role[locale],
      qualification: member.qualification[locale],
    })),
    statistics: profile.statistics,
  })
  const saved = await payload.updateGlobal({
    slug: 'school-profile',
    data: { ...inLocale('vi'), history: richText(profile.history) },
    depth: 0,
    overrideAccess: false,
    user: users.admin,
  })
  // The rows already exist: the English pass keeps their ids so it translates them, not replaces them.
  const withIds = <T extends object>(rows: T[], existing: Array<{ id?: null | string }> | null | undefined) =>
    rows.map((row, index) => ({ ...row, id: existing?.[index]?.id }))
  const english = inLocale('en')
  await payload.updateGlobal({
    slug: 'school-profile',
    locale: 'en',
    data: {
      ...english,
      facilities: withIds(english.facilities, saved.facilities),
      curriculum: withIds(english.curriculum, saved.curriculum),
      staff: withIds(english.staff, saved.staff),
    },
    depth: 0,
    overrideAccess: false,
    user: users.admin,
  })
}

const COUNTED = ['users', 'learning-materials', 'library-items', 'announcements', 'regulatory-documents', 'media'] as const

/**
 * Fills an empty database with the demo school: six accounts (one per role, two teachers),
 * learning materials at every stage of review, the digital library, news and the register of
 * official documents led by the school's real digital-transformation plan, the school profile,
 * and the drawings and PDFs they use. Every write goes through the Local API as the account that
 * would make it, so the demo also exercises the access rules and hooks.
 *
 * Call it on an empty database only: accounts and numbers of documents are unique.
 */
export async function seedDemo(payload: Payload): Promise<SeedDemoResult> {
  const started = performance.now()
  const now = new Date()
  const password = demoPassword()
  const ms: Record<string, number> = {}
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    const value = await step()
    ms[name] = Math.round(performance.now() - start)
    return value
  }
  const users = await timed('accounts', () => createAccounts(payload, password))
  const media = demoMediaUploader(payload)
  const pdfs: Pdfs = new Map(demoPdfs(now).map((pdf) => [pdf.name, pdf]))

  await timed('documents', () => seedDocuments(payload, users, media, pdfs))
  await timed('materials', () => seedMaterials(payload, users, media, pdfs))
  await timed('library', () => seedLibrary(payload, users, media, pdfs))
  await timed('announcements', () => seedAnnouncements(payload, users, media, pdfs, now))
  await timed('profile', () => seedSchoolProfile(payload, users, media))

  const counts: Record<string, number> = {}
  for (const collection of COUNTED) {
    // Drafts and every access level included: this is the tally of what was written.
    counts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  }
  payload.logger.info({ counts, ms: { ...ms, total: Math.round(performance.now() - started) } }, 'Demo content seeded')
  return {
    accounts: demoAccounts.map((account) => ({ email: account.email, role: account.roles.join(', '), password })),
    counts,
  }
}
