import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../access/accessLevels.js'
import { refuse } from '../allOrNothing.js'
import { csvColumns, csvLineOf } from '../documents.js'

const pageSize = 100

type Doc = Record<string, unknown> & { _status?: string; id: number | string }

/** The locales of the configuration, the default first. */
export const localesOf = (req: PayloadRequest): string[] => {
  const localization = req.payload.config.localization
  return localization ? localization.localeCodes : []
}

/**
 * One page of the collection as the administrator reads it, every locale at once. A document
 * never published (or unpublished) is exported as its latest draft; a published one as published:
 * a draft made since then stays in its history, which a backup carries.
 */
const readPage = async (req: PayloadRequest, slug: CollectionSlug, page: number) => {
  const drafts = Boolean(req.payload.collections[slug]?.config.versions?.drafts)
  const read = { collection: slug, depth: 0, locale: 'all' as const, overrideAccess: false, req, user: req.user }
  const result = await req.payload.find({ ...read, draft: false, limit: pageSize, page, sort: 'id' })
  const docs = result.docs as unknown as Doc[]
  const unpublished = docs.filter((doc) => doc._status === 'draft').map((doc) => doc.id)
  if (drafts && unpublished.length > 0) {
    const latest = await req.payload.find({ ...read, draft: true, pagination: false, where: { id: { in: unpublished } } })
    const byId = new Map((latest.docs as unknown as Doc[]).map((doc) => [doc.id, doc]))
    return { docs: docs.map((doc) => byId.get(doc.id) ?? doc), hasNextPage: result.hasNextPage }
  }
  return { docs, hasNextPage: result.hasNextPage }
}

/**
 * `GET /api/<collection>/export?format=json|csv` — every document of the collection (the trash
 * aside), for administrators, read through the collection's access and field access like any read:
 * what an administrator may not read is not exported. JSON carries the documents as the API gives
 * them with `locale=all`; CSV a column per field and per locale (`title.vi`, `title.en`), with lists,
 * rich text and groups as JSON in their cell, UTF-8 with a byte-order mark for spreadsheets.
 */
export const exportCollection = (slug: CollectionSlug): Endpoint => ({
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'Cần đăng nhập để xuất dữ liệu. / Sign in to export.')
    if (!hasRole(req.user, 'admin')) return refuse(403, 'Chỉ Ban giám hiệu được xuất toàn bộ dữ liệu. / Only administrators may export a collection.')
    const format = req.query?.format ?? 'json'
    if (format !== 'json' && format !== 'csv') return refuse(400, `Định dạng "${String(format)}" không có: dùng json hoặc csv. / Unknown format: use json or csv.`)
    const collection = req.payload.collections[slug]!.config
    const locales = localesOf(req)
    const columns = csvColumns(collection, locales)
    const encoder = new TextEncoder()
    // The first page is read before answering, so a failure answers an error, not a broken file.
    let current = await readPage(req, slug, 1)
    let page = 1
    let first = true
    const body = new ReadableStream<Uint8Array>({
      start: (controller) =>
        controller.enqueue(
          encoder.encode(
            format === 'csv'
              ? `\uFEFF${columns.join(',')}\r\n`
              : `{"collection":${JSON.stringify(slug)},"exportedAt":${JSON.stringify(new Date().toISOString())},"locales":${JSON.stringify(locales)},"docs":[`,
          ),
        ),
      pull: async (controller) => {
        const text =
          format === 'csv'
            ? current.docs.map((doc) => `${csvLineOf(doc, columns)}\r\n`).join('')
            : current.docs.map((doc) => `${first ? (first = false, '\n') : ',\n'}${JSON.stringify(doc)}`).join('')
        if (text) controller.enqueue(encoder.encode(text))
        if (!current.hasNextPage) {
          if (format === 'json') controller.enqueue(encoder.encode('\n]}\n'))
          return controller.close()
        }
        page += 1
        current = await readPage(req, slug, page)
      },
    })
    const stamp = new Date().toISOString().slice(0, 10)
    return new Response(body, {
      headers: {
        'Cache-Control': 'private, no-store',
        'Content-Disposition': `attachment; filename="${slug}-${stamp}.${format}"`,
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      },
    })
  },
})
