import type { SelectField } from 'payload'

import { canSeeLevel } from '../access/accessLevels.js'
import { translate } from '../lib/translate.js'
import { accessLevelOptions } from './options.js'

/**
 * Who may read a document. Nobody may choose a level above their own, so a teacher cannot
 * file a lesson where she herself could not read it. System writes (no user, or bookkeeping that
 * overrides access, like marking a document replaced) are trusted.
 */
export const accessLevel = (overrides: { defaultValue?: string } = {}): SelectField => ({
  name: 'accessLevel',
  type: 'select',
  label: { en: 'Access level', vi: 'Mức truy cập' },
  options: accessLevelOptions,
  defaultValue: 'public',
  required: true,
  index: true,
  admin: { position: 'sidebar' },
  validate: (value, { overrideAccess, req }) =>
    !req.user || overrideAccess || canSeeLevel(req.user, value)
      ? true
      : translate(req, 'levelAboveYours'),
  ...overrides,
})
