import type { CollectionConfig, ImageSize } from 'payload'

import { isAdmin, hasAnyRole } from '../../access/hasAnyRole.js'
import { nobody } from '../../access/nobody.js'
import { uploaderRoles } from '../../access/roles.js'
import { accessLevelOptions } from '../../fields/options.js'
import { ownerField } from '../../fields/ownerField.js'
import { mediaDir } from '../../lib/paths.js'
import { maxTextLength } from '../../lib/uploads/extractText.js'
import { validateAltText } from '../../lib/validators.js'
import { manageMedia, readMedia } from './access.js'
import { fileWithoutName } from './endpoints/fileWithoutName.js'
import { fileLevel } from './fields/fileLevel.js'
import { serveFromDisk } from './handlers/serveFromDisk.js'
import { rejectChangeToPublishedFile } from './hooks/guardPublishedFiles.js'
import { clearReplacedText, queueTextExtraction } from './hooks/queueTextExtraction.js'
import { screenUpload } from './hooks/screenUpload.js'
import { sizeFileName } from './sizeFileName.js'

/**
 * A size given only a width is never cropped; saying `fit: 'inside'` lets Payload resize it in one
 * pass, where a cover fit resizes and encodes each size twice to place the focal point.
 */
const sized = (name: string, width: number, height?: number): ImageSize[] => {
  const shape: Omit<ImageSize, 'name'> = {
    width,
    height,
    position: 'centre',
    withoutEnlargement: true,
    generateImageName: sizeFileName,
    ...(height ? {} : { fit: 'inside' }),
  }
  return [
    { name, ...shape },
    { name: `${name}Webp`, ...shape, formatOptions: { format: 'webp', options: { quality: 78 } } },
  ]
}

/** Every file of the school: photos, PDFs, Office documents, video and audio. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { en: 'File', vi: 'Tệp' },
    plural: { en: 'Files and media', vi: 'Tệp và hình ảnh' },
  },
  admin: {
    group: { en: 'System', vi: 'Hệ thống' },
    defaultColumns: ['filename', 'alt', 'accessLevel', 'mimeType', 'filesize'],
  },
  access: {
    create: hasAnyRole(uploaderRoles),
    read: readMedia,
    update: manageMedia,
    delete: manageMedia,
    readVersions: nobody,
    unlock: isAdmin,
  },
  upload: {
    staticDir: mediaDir(),
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    pasteURL: false,
    // Metadata (EXIF, GPS) never survives into a stored size; originals are stripped by screenUpload.
    withMetadata: false,
    imageSizes: [...sized('thumbnail', 320, 320), ...sized('card', 768), ...sized('hero', 1600)],
    handlers: [serveFromDisk],
  },
  endpoints: [fileWithoutName],
  hooks: {
    // Who may change a file is decided before its upload is screened (and before Payload writes it).
    beforeOperation: [rejectChangeToPublishedFile, screenUpload],
    beforeChange: [clearReplacedText],
    afterChange: [queueTextExtraction],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { en: 'Alt text', vi: 'Mô tả ảnh (alt)' },
      localized: true,
      validate: validateAltText,
      admin: { components: { Field: '/components/admin/AltTextField#AltTextField' } },
    },
    { name: 'caption', type: 'textarea', label: { en: 'Caption', vi: 'Chú thích' }, localized: true },
    fileLevel(),
    {
      name: 'exposedLevels',
      type: 'select',
      hasMany: true,
      options: accessLevelOptions,
      label: { en: 'Published at levels', vi: 'Đang được công bố ở mức' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          en: 'Levels of published documents that use this file; kept up to date automatically.',
          vi: 'Mức truy cập của các văn bản, học liệu đã xuất bản đang dùng tệp này; tự động cập nhật.',
        },
      },
      // Only the system maintains it (see syncMediaExposure).
      access: { create: () => false, update: () => false },
    },
    ownerField('uploadedBy', { en: 'Uploaded by', vi: 'Người tải lên' }),
    {
      name: 'extractedText',
      type: 'textarea',
      label: { en: 'Text read from the file', vi: 'Nội dung đọc từ tệp' },
      // Read by the search index only; API answers stay small and the file stays the source.
      hidden: true,
      // Payload's default for a textarea is 40,000 characters, less than a 15-page lesson plan holds.
      maxLength: maxTextLength,
    },
  ],
}
