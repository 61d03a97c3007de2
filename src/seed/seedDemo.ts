import { createLocalReq, type DataFromCollectionSlug, type Payload, type RequestContext } from 'payload'

import { skipSearchSync } from '../plugins/search/defaults.js'
import { reindexAll } from '../plugins/search/ops.js'
import { searchSettingsOf } from '../plugins/search/settingsOf.js'
import { defaultSchoolVocabulary } from '../plugins/search/vocabularyDefaults.js'
import { demoAccounts, demoPassword, type AccountKey, type DemoAccount } from './demo/accounts.js'
import { demoAnnouncements } from './demo/announcements.js'
import { demoDocuments } from './demo/documents.js'
import { demoLibraryItems } from './demo/library.js'
import { demoMaterials } from './demo/materials.js'
import { demoFiles, makeDemoFiles, uploadDemoFiles, type DemoMedia, type MediaId } from './demo/media.js'
import { announcementPdfName, documentPdfName, libraryPdfName, materialPdfName } from './demo/pdfs.js'
import { richText } from './demo/richText.js'
import { demoSchoolProfile } from './demo/schoolProfile.js'
import { withDiskSyncAtEnd } from './deferDiskSync.js'

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

/** The common arguments of the seed's writes: as `user`, access applied, no index job per write. */
type Acting = { depth: 0; overrideAccess: false; user: User; context: RequestContext }

/**
 * Creates the accounts: the first administrator directly (there is nobody yet to act as), the
 * others by that administrator, as the school would. Each account is handed out as soon as it
 * exists, so that the files an account uploads need not wait for the others' passwords.
 */
const createAccounts = (payload: Payload, password: string, context: RequestContext): Record<AccountKey, Promise<User>> => {
  const create = (account: DemoAccount, admin?: User) =>
    payload.create({
      collection: 'users',
      data: { email: account.email, password, name: account.name, roles: account.roles },
      depth: 0,
      // Only the very first account is created without a user; it is the administrator.
      overrideAccess: !admin,
      ...(admin ? { user: admin } : {}),
      context,
    })
  const first = demoAccounts.find((account) => account.key === 'admin')!
  const admin = create(first)
  // A password hash is 150 ms of CPU in libuv's threads (600,000 rounds): the others are hashed side by side.
  const accounts = Object.fromEntries([
    [first.key, admin],
    ...demoAccounts.filter((account) => account !== first).map((account) => [account.key, admin.then((by) => create(account, by))]),
  ]) as Record<AccountKey, Promise<User>>
  // Awaited by the uploads and the accounts stage; a failure must not count as unhandled meanwhile.
  for (const account of Object.values(accounts)) account.catch(() => undefined)
  return accounts
}

/** Every account, once all exist. */
const allAccounts = async (accounts: Record<AccountKey, Promise<User>>): Promise<Users> => {
  const keys = Object.keys(accounts) as AccountKey[]
  const users = await Promise.all(keys.map((key) => accounts[key]))
  return Object.fromEntries(keys.map((key, index) => [key, users[index]])) as Users
}

const publisherFor = (users: Users, author: AccountKey): User =>
  author === 'admin' || author === 'reviewer' ? users[author] : users.reviewer

/** What every stage of the seed works with. */
type Seeding = {
  payload: Payload
  users: Users
  media: DemoMedia
  now: Date
  /** The common arguments of a write made by `user`. */
  as: (user: User) => Acting
}

const seedDocuments = async ({ payload, users, media, as }: Seeding): Promise<number> => {
  const ids = new Map<string, DocumentId>()
  for (const document of demoDocuments(users.admin.name)) {
    const filer = users[document.filedBy]
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
        file: await media.pdf(documentPdfName(document)),
        relatedDocuments: related,
        accessLevel: document.accessLevel,
        _status: 'published',
      },
      ...as(filer),
    })
    ids.set(document.key, created.id)
    if (document.titleEn) {
      await payload.update({
        collection: 'regulatory-documents',
        id: created.id,
        locale: 'en',
        data: { title: document.titleEn, summary: document.summaryEn ?? document.titleEn },
        ...as(filer),
      })
    }
  }
  return ids.size
}

/**
 * Teachers write and submit; the reviewer publishes. Materials written by a publisher are
 * published in the same write, as the admin panel would do.
 */
