import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/hasAnyRole.js'
import { nobody } from '../../access/nobody.js'
import { roleOptions } from '../../fields/options.js'
import { refuseWritingTheLog } from './access.js'
import { auditActionOptions, auditCollectionSlug } from './actions.js'
import { exportCsv } from './endpoints/exportCsv.js'

const option = (value: string, vi: string, en: string) => ({ label: { en, vi }, value })

/** The collections entries name; slugs stay as they are, labels are what the office reads. */
const collectionOptions = [
  option('learning-materials', 'Học liệu số', 'Learning materials'),
  option('library-items', 'Thư viện số', 'Library items'),
  option('announcements', 'Thông báo', 'Announcements'),
  option('regulatory-documents', 'Văn bản', 'Regulatory documents'),
  option('media', 'Tệp và hình ảnh', 'Files and media'),
  option('users', 'Người dùng', 'Users'),
]

const readOnly = { readOnly: true }

/**
 * Who did what, when, from where, to which document. Administrators read it; nobody writes, edits
 * or deletes an entry through any API: `record.ts` writes them, the retention job prunes them.
 * Values of fields are never kept, only their names.
 */
export const AuditLog: CollectionConfig = {
  slug: auditCollectionSlug,
  labels: {
    singular: { en: 'Audit log entry', vi: 'Mục nhật ký' },
    plural: { en: 'Audit log', vi: 'Nhật ký hoạt động' },
  },
  admin: {
    group: { en: 'System', vi: 'Hệ thống' },
    defaultColumns: ['at', 'userName', 'action', 'targetCollection', 'documentTitle', 'ip'],
    useAsTitle: 'documentTitle',
    listSearchableFields: ['userName', 'documentTitle', 'ip'],
    components: { beforeListTable: ['/components/AuditLogCsvLink#AuditLogCsvLink'] },
    description: {
      en: 'Filter by person, action, collection or date with "Filters"; "Export CSV" downloads what the list shows.',
      vi: 'Lọc theo người, hành động, mục hoặc ngày bằng "Bộ lọc"; "Xuất CSV" tải về đúng những gì danh sách đang hiển thị.',
    },
  },
  defaultSort: '-at',
  // Not part of the readers' API description: only administrators read it.
  custom: { openapi: false },
  timestamps: false,
  disableDuplicate: true,
  lockDocuments: false,
  graphQL: { disableMutations: true, singularName: 'AuditLogEntry', pluralName: 'AuditLog' },
  access: {
    read: isAdmin,
    create: nobody,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
    unlock: nobody,
  },
  hooks: { beforeOperation: [refuseWritingTheLog] },
  endpoints: [exportCsv],
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: { en: 'When', vi: 'Thời điểm' }, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } },
    { name: 'userName', type: 'text', required: true, index: true, label: { en: 'Who', vi: 'Người thực hiện' }, admin: readOnly },
    { name: 'userId', type: 'text', index: true, label: { en: 'User id', vi: 'Mã người dùng' }, admin: readOnly },
    { name: 'userRoles', type: 'select', hasMany: true, options: roleOptions, label: { en: 'Roles then', vi: 'Vai trò lúc đó' }, admin: readOnly },
    { name: 'ip', type: 'text', index: true, label: { en: 'IP address', vi: 'Địa chỉ IP' }, admin: readOnly },
    { name: 'action', type: 'select', required: true, index: true, options: [...auditActionOptions], label: { en: 'Action', vi: 'Hành động' }, admin: readOnly },
    { name: 'targetCollection', type: 'select', index: true, options: collectionOptions, label: { en: 'Collection', vi: 'Mục' }, admin: readOnly },
    { name: 'documentId', type: 'text', index: true, label: { en: 'Document id', vi: 'Mã tài liệu' }, admin: readOnly },
    { name: 'documentTitle', type: 'text', label: { en: 'Title then', vi: 'Tiêu đề lúc đó' }, admin: readOnly },
    { name: 'changedFields', type: 'text', hasMany: true, label: { en: 'Fields changed', vi: 'Trường đã sửa' }, admin: readOnly },
    { name: 'detail', type: 'json', label: { en: 'Detail', vi: 'Chi tiết' }, admin: readOnly },
  ],
}
