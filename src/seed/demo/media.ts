import type { DataFromCollectionSlug, Payload } from 'payload'

import type { AccessLevel } from '../../access/accessLevels.js'
import { demoAccountName, type AccountKey } from './accounts.js'
import { demoAnnouncements } from './announcements.js'
import { demoDocuments } from './documents.js'
import { bookCover, illustrations, renderJpeg, type Illustration } from './images.js'
import { demoLibraryItems } from './library.js'
import { demoMaterials } from './materials.js'
import type { PdfSpec } from './pdf.js'
import { announcementPdfName, demoPdfs, documentPdfName, libraryPdfName, materialPdfName } from './pdfs.js'
import { pdfThread } from './pdfThread.js'
import { demoSchoolProfile } from './schoolProfile.js'
import type { ImageKey } from './vocabulary.js'

export type MediaId = DataFromCollectionSlug<'media'>['id']
type User = DataFromCollectionSlug<'users'>

/** A file of the demo: what it shows, and who uploads it, under which name, at which level. */
export type DemoFile = {
  /** `pdf:<file name>` or `image:<drawing name>`. */
  key: string
  name: string
  alt: string
  altEn?: string
  accessLevel: AccessLevel
  uploader: AccountKey
} & ({ kind: 'pdf'; mimetype: 'application/pdf'; spec: PdfSpec } | { kind: 'image'; mimetype: 'image/jpeg'; illustration: Illustration })

const pdfKey = (name: string) => `pdf:${name}`
const imageKey = (key: ImageKey | number) => `image:${typeof key === 'number' ? bookCover(key).name : key}`

const drawing = (key: ImageKey | number): Illustration => {
  const illustration = typeof key === 'number' ? bookCover(key) : illustrations.find((each) => each.name === key)
  if (!illustration) throw new Error(`No demo drawing named "${key}"`)
  return illustration
}

/**
 * Every file the demo uploads, each once, in the order the seed first needs them: the register's
 * PDFs, then each learning material's, library title's and announcement's cover and PDF, then the
 * school profile's photos. Drawings are public and uploaded by the administrator.
 */
export const demoFiles = (now: Date): DemoFile[] => {
  const pdfs = new Map(demoPdfs(now).map((pdf) => [pdf.name, pdf]))
  const files = new Map<string, DemoFile>()
  const pdf = (name: string) => {
    const found = pdfs.get(name)
    if (!found) throw new Error(`No demo PDF named ${name}`)
    if (files.has(pdfKey(name))) return
    files.set(pdfKey(name), {
      key: pdfKey(name),
      kind: 'pdf',
      name,
      mimetype: 'application/pdf',
      alt: found.spec.title,
      accessLevel: found.accessLevel,
      uploader: found.uploader,
      spec: found.spec,
    })
  }
  const image = (key: ImageKey | number) => {
    if (files.has(imageKey(key))) return
    const illustration = drawing(key)
    files.set(imageKey(key), {
      key: imageKey(key),
      kind: 'image',
      name: `${illustration.name}.jpg`,
      mimetype: 'image/jpeg',
      alt: illustration.alt,
      altEn: illustration.altEn,
      accessLevel: 'public',
      uploader: 'admin',
      illustration,
    })
  }
  for (const document of demoDocuments(demoAccountName('admin'))) pdf(documentPdfName(document))
  for (const material of demoMaterials) {
    if (material.cover) image(material.cover)
    if (material.pdf) pdf(materialPdfName(material))
  }
  for (const item of demoLibraryItems) {
    image(item.cover)
    if (item.pdf) pdf(libraryPdfName(item))
  }
  for (const announcement of demoAnnouncements(now)) {
    const attachment = announcementPdfName(announcement)
    if (announcement.cover) image(announcement.cover)
    if (attachment) pdf(attachment)
  }
  for (const facility of demoSchoolProfile(demoAccountName('admin')).facilities) {
    if (facility.photo) image(facility.photo)
  }
  return [...files.values()]
}

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void }

const deferred = <T>(): Deferred<T> => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  // Awaited later by whoever needs the file; a failure must not count as unhandled meanwhile.
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