const seedMaterials = async ({ payload, users, media, as }: Seeding): Promise<number> => {
  for (const material of demoMaterials) {
    const author = users[material.author]
    const publisher = publisherFor(users, material.author)
    const data = {
      title: material.title,
      summary: material.summary,
      body: richText(material.body),
      materialType: material.materialType,
      topic: material.topic,
      ageGroups: material.ageGroups,
      domains: material.domains,
      accessLevel: material.accessLevel,
      cover: material.cover ? await media.image(material.cover) : undefined,
      files: material.pdf ? [await media.pdf(materialPdfName(material))] : [],
      durationMinutes: material.durationMinutes,
      schoolYear: material.schoolYear,
      tags: material.tags,
    }
    const publishesOwnWork = author === publisher && material.status === 'published'
    const created = publishesOwnWork
      ? await payload.create({ collection: 'learning-materials', data: { ...data, _status: 'published' }, ...as(author) })
      : await payload.create({
          collection: 'learning-materials',
          data: { ...data, _status: 'draft', reviewStatus: material.status === 'draft' ? 'draft' : 'submitted' },
          draft: true,
          ...as(author),
        })
    if (material.status === 'published' && !publishesOwnWork) {
      await payload.update({ collection: 'learning-materials', id: created.id, data: { _status: 'published' }, ...as(publisher) })
    }
    if (material.titleEn && material.status === 'published') {
      await payload.update({
        collection: 'learning-materials',
        id: created.id,
        locale: 'en',
        data: { title: material.titleEn },
        ...as(publisher),
      })
    }
  }
  return demoMaterials.length
}

/**
 * The reviewer adds and publishes the library's titles (publishing is a reviewer's right); titles
 * still being catalogued are the clerk's drafts.
 */
const seedLibrary = async ({ payload, users, media, as }: Seeding): Promise<number> => {
  for (const item of demoLibraryItems) {
    const published = item.status === 'published'
    const cataloguer = published ? users.reviewer : users.staff
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
      cover: await media.image(item.cover),
      files: item.pdf ? [await media.pdf(libraryPdfName(item))] : [],
      ageGroups: item.ageGroups,
      licence: item.licence,
      accessLevel: item.accessLevel,
    }
    const created = published
      ? await payload.create({ collection: 'library-items', data: { ...data, _status: 'published' }, ...as(cataloguer) })
      : await payload.create({ collection: 'library-items', data: { ...data, _status: 'draft' }, draft: true, ...as(cataloguer) })
    if (published && item.titleEn) {
      await payload.update({ collection: 'library-items', id: created.id, locale: 'en', data: { title: item.titleEn }, ...as(cataloguer) })
    }
  }
  return demoLibraryItems.length
}

const seedAnnouncements = async ({ payload, users, media, now, as }: Seeding): Promise<number> => {
  const clerk = users.staff
  const announcements = demoAnnouncements(now)
  for (const announcement of announcements) {
    const published = announcement.status === 'published'
    const attachment = announcementPdfName(announcement)
    const data = {
      title: announcement.title,
      excerpt: announcement.excerpt,
      body: richText(announcement.body),
      category: announcement.category,
      cover: announcement.cover ? await media.image(announcement.cover) : undefined,
      attachments: attachment ? [await media.pdf(attachment)] : [],
      pinned: announcement.pinned ?? false,
      publishedAt: published ? daysFrom(now, announcement.publishedInDays) : undefined,
      expiresAt: announcement.expiresInDays === undefined ? undefined : daysFrom(now, announcement.expiresInDays),
      accessLevel: announcement.accessLevel,
    }
    const created = published
      ? await payload.create({ collection: 'announcements', data: { ...data, _status: 'published' }, ...as(clerk) })
      : await payload.create({ collection: 'announcements', data: { ...data, _status: 'draft' }, draft: true, ...as(clerk) })
    if (announcement.titleEn && published) {
      await payload.update({ collection: 'announcements', id: created.id, locale: 'en', data: { title: announcement.titleEn }, ...as(clerk) })
    }
  }
  return announcements.length
}

const seedSchoolProfile = async ({ payload, users, media, as }: Seeding): Promise<number> => {
  const profile = demoSchoolProfile(users.admin.name)
  const photos: Array<MediaId | undefined> = []
  for (const facility of profile.facilities) {
    photos.push(facility.photo ? await media.image(facility.photo) : undefined)
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
    ...as(users.admin),
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
    ...as(users.admin),
  })
  // The school's search words, saved, so administrators find the list filled in and edit it from there.
  await payload.updateGlobal({
    slug: 'search-vocabulary',
    data: { abbreviations: defaultSchoolVocabulary.abbreviations, synonyms: defaultSchoolVocabulary.synonyms.map((words) => ({ words })) },
    ...as(users.admin),
  })
  return 1
}

/** Indexes the seed's writes, which queued no index update of their own, in one rebuild. */
const rebuildSearchIndex = async (payload: Payload): Promise<number> => {
  const settings = searchSettingsOf(payload)
  const { indexed } = await reindexAll(settings, await createLocalReq({}, payload))
  return indexed
}

const COUNTED = ['users', 'learning-materials', 'library-items', 'announcements', 'regulatory-documents', 'media'] as const

/** The parts of {@link seedDemo}, in the order they finish. */
export type SeedDemoStage = 'accounts' | 'announcements' | 'documents' | 'files' | 'library' | 'materials' | 'profile' | 'search'

/** One part of {@link seedDemo} has finished. */
export type SeedDemoProgress = {
  stage: SeedDemoStage
  /** What it made: accounts, files, documents, materials, titles, announcements, index entries. */
  count: number
  /** How long the part took, in milliseconds; parts overlap (files upload while accounts and documents are made). */
  ms: number
  /** Milliseconds since the seed began. */
  elapsedMs: number
  /** Parts finished so far, out of `total`. */
  done: number
  total: number
}

