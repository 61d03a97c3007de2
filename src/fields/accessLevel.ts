import type { SelectField, SelectFieldSingleValidation } from 'payload'

import { validations } from 'payload'

import { canSeeLevel } from '../access/accessLevels.js'
import { translate } from '../lib/translate.js'
import { accessLevelOptions } from './options.js'

/**
 * Nobody may choose a level above their own, so a teacher cannot file a lesson where she herself
 * could not read it. System writes (no user, or bookkeeping that overrides access, like marking a
 * document replaced) are trusted with any level that exists.
 */
export const levelWithinYours: SelectFieldSingleValidation = (value, options) => {
  const { overrideAccess, req } = options
  const known = validations.select(value, options)
  if (known !== true) return known
  return !req.user || overrideAccess || canSeeLevel(req.user, value) ? true : translate(req, 'levelAboveYours')
}

/** Who may read a document. */
export const accessLevel = (overrides: Partial<Pick<SelectField, 'defaultValue' | 'validate'>> = {}): SelectField => ({
  name: 'accessLevel',
  type: 'select',
  label: { en: 'Access level', vi: 'Mức truy cập' },
  options: accessLevelOptions,
  defaultValue: 'public',
  required: true,
  index: true,
  admin: { position: 'sidebar' },
  validate: levelWithinYours,
  ...overrides,
} as SelectField)
