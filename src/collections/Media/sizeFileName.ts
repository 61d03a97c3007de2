import type { GenerateImageName } from 'payload'

import { randomBytes } from 'node:crypto'

/**
 * An image size's file gets a name no other file ever had: a replaced image writes its sizes under
 * new names rather than over the old ones, so a browser or proxy may keep a size forever
 * (`immutable`), and the old sizes stay served until the replacement is saved. Payload's default
 * name (`<name>-<width>x<height>`) comes back whenever the same image is uploaded again, and
 * Payload removes the file already under it before the database write.
 */
export const sizeFileName: GenerateImageName = ({ extension, height, originalName, width }) =>
  `${originalName}-${width}x${height}-${randomBytes(4).toString('hex')}.${extension}`

/** Whether a stored file is an image size named by {@link sizeFileName}, whose bytes never change. */
export const isImmutableSizeName = (filename: string): boolean => /-\d+x\d+-[0-9a-f]{8}\.[a-z0-9]+$/.test(filename)
