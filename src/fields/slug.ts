import type { TextField } from 'payload'

import { slugify } from '../lib/slugify.js'

/** A URL slug derived from the title when left empty; unique within its collection. */
export const slug = (from = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: { en: 'Slug', vi: 'Đường dẫn' },
  unique: true,
  index: true,
  admin: { position: 'sidebar', description: { en: 'Filled from the title when empty.', vi: 'Để trống sẽ tự tạo từ tiêu đề.' } },
  hooks: {
    beforeValidate: [
      ({ value, data }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const source = data?.[from]
        const text = typeof source === 'string' ? source : source?.vi
        return typeof text === 'string' ? slugify(text) : value
      },
    ],
  },
})
