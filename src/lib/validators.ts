import type { TextFieldSingleValidation } from 'payload'

import { parseDocumentNumber } from './documentNumber.js'
import { isValidIsbn } from './isbn.js'
import { translate } from './translate.js'

/** Only http(s) links: `javascript:` and `data:` URLs must never reach the website. */
export const validateHttpUrl: TextFieldSingleValidation = (value, { req }) => {
  if (!value) return true
  const protocol = URL.canParse(value) ? new URL(value).protocol : ''
  return protocol === 'http:' || protocol === 'https:' ? true : translate(req, 'invalidUrl')
}

/** "2024-2025": a school year runs across two consecutive calendar years. */
export const validateSchoolYear: TextFieldSingleValidation = (value, { req }) => {
  if (!value) return true
  const match = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(value)
  return match && Number(match[2]) === Number(match[1]) + 1
    ? true
    : translate(req, 'schoolYearInvalid')
}

export const validateIsbn: TextFieldSingleValidation = (value, { req }) =>
  !value || isValidIsbn(value) ? true : translate(req, 'isbnInvalid')

export const validateDocumentNumber: TextFieldSingleValidation = (value, { req }) =>
  value && parseDocumentNumber(value)
    ? true
    : translate(req, 'documentNumberInvalid', { value: value ?? '' })

/** Photos need a description for screen readers; other files do not. */
export const validateAltText: TextFieldSingleValidation = (value, { req, siblingData }) => {
  const mimeType = (siblingData as { mimeType?: string }).mimeType ?? req.file?.mimetype
  return !mimeType?.startsWith('image/') || value?.trim() ? true : translate(req, 'altRequired')
}
