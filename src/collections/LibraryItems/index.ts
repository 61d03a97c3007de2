import type { CollectionConfig } from 'payload'

import { anyOf, versionsReadableWhen } from '../../access/compose.js'
import { isAdmin } from '../../access/hasAnyRole.js'
import { libraryEditorRoles, publishRolesOf } from '../../access/roles.js'
import { editorsWithinReach, publishedWithinReach } from '../../access/withinReach.js'
import { accessLevel } from '../../fields/accessLevel.js'
import { languageOptions, libraryItemTypeOptions } from '../../fields/options.js'
import { ageGroups } from '../../fields/taxonomy.js'
import { rejectPublishWithoutRight } from '../../hooks/rejectPublishWithoutRight.js'
import { mediaReferences, rejectUnreadableReferences } from '../../hooks/rejectUnreadableReferences.js'
import { mediaFieldsOf, releaseMediaExposure, syncMediaExposure } from '../../hooks/syncMediaExposure.js'
import { normalizeIsbn } from '../../lib/isbn.js'
import { validateIsbn } from '../../lib/validators.js'
import { publishedInOrderOf } from '../publishedOrderIndex.js'

const editLibrary = editorsWithinReach(libraryEditorRoles)
const readLibrary = anyOf(publishedWithinReach, editLibrary)

export const LibraryItems: CollectionConfig = {
  slug: 'library-items',
  labels: {
    singular: { en: 'Library item', vi: 'Tài liệu thư viện' },
    plural: { en: 'Digital library', vi: 'Thư viện số' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'itemType', 'creators', 'year', 'accessLevel', '_status'],
    group: { en: 'Library', vi: 'Thư viện' },
    components: {
      edit: { PublishButton: '/components/PublishButtonForPublishers#PublishButtonForPublishers' },
    },
  },
  versions: { drafts: true, maxPerDoc: 20 },
  indexes: publishedInOrderOf('createdAt'),
  access: {
    create: editLibrary,
    read: readLibrary,
    update: editLibrary,
    delete: editLibrary,
    readVersions: versionsReadableWhen({ readDocument: readLibrary, readVersion: editLibrary }),
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [rejectUnreadableReferences(mediaReferences(mediaFieldsOf['library-items'])), rejectPublishWithoutRight(publishRolesOf['library-items'])],
    afterChange: [syncMediaExposure],
    afterDelete: [releaseMediaExposure],
  },
  fields: [
    { name: 'title', type: 'text', label: { en: 'Title', vi: 'Nhan đề' }, required: true, localized: true },
    {
      name: 'creators',
      type: 'text',
      hasMany: true,
      label: { en: 'Authors / creators', vi: 'Tác giả' },
    },
    {
      type: 'row',
      fields: [
        { name: 'publisher', type: 'text', label: { en: 'Publisher', vi: 'Nhà xuất bản' } },
        { name: 'year', type: 'number', min: 1900, max: 2100, label: { en: 'Year', vi: 'Năm xuất bản' }, index: true },
        {
          name: 'isbn',
          type: 'text',
          label: { en: 'ISBN', vi: 'ISBN' },
          hooks: { beforeValidate: [({ value }) => (value ? normalizeIsbn(value) ?? value : value)] },
          validate: validateIsbn,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'language', type: 'select', options: languageOptions, defaultValue: 'vi', label: { en: 'Language', vi: 'Ngôn ngữ' } },
        {
          name: 'itemType',
          type: 'select',
          options: libraryItemTypeOptions,
          required: true,
          index: true,
          label: { en: 'Type', vi: 'Loại tài liệu' },
        },
      ],
    },
    { name: 'subjects', type: 'text', hasMany: true, label: { en: 'Subjects', vi: 'Chủ đề' } },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', vi: 'Tóm tắt nội dung' } },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover', vi: 'Ảnh bìa' } },
    { name: 'files', type: 'upload', relationTo: 'media', hasMany: true, label: { en: 'Files', vi: 'Tệp' } },
    ageGroups(),
    { name: 'licence', type: 'text', label: { en: 'Licence', vi: 'Giấy phép sử dụng' } },
    accessLevel(),
  ],
}
