'use client'

import type { TextFieldClientComponent } from 'payload'

import { TextField, useFormFields } from '@payloadcms/ui'

/** The type of the file in the form: the stored one, or the one just chosen in the upload field or drawer. */
const useFileType = (): string | undefined =>
  useFormFields(([fields]) => {
    const chosen = fields.file?.value
    if (chosen && typeof chosen === 'object' && 'type' in chosen && typeof chosen.type === 'string' && chosen.type) return chosen.type
    const stored = fields.mimeType?.value
    return typeof stored === 'string' && stored ? stored : undefined
  })

/**
 * Alt text describes a picture; a PDF, a video or a Word file has its title elsewhere. The field
 * is shown only while the file is an image (or before any file is chosen), in the edit view and
 * in the drawer that uploads from inside a document; the server asks for it on images only
 * (validateAltText), whatever the form shows.
 */
export const AltTextField: TextFieldClientComponent = (props) => {
  const type = useFileType()
  if (type && !type.startsWith('image/')) return null
  return <TextField {...props} />
}
