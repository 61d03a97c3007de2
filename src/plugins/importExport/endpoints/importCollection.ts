import type { CollectionSlug, Endpoint, FlattenedField, PayloadRequest } from 'payload'

import type { SanitizedImportExportOptions } from '../types.js'

import { hasRole } from '../../../access/accessLevels.js'
import { answer, flag, refuse, runAllOrNothing } from '../allOrNothing.js'
import { parseCsv, UnclosedQuoteError } from '../csv.js'
import { type DocumentProblem, documentsFromCsv, exportedFields } from '../documents.js'
import { keepIdsFlag } from '../keepIds.js'
import { uploadedText } from '../readUpload.js'
import { localesOf } from './exportCollection.js'

type Doc = Record<string, unknown>
type Locale = NonNullable<Parameters<PayloadRequest['payload']['create']>[0]['locale']>
type Entry = { doc: Doc; place: string }

const refersTo = (field: FlattenedField, slug: string): boolean => {
  if (field.type === 'relationship' || field.type === 'upload') return ([] as string[]).concat(field.relationTo).includes(slug)
  return 'flattenedFields' in field && field.flattenedFields.some((each) => refersTo(each, slug))
}

/** Documents of a JSON export (`{ docs: [...] }`, or a bare list), or a problem of the file. */
const documentsFromJson = (text: string): { docs: Entry[]; problems: DocumentProblem[] } => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { docs: [], problems: [{ place: 'tệp', message: `Tệp không phải JSON hợp lệ: ${(error as Error).message}.` }] }
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { docs?: unknown } | null)?.docs
  if (!Array.isArray(list)) return { docs: [], problems: [{ place: 'tệp', message: 'Tệp JSON cần một danh sách tài liệu ("docs"), như tệp xuất ra.' }] }
  const problems: DocumentProblem[] = []
  const docs: Entry[] = []
  list.forEach((doc, i) => {
    const place = `tài liệu thứ ${i + 1}`
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) docs.push({ doc: doc as Doc, place })
    else problems.push({ place, message: 'Không phải một tài liệu (đối tượng JSON).' })
  })
  return { docs, problems }
}

/**
 * `POST /api/<collection>/import[?dryRun=true]` — documents exported by `GET …/export` (JSON or
 * CSV) created again, for administrators, under their ids, through the collection's access,
 * validation and hooks. Only new documents: an id the database already holds is a problem of the
 * file. The dry run checks the file and the ids and writes nothing; the real run is all or nothing.
 * Documents linking to others of the same collection (a document replacing another) are created
 * first without those links, which are added once every document exists.
 */
