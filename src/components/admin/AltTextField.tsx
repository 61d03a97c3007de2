'use client'

import type { TextFieldClientComponent } from 'payload'

import { TextField, useAuth, useFormFields, useOperation } from '@payloadcms/ui'
import { getFieldPermissions } from 'payload/shared'

/** The type of the file in the form: the stored one, or the one just chosen in the upload field or drawer. */
const useFileType = (): string | undefined =>
  useFormFields(([fields]) => {
    const chosen = fields.file?.value
    if (chosen && typeof chosen === 'object' && 'type' in chosen && typeof chosen.type === 'string' && chosen.type) return chosen.type
    const stored = fields.mimeType?.value
    return typeof stored === 'string' && stored ? stored : undefined
  })

/**
 * Whether a new file's description is read-only. The bulk-upload drawer asks the server for its
 * form while the upload permissions are still on their way, and when they come last (a slow link
 * or a busy server) the server draws this component, and only this one, read-only for good: Payload
 * draws its own fields in the browser once the permissions arrive, a component of ours keeps the
 * props it was drawn with. On a new file the field follows the user's permissions as the admin
 * loaded them with the page, read by Payload's own rule; a stored file keeps what the server
 * decided for it, and the server checks every save whatever the form shows.
 */
const useReadOnly = (readOnlyAsDrawn: boolean | undefined, collection: string, name: string): boolean => {
  const operation = useOperation()
  const { permissions } = useAuth()
  if (!readOnlyAsDrawn || operation !== 'create') return Boolean(readOnlyAsDrawn)
  const onCollection = permissions?.collections?.[collection]
  if (onCollection?.create !== true) return true
  const field = { name, type: 'text' } as const
  return !getFieldPermissions({ collectionPermissions: onCollection, field, operation, parentName: '', permissions: onCollection.fields }).operation
}

/**
 * Alt text describes a picture; a PDF, a video or a Word file has its title elsewhere. The field
 * is shown only while the file is an image (or before any file is chosen), in the edit view and
 * in the drawer that uploads from inside a document; the server asks for it on images only
 * (validateAltText), whatever the form shows.
 */
export const AltTextField: TextFieldClientComponent = (props) => {
  const type = useFileType()
  const readOnly = useReadOnly(props.readOnly, 'media', props.field.name)
  if (type && !type.startsWith('image/')) return null
  return <TextField {...props} readOnly={readOnly} />
}
