import sharp from 'sharp'

import { maxImagePixels } from './allowlist.js'
import { UploadRejection } from './UploadRejection.js'

/** What an image's header declares, read before any pixel is decoded. */
export interface ImageHeader {
  readonly width: number
  /** Height of one frame. */
  readonly height: number
  /** 1 for a still image. */
  readonly frames: number
  /** True for palette images (GIF, indexed PNG), which should stay indexed when re-encoded. */
  readonly isPalette: boolean
}

/**
 * Reads an image's header and refuses it (413) when decoding it would exceed
 * {@link maxImagePixels}, counting every frame since an animation is decoded whole.
 *
 * @throws {UploadRejection} `imageUnreadable` when sharp cannot read the header,
 * `imageTooLarge` when the image has too many pixels.
 */
export async function readImageHeader(data: Buffer): Promise<ImageHeader> {
  let metadata: sharp.Metadata
  try {
    // metadata() reads the header only, so no pixel limit is needed here; with one, sharp would
    // refuse a pixel bomb without telling us the dimensions the message quotes.
    metadata = await sharp(data, { limitInputPixels: false, failOn: 'error' }).metadata()
  } catch {
    throw new UploadRejection('imageUnreadable')
  }
  const { width, height } = metadata
  const frames = metadata.pages ?? 1
  if (width * height * frames > maxImagePixels) {
    throw new UploadRejection('imageTooLarge', {
      width,
      // An animation is decoded as its frames stacked one above the other.
      height: height * frames,
      limit: maxImagePixels / 1_000_000,
    })
  }
  return { width, height, frames, isPalette: metadata.isPalette }
}
