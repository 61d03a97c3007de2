import type { SelectField, TextField } from 'payload'

import { ageGroupOptions, domainOptions } from './options.js'

export const ageGroups = (): SelectField => ({
  name: 'ageGroups',
  type: 'select',
  label: { en: 'Age groups', vi: 'Độ tuổi' },
  hasMany: true,
  options: ageGroupOptions,
  index: true,
})

export const domains = (): SelectField => ({
  name: 'domains',
  type: 'select',
  label: { en: 'Developmental domains', vi: 'Lĩnh vực phát triển' },
  hasMany: true,
  options: domainOptions,
})

export const tags = (): TextField => ({
  name: 'tags',
  type: 'text',
  label: { en: 'Tags', vi: 'Từ khóa' },
  hasMany: true,
})
