import sharp from 'sharp'

import { maxImagePixels } from './allowlist.js'
import { type ImageHeader, readImageHeader } from './imageHeader.js'
import { UploadRejection } from './UploadRejection.js'

/**
 * Limits every decode of an upload runs under; `unlimited` would lift sharp's own guards on PNG
 * chunks. `failOn: 'error'` rather than sharp's stricter default, 'warning': phone cameras write
 * JPEGs with harmless libjpeg warnings (extraneous bytes), and refusing those would refuse
 * everyday photos; truncated or damaged data still fails.
 */
const safeLimits = {
  limitInputPixels: maxImagePixels,
  unlimited: false,
  failOn: 'error',
} as const satisfies sharp.SharpOptions

/** Every stored size is made from the re-encoded original, so it must look like the photo. */
const lossyQuality = 90

const encoders: Record<string, (image: sharp.Sharp, header: ImageHeader) => sharp.Sharp> = {
  'image/jpeg': (image) => image.jpeg({ quality: lossyQuality }),
  // A palette PNG re-encoded as truecolour would grow several times over.
  'image/png': (image, { isPalette }) => image.png({ palette: isPalette }),
  'image/webp': (image) => image.webp({ quality: lossyQuality }),
  'image/gif': (image) => image.gif(),
}

/**
 * Re-encodes an accepted image in its own format with no metadata at all: EXIF (GPS, camera,
 * owner), XMP, IPTC and comments are gone, because these are photos of children. The EXIF
 * orientation is applied to the pixels first, so the photo still stands upright. Animations
 * keep their frames and timing; sharp cannot rotate them, and they seldom carry an orientation.
 * Colours are converted to sRGB rather than keeping the ICC profile, as every browser shows sRGB.
 *
 * @param mime The type {@link inspectUpload} decided: image/jpeg, image/png, image/webp or image/gif.
 * @throws {UploadRejection} `imageTooLarge` (413) or `imageUnreadable` (422).
 * @throws {TypeError} for any other MIME type, which is a caller's mistake rather than the uploader's.
 */
export async function sanitizeImage(data: Buffer, mime: string): Promise<Buffer> {
  const encode = encoders[mime]
  if (!encode) throw new TypeError(`sanitizeImage cannot re-encode ${mime}`)

  const header = await readImageHeader(data)
  const animated = header.frames > 1
  try {
    const image = sharp(data, { ...safeLimits, animated })
    // Sharp writes metadata only when asked (keepExif, withMetadata…), so the output has none.
    return await encode(animated ? image : image.autoOrient(), header).toBuffer()
  } catch {
    throw new UploadRejection('imageUnreadable')
  }
}

const isSharpInput = (value: unknown): value is sharp.SharpInput | sharp.SharpInput[] =>
  typeof value === 'string' || Array.isArray(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)

function sharpUnderSafeLimits(
  inputOrOptions?: sharp.SharpInput | sharp.SharpInput[] | sharp.SharpOptions,
  options?: sharp.SharpOptions,
): sharp.Sharp {
  return isSharpInput(inputOrOptions)
    ? sharp(inputOrOptions, { ...options, ...safeLimits })
    : sharp({ ...inputOrOptions, ...options, ...safeLimits })
}

/**
 * `sharp` with the limits {@link sanitizeImage} decodes under forced on every call, whatever
 * options the caller passes. Give it to Payload as the config's `sharp`: Payload calls
 * `sharp(input, options)` to make every image size, and those decodes must not become a pixel
 * bomb either. Sharp's static helpers (`cache`, `concurrency`, `format`…) are carried over, so
 * it stands in for `sharp` everywhere.
 */
export const sharpWithSafeLimits: typeof sharp = Object.assign(sharpUnderSafeLimits, sharp)