/**
 * Makes every demo file at once, before the accounts exist to upload them: PDFs one after another
 * in a worker thread (laying out their text is seconds of JavaScript), drawings in sharp's threads.
 */
export const makeDemoFiles = (files: DemoFile[]): Map<string, Promise<Buffer>> => {
  const made = new Map<string, Promise<Buffer>>()
  const pdfs = pdfThread()
  for (const file of files) {
    const bytes = file.kind === 'pdf' ? pdfs.write(file.spec) : renderJpeg(file.illustration)
    // Awaited by the upload; a failure must not count as unhandled meanwhile.
    bytes.catch(() => undefined)
    made.set(file.key, bytes)
  }
  void Promise.allSettled(made.values()).then(pdfs.close)
  return made
}

/**
 * Uploads the demo's files through the media collection, so they pass the same screening as a
 * person's upload, each by its uploader once that account exists, in the order of `files`. PDFs
 * go up one at a time and drawings two at a time, side by side: a PDF's upload is the main
 * thread's database writes (its text is read later, by a job), a drawing's is mostly sharp making
 * its sizes in its own threads, so together they keep both cores busy; a second PDF lane gained
 * nothing, the main thread being the limit. The seed asks for a file's id with `pdf(name)` or
 * `image(key)` and waits only for that one.
 */
export const uploadDemoFiles = (
  payload: Payload,
  {
    files,
    made,
    accounts,
    context,
  }: {
    files: DemoFile[]
    made: Map<string, Promise<Buffer>>
    /** Each account, once it exists. */
    accounts: Record<AccountKey, Promise<User>>
    context: Record<string, unknown>
  },
) => {
  const ids = new Map(files.map((file) => [file.key, deferred<MediaId>()]))

  const upload = async (file: DemoFile): Promise<MediaId> => {
    const [data, user] = await Promise.all([made.get(file.key)!, accounts[file.uploader]])
    const doc = await payload.create({
      collection: 'media',
      data: { alt: file.alt, accessLevel: file.accessLevel },
      file: { data, mimetype: file.mimetype, name: file.name, size: data.length },
      depth: 0,
      overrideAccess: false,
      user,
      context,
    })
    if (file.altEn) {
      await payload.update({ collection: 'media', id: doc.id, locale: 'en', data: { alt: file.altEn }, depth: 0, overrideAccess: false, user, context })
    }
    return doc.id
  }

  let stopped = false
  const queues: Record<DemoFile['kind'], DemoFile[]> = {
    pdf: files.filter((each) => each.kind === 'pdf'),
    image: files.filter((each) => each.kind === 'image'),
  }
  // Each lane takes the next file of its kind when it is free.
  const lane = async (kind: DemoFile['kind']) => {
    for (let file = queues[kind].shift(); file; file = queues[kind].shift()) {
      const id = ids.get(file.key)!
      if (stopped) id.reject(new Error(`Demo upload stopped before ${file.name}`))
      else await upload(file).then(id.resolve, id.reject)
    }
  }
  const lanes = Promise.all([lane('pdf'), lane('image'), lane('image')])
  const all = lanes.then(async () => {
    for (const id of ids.values()) await id.promise
    return files.length
  })
  all.catch(() => undefined)

  const idOf = (key: string): Promise<MediaId> => {
    const id = ids.get(key)
    if (!id) throw new Error(`No demo file ${key}`)
    return id.promise
  }

  return {
    /** Resolves with the number of files once every one is uploaded; rejects if one failed. */
    all,
    /** Uploads nothing more, and resolves once the uploads under way have ended. */
    stop: async (): Promise<void> => {
      stopped = true
      await lanes
    },
    /** The catalogued PDF uploaded under `name`. */
    pdf: (name: string): Promise<MediaId> => idOf(pdfKey(name)),
    /** A drawing of `images.ts` by name, or a generated book cover by number. */
    image: (key: ImageKey | number): Promise<MediaId> => idOf(imageKey(key)),
  }
}

export type DemoMedia = ReturnType<typeof uploadDemoFiles>
