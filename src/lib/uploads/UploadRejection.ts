/** Why an upload was refused; each is a `truongso:` message key with the same name. */
export type UploadRejectionKey =
  | 'fileTypeRefused'
  | 'fileExtensionMismatch'
  | 'fileTooLarge'
  | 'imageTooLarge'
  | 'imageUnreadable'
  | 'archiveTooLarge'
  | 'archiveTooManyEntries'
  | 'archiveUnreadable'

const statusOf: Record<UploadRejectionKey, number> = {
  fileTypeRefused: 415,
  fileExtensionMismatch: 415,
  fileTooLarge: 413,
  imageTooLarge: 413,
  imageUnreadable: 422,
  archiveTooLarge: 413,
  archiveTooManyEntries: 413,
  archiveUnreadable: 422,
}

/**
 * An upload we will not store. It carries what a translated message needs rather than the
 * message itself, so the caller can answer in the uploader's language.
 */
export class UploadRejection extends Error {
  /** The HTTP status to answer with: 415 for the type, 413 for the size, 422 for a damaged image or archive. */
  readonly status: number

  constructor(
    readonly key: UploadRejectionKey,
    readonly variables: Record<string, number | string> = {},
  ) {
    super(`Upload refused: ${key} ${JSON.stringify(variables)}`)
    this.name = 'UploadRejection'
    this.status = statusOf[key]
  }
}
