import type { SelectField, SelectFieldSingleValidation } from 'payload'

import { publishesAnything } from '../../../access/publishing.js'
import { accessLevel, levelWithinYours } from '../../../fields/accessLevel.js'
import { translate } from '../../../lib/translate.js'

/** Levels only a publisher may give a file: anyone else's file would reach readers unreviewed. */
const publishedLevels = new Set(['public', 'parents'])

/**
 * Someone who cannot publish may not make a file visible to parents or the public; it reaches
 * them once a publisher publishes a document that uses it (`exposedLevels`). Checked when the
 * level is chosen or changed, so a file uploaded before this rule can still have its alt fixed.
 */
const publishersOnlyBeyondStaff: SelectFieldSingleValidation = (value, options) => {
  const { overrideAccess, previousValue, req } = options
  const chosen = options.operation === 'create' || value !== previousValue
  if (!req.user || overrideAccess || !chosen || !publishedLevels.has(String(value)) || publishesAnything(req.user)) return true
  return translate(req, 'fileLevelNeedsPublisher')
}

/** Who may read a file: by default public for publishers' uploads, staff for everyone else's. */
export const fileLevel = (): SelectField =>
  accessLevel({
    defaultValue: ({ user }: { user?: Parameters<typeof publishesAnything>[0] }) => (!user || publishesAnything(user) ? 'public' : 'staff'),
    validate: async (value: Parameters<SelectFieldSingleValidation>[0], options: Parameters<SelectFieldSingleValidation>[1]) => {
      const withinYours = await levelWithinYours(value, options)
      return withinYours === true ? publishersOnlyBeyondStaff(value, options) : withinYours
    },
  } as Partial<SelectField>)
