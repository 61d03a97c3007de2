import type { CollectionConfig } from 'payload'

import { anyOf, versionsReadableWhen } from '../../access/compose.js'
import { editorsOnlyField } from '../../access/fieldAccess.js'
import { isAdmin } from '../../access/hasAnyRole.js'
import { officeRoles, publishRolesOf } from '../../access/roles.js'
import { editorsWithinReach, publishedWithinReach } from '../../access/withinReach.js'
import { accessLevel } from '../../fields/accessLevel.js'
import {
  documentDirectionOptions,
  documentRelationOptions,
  documentTypeOptions,
  validityStatusOptions,
} from '../../fields/options.js'
import { rejectPublishWithoutRight } from '../../hooks/rejectPublishWithoutRight.js'
import { mediaReferences, rejectUnreadableReferences } from '../../hooks/rejectUnreadableReferences.js'
import { mediaFieldsOf, releaseMediaExposure, syncMediaExposure } from '../../hooks/syncMediaExposure.js'
import { validateDocumentNumber } from '../../lib/validators.js'
import { publishedInOrderOf } from '../publishedOrderIndex.js'
import { linkReplacements, unlinkReplacements } from './hooks/linkReplacements.js'
import { registerDocumentNumber } from './hooks/registerDocumentNumber.js'
import { validityOf } from './validity.js'

const editDocuments = editorsWithinReach(officeRoles)
const readDocuments = anyOf(publishedWithinReach, editDocuments)

const systemField = { readOnly: true } as const

