import type { OperationObject, SchemaObject } from '../oas.js'
import type { SanitizedImportExportOptions } from '../../importExport/types.js'
import type { DocumentContext, Fragment } from './common.js'

import { catalogueColumns } from '../../importExport/catalogue/columns.js'
import { ref } from '../oas.js'
import { json } from './common.js'

const signedIn = (context: DocumentContext) => Object.keys(context.securitySchemes).map((name) => ({ [name]: [] }))

const problem: SchemaObject = {
  type: 'object',
  properties: {
    line: { type: 'integer', description: 'Dòng của tệp, tiêu đề là dòng 1 · Line of the file, the headings being line 1' },
    place: { type: 'string', description: '"dòng 12", "tài liệu thứ 3"' },
    column: { type: 'string' },
    id: { type: ['integer', 'string'] },
    message: { type: 'string', description: 'Bằng tiếng Việt · In Vietnamese' },
  },
  required: ['message'],
}

const file = {
  required: true,
  content: {
    'multipart/form-data': { schema: { type: 'object' as const, properties: { file: { type: 'string' as const, format: 'binary' } }, required: ['file'] } },
    'text/csv': { schema: { type: 'string' as const } },
  },
}

const dryRun = { name: 'dryRun', in: 'query' as const, description: 'Chỉ kiểm tra, không ghi gì · Check only, write nothing', schema: { type: 'boolean' as const, default: false } }

const progress = {
  'application/x-ndjson': {
    schema: {
      type: 'string' as const,
      description: 'Một dòng JSON mỗi 100 mục `{"imported":100,"of":2000}`, dòng cuối là kết quả `{"done":true,"imported":…}` · A JSON line every 100 items, the last one the outcome (imported 0 and a message when a write failed and everything was undone)',
    },
  },
}

const refusals = (what: string) => ({
  401: ref('responses', 'Unauthorized'),
  403: { description: `Không được ${what} · Not allowed`, content: json(ref('schemas', 'Error')) },
  413: { description: 'Tệp quá lớn · File too large', content: json(ref('schemas', 'Error')) },
  415: { description: 'Tệp không phải UTF-8 (Windows-1258, UTF-16…) · Not UTF-8', content: json(ref('schemas', 'Error')) },
})

/** The import and export routes, when the plugin is installed. */
export const importExportPaths = (context: DocumentContext): Fragment => {
  const settings = context.config.custom?.importExport as SanitizedImportExportOptions | undefined
  if (!settings) return {}
  const { api } = context
  const checked = (extra: Record<string, SchemaObject>): SchemaObject => ({
    type: 'object',
    properties: { dryRun: { type: 'boolean' }, imported: { type: 'integer' }, errors: { type: 'array', items: ref('schemas', 'ImportProblem') }, message: { type: 'string' }, ...extra },
    required: ['dryRun', 'imported', 'errors'],
  })
  const paths: Record<string, { get?: OperationObject; post?: OperationObject }> = {}
  for (const slug of settings.collections) {
    paths[`${api}/${slug}/export`] = {
      get: {
        operationId: `export_${slug.replace(/-/g, '_')}`,
        tags: ['import-export'],
        summary: `Xuất ${slug} · Export ${slug}`,
        description:
          'Mọi tài liệu (trừ thùng rác), mọi ngôn ngữ; chỉ Ban giám hiệu · Every document (the trash aside) in every locale, for administrators, read through access and field access. ' +
          'A document never published is exported as its latest draft. CSV: a column per field and per locale (`title.vi`), lists and rich text as JSON, UTF-8 with a byte-order mark.',
        security: signedIn(context),
        parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }],
        responses: {
          200: {
            description: 'Tệp xuất · The export',
            content: {
              'application/json': { schema: { type: 'object', properties: { collection: { type: 'string' }, exportedAt: { type: 'string', format: 'date-time' }, locales: { type: 'array', items: { type: 'string' } }, docs: { type: 'array', items: { type: 'object' } } } } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          400: ref('responses', 'BadRequest'),
          401: ref('responses', 'Unauthorized'),
          403: { description: 'Chỉ Ban giám hiệu · Administrators only', content: json(ref('schemas', 'Error')) },
        },
      },
    }
    paths[`${api}/${slug}/import`] = {
      post: {
        operationId: `import_${slug.replace(/-/g, '_')}`,
        tags: ['import-export'],
        summary: `Nhập ${slug} · Import ${slug}`,
        description:
          'Tạo lại các tài liệu của một tệp xuất (JSON hoặc CSV) với mã cũ; chỉ Ban giám hiệu · Creates the documents of an export again under their ids, for administrators, through access, validation and hooks. ' +
          'Only new ids; all or nothing. The author becomes the importing administrator.',
        security: signedIn(context),
        parameters: [dryRun],
        requestBody: { ...file, content: { ...file.content, 'application/json': { schema: { type: 'object' } } } },
        responses: {
          200: { description: 'Kết quả chạy thử · Dry run', content: json(checked({ docs: { type: 'integer' } })) },
          201: { description: 'Đang nhập · Importing', content: progress },
          422: { description: 'Tệp có lỗi, chưa nhập gì · The file has problems; nothing was imported', content: json(checked({ docs: { type: 'integer' } })) },
          ...refusals('nhập'),
        },
      },
    }
  }
  if (settings.catalogue) {
    paths[`${api}/${settings.catalogue}/import-catalogue`] = {
      post: {
        operationId: 'importCatalogue',
        tags: ['import-export'],
        summary: 'Nhập danh mục thư viện từ CSV · Import a library catalogue from CSV',
        description:
          `Cột · Columns: ${catalogueColumns.map((column) => column.heading).join(', ')} (Nhan đề and Loại tài liệu required). UTF-8, with or without a byte-order mark; comma, semicolon or tab. ` +
          'The dry run lists every problem of every row and writes nothing; the real run imports nothing when any row has a problem (422), else every row, as drafts unless `publish`.',
        security: signedIn(context),
        parameters: [dryRun, { name: 'publish', in: 'query', description: 'Xuất bản ngay (người duyệt, Ban giám hiệu) · Publish at once (reviewers and administrators)', schema: { type: 'boolean', default: false } }],
        requestBody: file,
        responses: {
          200: { description: 'Kết quả chạy thử · Dry run', content: json(checked({ rows: { type: 'integer' }, valid: { type: 'integer' }, rowsInError: { type: 'integer' } })) },
          201: { description: 'Đang nhập · Importing', content: progress },
          422: { description: 'Có dòng lỗi, chưa nhập gì · Rows in error; nothing was imported', content: json(checked({ rows: { type: 'integer' }, valid: { type: 'integer' }, rowsInError: { type: 'integer' } })) },
          ...refusals('nhập danh mục'),
        },
      },
    }
  }
  return {
    paths,
    schemas: { ImportProblem: problem },
    tags: [{ name: 'import-export', description: 'Nhập và xuất dữ liệu · Import and export' }],
  }
}
