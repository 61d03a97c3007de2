import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedImportExportOptions } from '../types.js'

import { hasRole } from '../../../access/accessLevels.js'
import { libraryEditorRoles, publishRolesOf } from '../../../access/roles.js'
import { isbn13To10 } from '../../../lib/isbn.js'
import { answer, flag, refuse, runAllOrNothing } from '../allOrNothing.js'
import { isbnKey, readCatalogue } from '../catalogue/readCatalogue.js'
import { uploadedText } from '../readUpload.js'


/** Which of the given ISBNs (as ISBN-13 keys) the catalogue already holds, with the first item of each, as the importing user sees the catalogue. */
const findExisting =
  (req: PayloadRequest) =>
  async (keys: string[]): Promise<Map<string, { id: number | string; title: string }>> => {
    const found = new Map<string, { id: number | string; title: string }>()
    const spellings = keys.flatMap((key) => [key, isbn13To10(key)].filter((each): each is string => Boolean(each)))
    for (let start = 0; start < spellings.length; start += 200) {
      // As the importer sees the catalogue (drafts included): an item she may not read is not
      // named to her, and if its ISBN is imported again the two copies are the library's to merge.
      const { docs } = await req.payload.find({
        collection: 'library-items',
        where: { isbn: { in: spellings.slice(start, start + 200) } },
        select: { isbn: true, title: true },
        depth: 0,
        draft: true,
        pagination: false,
        overrideAccess: false,
        user: req.user,
        req,
      })
      for (const doc of docs) if (doc.isbn && !found.has(isbnKey(doc.isbn))) found.set(isbnKey(doc.isbn), { id: doc.id, title: doc.title })
    }
    return found
  }

/**
 * `POST /api/library-items/import-catalogue[?dryRun=true][&publish=true]` — a catalogue of library
 * items from a CSV file (UTF-8, as Excel's "CSV UTF-8" and LibreOffice write it). The dry run lists
 * every problem of every row and writes nothing. The real run is all or nothing: with any problem
 * it imports nothing and answers the same list, so a corrected file can simply be sent again;
 * without, it creates every row as the user, through the collection's own access and validation,
 * answering as it goes (see {@link runAllOrNothing}).
 */
export const importCatalogue = (options: SanitizedImportExportOptions): Endpoint => ({
  path: '/import-catalogue',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'Cần đăng nhập để nhập danh mục. / Sign in to import a catalogue.')
    if (!hasRole(req.user, ...libraryEditorRoles)) return refuse(403, 'Chỉ người quản lý thư viện được nhập danh mục. / Only library editors may import a catalogue.')
    const dryRun = flag(req.query?.dryRun)
    const publish = flag(req.query?.publish)
    if (publish && !hasRole(req.user, ...publishRolesOf['library-items'])) {
      return refuse(403, 'Bạn không có quyền xuất bản tài liệu thư viện: hãy nhập dưới dạng bản nháp (bỏ publish) để người duyệt xuất bản. / You may not publish library items; import them as drafts.')
    }
    const text = await uploadedText(req, options.maxFileBytes)
    if (text instanceof Response) return text
    const { rows, problems, total } = await readCatalogue(text, req.user, findExisting(req))
    const linesInError = new Set(problems.map((problem) => problem.line).filter((line) => line > 1)).size
    const summary = { rows: total, valid: rows.length, rowsInError: linesInError, errors: problems }
    if (dryRun) return answer({ dryRun: true, ...summary, imported: 0 })
    if (problems.length > 0) {
      return answer(
        {
          dryRun: false,
          ...summary,
          imported: 0,
          message: `Tệp có ${Math.max(linesInError, 1)} dòng lỗi nên chưa nhập tài liệu nào. Sửa các dòng được liệt kê rồi gửi lại cả tệp. / ${Math.max(linesInError, 1)} rows have errors; nothing was imported.`,
        },
        422,
      )
    }
    const status = publish ? 'published' : 'draft'
    return runAllOrNothing({
      req,
      items: rows,
      summary: { ...summary, status },
      placeOf: (row) => `dòng ${row.line}`,
      write: async ({ item }, created) => {
        created((await req.payload.create({ collection: 'library-items', data: { ...item, _status: status }, draft: !publish, depth: 0, overrideAccess: false, user: req.user, req })).id)
      },
      // The trash is for what people delete; these never existed for anyone but this import.
      undo: async (ids) => {
        for (const id of ids) await req.payload.delete({ collection: 'library-items', id, overrideAccess: true, req })
      },
    })
  },
})
