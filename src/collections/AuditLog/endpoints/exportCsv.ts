import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { AuditLog } from '../../../payload-types.js'

import { hasRole } from '../../../access/accessLevels.js'
import { roleOptions } from '../../../fields/options.js'
import { auditActionOptions, auditCollectionSlug } from '../actions.js'


const labelsOf = (options: ReadonlyArray<{ label: { vi: string }; value: string }>) => new Map(options.map((option) => [option.value, option.label.vi]))
const actionLabels = labelsOf(auditActionOptions)
const roleLabels = labelsOf(roleOptions)

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (a title typed as `=HYPERLINK(…)`)
 * starts with an apostrophe, which spreadsheets show as plain text.
 */
export const csvCell = (value: unknown): string => {
  const text = value === undefined || value === null ? '' : String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const header = ['Thời điểm (UTC)', 'Người thực hiện', 'Mã người dùng', 'Vai trò', 'Địa chỉ IP', 'Hành động', 'Mục', 'Mã tài liệu', 'Tiêu đề lúc đó', 'Trường đã sửa', 'Chi tiết']

const rowOf = (entry: AuditLog, collectionLabels: Map<string, string>): string =>
  [
    entry.at,
    entry.userName,
    entry.userId,
    (entry.userRoles ?? []).map((role) => roleLabels.get(role) ?? role).join(', '),
    entry.ip,
    actionLabels.get(entry.action) ?? entry.action,
    entry.targetCollection ? (collectionLabels.get(entry.targetCollection) ?? entry.targetCollection) : '',
    entry.documentId,
    entry.documentTitle,
    (entry.changedFields ?? []).join(', '),
    entry.detail ? JSON.stringify(entry.detail) : '',
  ]
    .map(csvCell)
    .join(',')

const collectionLabelsOf = (req: PayloadRequest): Map<string, string> =>
  new Map(
    Object.values(req.payload.collections).map(({ config }) => {
      const label = config.labels?.plural
      return [config.slug, typeof label === 'object' && label && 'vi' in label ? String(label.vi) : config.slug]
    }),
  )

const pageSize = 100

/**
 * `GET /api/audit-log/csv?where[…]` — the entries the list shows with the same filters, newest
 * first, as CSV (UTF-8 with a byte-order mark, so spreadsheets read Vietnamese right). Read page
 * by page as the answer streams, through the collection's own read rule: administrators only.
 */
export const exportCsv: Endpoint = {
  path: '/csv',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin')) return Response.json({ errors: [{ message: req.t('error:notAllowedToPerformAction') }] }, { status: 403 })
    const where = (req.query?.where ?? undefined) as undefined | Where
    const collectionLabels = collectionLabelsOf(req)
    const read = (page: number) =>
      req.payload.find({ collection: auditCollectionSlug, depth: 0, limit: pageSize, overrideAccess: false, page, req, sort: '-at', where, user: req.user })
    // The first page is read before answering, so a filter the database refuses answers 400, not a broken file.
    const first = await read(1)
    const encoder = new TextEncoder()
    let page = 1
    let current = first
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(encoder.encode(`\uFEFF${header.map(csvCell).join(',')}\r\n`)),
      pull: async (controller) => {
        if (current.docs.length > 0) controller.enqueue(encoder.encode(current.docs.map((doc) => rowOf(doc, collectionLabels) + '\r\n').join('')))
        if (!current.hasNextPage) return controller.close()
        page += 1
        current = await read(page)
      },
    })
    const stamp = new Date().toISOString().slice(0, 10)
    return new Response(body, {
      headers: {
        'Cache-Control': 'private, no-store',
        'Content-Disposition': `attachment; filename="nhat-ky-hoat-dong-${stamp}.csv"`,
        'Content-Type': 'text/csv; charset=utf-8',
      },
    })
  },
}
