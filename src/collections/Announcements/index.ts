import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/hasAnyRole.js'
import { publishRolesOf } from '../../access/roles.js'
import { accessLevel } from '../../fields/accessLevel.js'
import { announcementCategoryOptions } from '../../fields/options.js'
import { slug } from '../../fields/slug.js'
import { rejectPublishWithoutRight } from '../../hooks/rejectPublishWithoutRight.js'
import { mediaReferences, rejectUnreadableReferences } from '../../hooks/rejectUnreadableReferences.js'
import { mediaFieldsOf, releaseMediaExposure, syncMediaExposure } from '../../hooks/syncMediaExposure.js'
import { publishedInOrderOf } from '../publishedOrderIndex.js'
import { editAnnouncements, readAnnouncements, readAnnouncementVersions } from './access.js'

export const Announcements: CollectionConfig = {
  slug: 'announcements',
  labels: {
    singular: { en: 'Announcement', vi: 'Tin tức – Thông báo' },
    plural: { en: 'News and announcements', vi: 'Tin tức – Thông báo' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'publishedAt', 'pinned', 'accessLevel', '_status'],
    group: { en: 'News', vi: 'Tin tức' },
  },
  defaultSort: '-publishedAt',
  versions: { drafts: true, maxPerDoc: 20 },
  indexes: publishedInOrderOf('publishedAt'),
  access: {
    create: editAnnouncements,
    read: readAnnouncements,
    update: editAnnouncements,
    delete: editAnnouncements,
    readVersions: readAnnouncementVersions,
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [rejectUnreadableReferences(mediaReferences(mediaFieldsOf['announcements'])), rejectPublishWithoutRight(publishRolesOf['announcements'])],
    afterChange: [syncMediaExposure],
    afterDelete: [releaseMediaExposure],
  },
  fields: [
    { name: 'title', type: 'text', label: { en: 'Title', vi: 'Tiêu đề' }, required: true, localized: true },
    slug(),
    { name: 'excerpt', type: 'textarea', label: { en: 'Excerpt', vi: 'Tóm tắt' }, localized: true },
    { name: 'body', type: 'richText', label: { en: 'Content', vi: 'Nội dung' }, localized: true },
    {
      name: 'category',
      type: 'select',
      options: announcementCategoryOptions,
      required: true,
      index: true,
      label: { en: 'Category', vi: 'Chuyên mục' },
    },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover image', vi: 'Ảnh đại diện' } },
    { name: 'attachments', type: 'upload', relationTo: 'media', hasMany: true, label: { en: 'Attachments', vi: 'Tệp đính kèm' } },
    {
      name: 'pinned',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { en: 'Pinned to the home page', vi: 'Ghim lên trang chủ' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { en: 'Publish at', vi: 'Ngày đăng' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: { en: 'A future time schedules the announcement.', vi: 'Chọn thời điểm trong tương lai để hẹn giờ đăng.' },
      },
      hooks: { beforeChange: [({ value, siblingData }) => value ?? (siblingData._status === 'published' ? new Date().toISOString() : value)] },
    },
    {
      name: 'expiresAt',
      type: 'date',
      index: true,
      label: { en: 'Expires at', vi: 'Ngày hết hạn' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    accessLevel(),
  ],
}
