import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/hasAnyRole.js'
import { nobody } from '../../access/nobody.js'
import { unsentMailSlug } from './defaults.js'

/**
 * Mails the server could not send (no SMTP_HOST, or the mail server refused them after every
 * try), kept whole so an administrator can read and forward them. Only the mail job writes here.
 */
export const UnsentMail: CollectionConfig = {
  slug: unsentMailSlug,
  labels: {
    singular: { en: 'Unsent mail', vi: 'Thư chưa gửi' },
    plural: { en: 'Unsent mail', vi: 'Thư chưa gửi' },
  },
  admin: {
    group: { en: 'System', vi: 'Hệ thống' },
    useAsTitle: 'subject',
    defaultColumns: ['createdAt', 'subject', 'to', 'reason'],
    hidden: ({ user }) => !user?.roles?.includes('admin'),
    description: {
      en: 'Notifications that could not be sent by e-mail. Set SMTP_HOST (see README) to send them.',
      vi: 'Thông báo chưa gửi được qua thư điện tử. Cấu hình SMTP_HOST (xem README) để gửi thư.',
    },
  },
  defaultSort: '-createdAt',
  // Administrators' working data, not part of the readers' API description.
  custom: { openapi: false },
  disableDuplicate: true,
  lockDocuments: false,
  graphQL: { disableMutations: true, singularName: 'UnsentMail', pluralName: 'UnsentMails' },
  access: {
    read: isAdmin,
    create: nobody,
    update: nobody,
    delete: isAdmin,
    readVersions: nobody,
    unlock: nobody,
  },
  fields: [
    { name: 'to', type: 'text', hasMany: true, required: true, label: { en: 'To', vi: 'Người nhận' }, admin: { readOnly: true } },
    { name: 'subject', type: 'text', required: true, label: { en: 'Subject', vi: 'Tiêu đề' }, admin: { readOnly: true } },
    { name: 'text', type: 'textarea', required: true, label: { en: 'Text', vi: 'Nội dung' }, admin: { readOnly: true } },
    { name: 'html', type: 'textarea', label: { en: 'HTML', vi: 'HTML' }, admin: { readOnly: true } },
    { name: 'reason', type: 'text', label: { en: 'Why it was not sent', vi: 'Lý do chưa gửi' }, admin: { readOnly: true } },
  ],
}