export const RegulatoryDocuments: CollectionConfig = {
  slug: 'regulatory-documents',
  labels: {
    singular: { en: 'Official document', vi: 'Văn bản' },
    plural: { en: 'Official documents', vi: 'Văn bản' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['documentNumber', 'title', 'issuingBody', 'issueDate', 'validityStatus', 'accessLevel'],
    group: { en: 'Documents', vi: 'Văn bản' },
  },
  defaultSort: '-issueDate',
  versions: { drafts: true, maxPerDoc: 20 },
  indexes: publishedInOrderOf('issueDate'),
  access: {
    create: editDocuments,
    read: readDocuments,
    update: editDocuments,
    delete: editDocuments,
    readVersions: versionsReadableWhen({ readDocument: readDocuments, readVersion: editDocuments }),
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [
      rejectUnreadableReferences([
        ...mediaReferences(mediaFieldsOf['regulatory-documents']),
        { path: 'relatedDocuments.document', relationTo: 'regulatory-documents' },
      ]),
      rejectPublishWithoutRight(publishRolesOf['regulatory-documents']),
      registerDocumentNumber,
    ],
    afterChange: [syncMediaExposure, linkReplacements],
    afterDelete: [releaseMediaExposure, unlinkReplacements],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'documentNumber',
          type: 'text',
          required: true,
          label: { en: 'Number and symbol', vi: 'Số, ký hiệu' },
          admin: { description: { en: 'As written on the document, e.g. 227/KH-UBND', vi: 'Ghi như trên văn bản, ví dụ 227/KH-UBND' } },
          validate: validateDocumentNumber,
        },
        {
          name: 'documentType',
          type: 'select',
          options: documentTypeOptions,
          required: true,
          index: true,
          label: { en: 'Document type', vi: 'Loại văn bản' },
        },
      ],
    },
    { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Title', vi: 'Tên văn bản' } },
    { name: 'summary', type: 'textarea', required: true, localized: true, label: { en: 'Summary (trích yếu)', vi: 'Trích yếu' } },
    {
      type: 'row',
      fields: [
        { name: 'issuingBody', type: 'text', required: true, index: true, label: { en: 'Issuing body', vi: 'Cơ quan ban hành' } },
        { name: 'signer', type: 'text', label: { en: 'Signed by', vi: 'Người ký' } },
        { name: 'signerTitle', type: 'text', label: { en: 'Signer title', vi: 'Chức vụ người ký' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'issueDate', type: 'date', required: true, index: true, label: { en: 'Issue date', vi: 'Ngày ban hành' }, admin: { date: { displayFormat: 'dd/MM/yyyy' } } },
        { name: 'effectiveDate', type: 'date', label: { en: 'Effective from', vi: 'Ngày hiệu lực' }, admin: { date: { displayFormat: 'dd/MM/yyyy' } } },
        { name: 'expiryDate', type: 'date', label: { en: 'Expires on', vi: 'Ngày hết hiệu lực' }, admin: { date: { displayFormat: 'dd/MM/yyyy' } } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'direction', type: 'select', options: documentDirectionOptions, defaultValue: 'incoming', label: { en: 'Direction', vi: 'Văn bản đến/đi' } },
        { name: 'field', type: 'text', label: { en: 'Field', vi: 'Lĩnh vực' } },
      ],
    },
    { name: 'recipients', type: 'text', hasMany: true, label: { en: 'Recipients', vi: 'Nơi nhận' } },
    {
      name: 'file',
      type: 'upload',
      relationTo: 'media',
      label: { en: 'PDF', vi: 'Tệp văn bản (PDF)' },
      filterOptions: { mimeType: { equals: 'application/pdf' } },
    },
    {
      name: 'relatedDocuments',
      type: 'array',
      label: { en: 'Related documents', vi: 'Văn bản liên quan' },
      labels: { singular: { en: 'Relation', vi: 'Liên kết' }, plural: { en: 'Relations', vi: 'Liên kết' } },
      fields: [
        {
          name: 'relation',
          type: 'select',
          options: documentRelationOptions,
          required: true,
          label: { en: 'Relation', vi: 'Quan hệ' },
        },
        {
          name: 'document',
          type: 'relationship',
          relationTo: 'regulatory-documents',
          required: true,
          label: { en: 'Document', vi: 'Văn bản' },
        },
      ],
    },
    {
      name: 'replacedBy',
      type: 'relationship',
      relationTo: 'regulatory-documents',
      hasMany: true,
      label: { en: 'Replaced by', vi: 'Bị thay thế bởi' },
      admin: { ...systemField, position: 'sidebar' },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'validityStatus',
      type: 'select',
      options: validityStatusOptions,
      label: { en: 'Validity', vi: 'Tình trạng hiệu lực' },
      index: true,
      admin: { ...systemField, position: 'sidebar' },
      access: { create: () => false, update: () => false },
      hooks: {
        // Stored for filtering and recomputed on read, since dates pass without any write.
        beforeChange: [({ siblingData, originalDoc }) => validityOf({ ...originalDoc, ...siblingData })],
        afterRead: [({ siblingData }) => validityOf(siblingData)],
      },
    },
    {
      name: 'numberParts',
      type: 'group',
      label: { en: 'Number, parsed', vi: 'Số ký hiệu (tách tự động)' },
      admin: { ...systemField, position: 'sidebar' },
      access: { create: () => false, update: () => false },
      fields: [
        { name: 'number', type: 'number', label: { en: 'Number', vi: 'Số' } },
        { name: 'year', type: 'number', label: { en: 'Year', vi: 'Năm' } },
        { name: 'typeCode', type: 'text', label: { en: 'Type code', vi: 'Mã loại' } },
        { name: 'issuerCode', type: 'text', index: true, label: { en: 'Issuer code', vi: 'Mã cơ quan' } },
        { name: 'unitCode', type: 'text', label: { en: 'Drafting unit', vi: 'Đơn vị soạn thảo' } },
        { name: 'normalized', type: 'text', index: true, label: { en: 'Normalised', vi: 'Dạng chuẩn' } },
        { name: 'matchKey', type: 'text', index: true, label: { en: 'Register key', vi: 'Khóa sổ' }, access: { read: editorsOnlyField } },
      ],
    },
    accessLevel(),
  ],
}