export const importCollection = (slug: CollectionSlug, options: SanitizedImportExportOptions): Endpoint => ({
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'Cần đăng nhập để nhập dữ liệu. / Sign in to import.')
    if (!hasRole(req.user, 'admin')) return refuse(403, 'Chỉ Ban giám hiệu được nhập toàn bộ dữ liệu. / Only administrators may import a collection.')
    const collection = req.payload.collections[slug]!.config
    const locales = localesOf(req)
    const text = await uploadedText(req, options.maxFileBytes)
    if (text instanceof Response) return text
    let read: { docs: Entry[]; problems: DocumentProblem[] }
    if (/^\s*[[{]/.test(text)) read = documentsFromJson(text)
    else {
      try {
        read = documentsFromCsv(collection, parseCsv(text, ','), locales)
      } catch (error) {
        if (!(error instanceof UnclosedQuoteError)) throw error
        read = { docs: [], problems: [{ place: `dòng ${error.line}`, message: 'Dấu ngoặc kép (") mở ở dòng này không được đóng lại.' }] }
      }
    }
    const { docs, problems } = read
    const fields = exportedFields(collection)
    const known = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', '_status', ...fields.map((field) => field.name)])
    const seen = new Map<string, string>()
    for (const { doc, place } of docs) {
      for (const key of Object.keys(doc)) if (!known.has(key)) problems.push({ place, message: `Không biết trường "${key}" của ${slug}.` })
      if (doc.id === undefined || doc.id === null || doc.id === '') problems.push({ place, message: 'Thiếu mã (id).' })
      else if (seen.has(String(doc.id))) problems.push({ place, id: doc.id as number, message: `Mã ${String(doc.id)} trùng với ${seen.get(String(doc.id))}.` })
      else seen.set(String(doc.id), place)
    }
    const ids = [...seen.keys()].map((id) => (/^\d+$/.test(id) ? Number(id) : id))
    const taken = new Set<string>()
    for (let start = 0; start < ids.length; start += 200) {
      // Trashed documents hold their ids too; an administrator reads the trash.
      const { docs: existing } = await req.payload.find({ collection: slug, where: { id: { in: ids.slice(start, start + 200) } }, trash: true, depth: 0, pagination: false, select: {}, overrideAccess: false, req, user: req.user })
      for (const { id } of existing) taken.add(String(id))
    }
    for (const { doc, place } of docs) {
      if (taken.has(String(doc.id))) problems.push({ place, id: doc.id as number, message: `Mã ${String(doc.id)} đã có trong cơ sở dữ liệu này: việc nhập chỉ tạo tài liệu mới.` })
    }
    const summary = { docs: docs.length, errors: problems }
    if (flag(req.query?.dryRun)) return answer({ dryRun: true, ...summary, imported: 0 })
    if (problems.length > 0) return answer({ dryRun: false, ...summary, imported: 0, message: `Tệp có ${problems.length} lỗi nên chưa nhập gì. / The file has ${problems.length} problems; nothing was imported.` }, 422)

    const drafts = Boolean(collection.versions?.drafts)
    const localized = new Set(fields.filter((field) => field.localized).map((field) => field.name))
    const linking = new Set(fields.filter((field) => refersTo(field, slug)).map((field) => field.name))
    const [defaultLocale, ...otherLocales] = locales as Locale[]
    /** The document's values in one locale, of the fields `pick` keeps. */
    const inLocale = (doc: Doc, locale: string | undefined, pick: (name: string) => boolean): Doc =>
      Object.fromEntries(
        Object.entries(doc)
          .filter(([name]) => name !== 'deletedAt' && pick(name))
          .map(([name, value]) => [name, localized.has(name) && locale && value && typeof value === 'object' ? (value as Doc)[locale] : value])
          .filter(([, value]) => value !== undefined),
      )
    const writeAs = (doc: Doc) => ({ draft: drafts && doc._status === 'draft', depth: 0, overrideAccess: false, req, user: req.user })
    const completeLocales = async (doc: Doc, pick: (name: string) => boolean) => {
      for (const locale of otherLocales) {
        const data = inLocale(doc, locale, (name) => localized.has(name) && pick(name))
        if (Object.keys(data).length > 0) await req.payload.update({ collection: slug, id: doc.id as number, data, locale, ...writeAs(doc) })
      }
    }
    type Step = { entry: Entry; pass: 'create' | 'link' }
    const steps: Step[] = [
      ...docs.map((entry) => ({ entry, pass: 'create' as const })),
      ...(linking.size > 0 ? docs.filter(({ doc }) => [...linking].some((name) => doc[name] !== undefined && doc[name] !== null)).map((entry) => ({ entry, pass: 'link' as const })) : []),
    ]
    // On the request, so the creates below (and only this request's) keep the ids they are given.
    Object.assign(req.context, { [keepIdsFlag]: true })
    return runAllOrNothing<Step>({
      req,
      items: steps,
      summary,
      placeOf: ({ entry }) => entry.place,
      write: async ({ entry: { doc }, pass }, created) => {
        if (pass === 'create') {
          const keep = (name: string) => !linking.has(name)
          created((await req.payload.create({ collection: slug, data: inLocale(doc, defaultLocale, keep), locale: defaultLocale, ...writeAs(doc) })).id)
          await completeLocales(doc, keep)
          return
        }
        const data: Doc = { ...inLocale(doc, defaultLocale, (name) => linking.has(name)), ...(drafts ? { _status: doc._status } : {}) }
        await req.payload.update({ collection: slug, id: doc.id as number, data, locale: defaultLocale, ...writeAs(doc) })
        await completeLocales(doc, (name) => linking.has(name))
      },
      // These documents existed for nobody but this import; the trash is for what people delete.
      undo: async (created) => {
        for (const id of created) await req.payload.delete({ collection: slug, id, overrideAccess: true, req, trash: true })
      },
    })
  },
})