export type SeedDemoOptions = {
  /**
   * Called as each part finishes, after its line is logged; e.g. to show progress on a page. An
   * error it throws is logged and does not stop the seed.
   */
  onProgress?: (progress: SeedDemoProgress) => void
}

const stageWords: Record<SeedDemoStage, { vi: string; en: string }> = {
  accounts: { vi: 'tài khoản', en: 'accounts' },
  files: { vi: 'tệp (PDF, hình vẽ)', en: 'files (PDFs, drawings)' },
  documents: { vi: 'văn bản', en: 'official documents' },
  materials: { vi: 'học liệu', en: 'learning materials' },
  library: { vi: 'đầu sách thư viện', en: 'library titles' },
  announcements: { vi: 'tin tức, thông báo', en: 'announcements' },
  profile: { vi: 'hồ sơ nhà trường', en: 'school profile' },
  search: { vi: 'mục trong chỉ mục tìm kiếm', en: 'search index entries' },
}

const STAGES = Object.keys(stageWords).length

/**
 * Fills an empty database with the demo school: six accounts (one per role, two teachers),
 * learning materials at every stage of review, the digital library, news and the register of
 * official documents led by the school's real digital-transformation plan, the school profile,
 * and the drawings and PDFs they use. Every write goes through the Local API as the account that
 * would make it, so the demo also exercises the access rules and hooks.
 *
 * It takes a few seconds, and logs a line as each part finishes. The files are made while the
 * passwords are hashed, and each is uploaded once its uploader exists, beside the other writes;
 * the writes queue no search updates, and the index is rebuilt once at the end instead; an
 * embedded SQLite database is synced to disk once at the end rather than at every write (see
 * {@link withDiskSyncAtEnd}).
 *
 * Call it on an empty database only: accounts and numbers of documents are unique.
 */
export async function seedDemo(payload: Payload, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  return withDiskSyncAtEnd(payload, () => loadDemo(payload, options))
}

const loadDemo = async (payload: Payload, options: SeedDemoOptions): Promise<SeedDemoResult> => {
  const started = performance.now()
  const now = new Date()
  const password = demoPassword()
  const context: RequestContext = { [skipSearchSync]: true }
  let done = 0
  const ms: Record<string, number> = {}
  const stage = async (name: SeedDemoStage, step: () => Promise<number>): Promise<number> => {
    const start = performance.now()
    const count = await step()
    const end = performance.now()
    const progress = { stage: name, count, ms: Math.round(end - start), elapsedMs: Math.round(end - started), done: ++done, total: STAGES }
    ms[name] = progress.ms
    const { vi, en } = stageWords[name]
    payload.logger.info(
      `Dữ liệu mẫu ${progress.done}/${STAGES}: ${count} ${vi} (${progress.ms} ms; từ đầu ${progress.elapsedMs} ms) / ` +
        `demo ${progress.done}/${STAGES}: ${count} ${en} (${progress.ms} ms; ${progress.elapsedMs} ms since the start)`,
    )
    try {
      options.onProgress?.(progress)
    } catch (error) {
      payload.logger.warn({ err: error, msg: 'demo seed: the progress callback failed' })
    }
    return count
  }
  payload.logger.info('Đang nạp dữ liệu mẫu… / Loading the demo content…')

  // An embedded index whose warm-up is still due is built now, while the database is empty, so
  // that no warm-up can end after the rebuild below and put back an index without the demo.
  const { warmup } = searchSettingsOf(payload)
  warmup.begin()
  await warmup.finished.catch(() => undefined)

  const files = demoFiles(now)
  const made = makeDemoFiles(files)
  const accounts = createAccounts(payload, password, context)
  // Uploads begin as each uploader's account exists: the drawings (the administrator's) while the
  // other passwords are still being hashed.
  const media = uploadDemoFiles(payload, { files, made, accounts, context })
  try {
    const uploads = stage('files', () => media.all)
    // Awaited once the content is in; a failed upload fails the first stage that needs the file.
    uploads.catch(() => undefined)
    let users!: Users
    await stage('accounts', async () => {
      users = await allAccounts(accounts)
      return Object.keys(users).length
    })
    const as = (user: User): Acting => ({ depth: 0, overrideAccess: false, user, context })
    const seeding: Seeding = { payload, users, media, now, as }
    // One part after another: parts share files, and each publish recomputes the levels at which
    // its files are served from what is published so far; side by side, they could overwrite
    // each other's result.
    await stage('documents', () => seedDocuments(seeding))
    await stage('materials', () => seedMaterials(seeding))
    await stage('library', () => seedLibrary(seeding))
    await stage('announcements', () => seedAnnouncements(seeding))
    await stage('profile', () => seedSchoolProfile(seeding))
    await uploads
  } catch (error) {
    // Nothing writes once the seed has failed: the uploads under way end before it says so.
    await media.stop()
    throw error
  }
  await stage('search', () => rebuildSearchIndex(payload))

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
