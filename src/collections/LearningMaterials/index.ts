import type { CollectionConfig } from 'payload'

import { hasRole } from '../../access/accessLevels.js'
import { editorsOnlyField, publishersOnlyField } from '../../access/fieldAccess.js'
import { hasAnyRole, isAdmin } from '../../access/hasAnyRole.js'
import { materialAuthorRoles, publishRolesOf } from '../../access/roles.js'
import { accessLevel } from '../../fields/accessLevel.js'
import { materialTypeOptions, reviewStatusOptions } from '../../fields/options.js'
import { ownerField } from '../../fields/ownerField.js'
import { slug } from '../../fields/slug.js'
import { ageGroups, domains, tags } from '../../fields/taxonomy.js'
import { validateHttpUrl, validateSchoolYear } from '../../lib/validators.js'
import { rejectPublishWithoutRight } from '../../hooks/rejectPublishWithoutRight.js'
import { mediaReferences, rejectUnreadableReferences } from '../../hooks/rejectUnreadableReferences.js'
import { mediaFieldsOf, releaseMediaExposure, syncMediaExposure } from '../../hooks/syncMediaExposure.js'
import { publishedInOrderOf } from '../publishedOrderIndex.js'
import { editMaterials, readMaterials, readMaterialVersions } from './access.js'
import { applyReviewWorkflow } from './hooks/applyReviewWorkflow.js'

export const LearningMaterials: CollectionConfig = {
  slug: 'learning-materials',
  labels: {
    singular: { en: 'Learning material', vi: 'Học liệu số' },
    plural: { en: 'Learning materials', vi: 'Học liệu số' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'materialType', 'ageGroups', 'accessLevel', 'reviewStatus', '_status'],
    group: { en: 'Learning', vi: 'Học liệu' },
    components: {
      edit: {
        PublishButton: '/components/PublishButtonForPublishers#PublishButtonForPublishers',
        beforeDocumentControls: ['/components/review/ReviewActions#ReviewActions'],
      },
    },
  },
  versions: { drafts: { autosave: false }, maxPerDoc: 50 },
  indexes: publishedInOrderOf('createdAt'),
  access: {
    create: hasAnyRole(materialAuthorRoles),
    read: readMaterials,
    update: editMaterials,
    delete: editMaterials,
    readVersions: readMaterialVersions,
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [rejectUnreadableReferences(mediaReferences(mediaFieldsOf['learning-materials'])), rejectPublishWithoutRight(publishRolesOf['learning-materials']), applyReviewWorkflow],
    afterChange: [syncMediaExposure],
    afterDelete: [releaseMediaExposure],
  },
  fields: [
    // A returned lesson opens with the reviewer's note, before anything else.
    { name: 'returnedNotice', type: 'ui', admin: { components: { Field: '/components/review/ReturnedNotice#ReturnedNotice' } } },
    { name: 'title', type: 'text', label: { en: 'Title', vi: 'Tiêu đề' }, required: true, localized: true },
    slug(),
    { name: 'summary', type: 'textarea', label: { en: 'Summary', vi: 'Tóm tắt' }, localized: true },
    { name: 'body', type: 'richText', label: { en: 'Content', vi: 'Nội dung' }, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'materialType',
          type: 'select',
          label: { en: 'Type', vi: 'Loại học liệu' },
          options: materialTypeOptions,
          required: true,
          index: true,
        },
        { name: 'topic', type: 'text', label: { en: 'Topic', vi: 'Chủ đề' }, index: true },
      ],
    },
    ageGroups(),
    domains(),
    { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover image', vi: 'Ảnh đại diện' } },
    {
      name: 'files',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: { en: 'Files', vi: 'Tệp đính kèm' },
    },
    {
      type: 'row',
      fields: [
        { name: 'videoUrl', type: 'text', label: { en: 'External video URL', vi: 'Liên kết video' }, validate: validateHttpUrl },
        { name: 'durationMinutes', type: 'number', min: 0, label: { en: 'Duration (minutes)', vi: 'Thời lượng (phút)' } },
        { name: 'schoolYear', type: 'text', label: { en: 'School year', vi: 'Năm học' }, validate: validateSchoolYear },
      ],
    },
    tags(),
    accessLevel(),
    ownerField('author', { en: 'Author', vi: 'Tác giả' }),
    {
      type: 'collapsible',
      label: { en: 'Review', vi: 'Kiểm duyệt' },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'reviewStatus',
          type: 'select',
          label: { en: 'Review status', vi: 'Trạng thái duyệt' },
          options: reviewStatusOptions,
          defaultValue: 'draft',
          index: true,
          // Moved by the review buttons (components/review/ReviewActions), checked by applyReviewWorkflow.
          admin: { readOnly: true, components: { Cell: '/components/review/ReviewStatusCell#ReviewStatusCell' } },
          access: { read: editorsOnlyField },
        },
        {
          name: 'reviewNote',
          type: 'textarea',
          label: { en: 'Reviewer note', vi: 'Nhận xét của người duyệt' },
          // Written in the "Trả lại để chỉnh sửa" dialog, with the return it explains.
          admin: { readOnly: true },
          access: { read: editorsOnlyField, update: publishersOnlyField },
        },
        { name: 'submittedAt', type: 'date', label: { en: 'Submitted at', vi: 'Ngày gửi duyệt' }, admin: { readOnly: true }, access: { read: editorsOnlyField } },
        {
          name: 'reviewedBy',
          type: 'relationship',
          relationTo: 'users',
          label: { en: 'Reviewed by', vi: 'Người duyệt' },
          // Only administrators may open accounts; to anyone else the field read "ID: 3". The
          // reviewer's name, as it was, is in the review history below.
          admin: { readOnly: true, condition: (_data, _siblingData, { user }) => hasRole(user, 'admin') },
          access: { read: editorsOnlyField },
        },
        { name: 'reviewedAt', type: 'date', label: { en: 'Reviewed at', vi: 'Ngày duyệt' }, admin: { readOnly: true }, access: { read: editorsOnlyField } },
        {
          name: 'reviewHistory',
          type: 'array',
          label: { en: 'Review history', vi: 'Lịch sử duyệt' },
          labels: { singular: { en: 'Step', vi: 'Bước' }, plural: { en: 'Steps', vi: 'Các bước' } },
          admin: { readOnly: true, components: { Field: '/components/review/ReviewHistory#ReviewHistory' } },
          access: { read: editorsOnlyField },
          fields: [
            { name: 'action', type: 'select', options: reviewStatusOptions, required: true, label: { en: 'Step', vi: 'Bước' } },
            { name: 'by', type: 'relationship', relationTo: 'users', label: { en: 'By', vi: 'Người thực hiện' } },
            // The name as it was: an author may not read other accounts, and names change.
            { name: 'byName', type: 'text', label: { en: 'Name', vi: 'Tên' } },
            { name: 'at', type: 'date', required: true, label: { en: 'At', vi: 'Lúc' } },
            { name: 'note', type: 'textarea', label: { en: 'Note', vi: 'Nhận xét' } },
          ],
        },
      ],
    },
  ],
}
