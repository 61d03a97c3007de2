import sharp from 'sharp'

import { sanitizeImage, sharpWithSafeLimits } from '../../src/lib/uploads/sanitizeImage.js'
import { animation, phonePhoto, pngHeader, twoColourImage } from '../fixtures/uploads.js'

/** Red or blue, whatever a lossy encoder did to the exact values. */
async function colourAt(image: Buffer, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true })
  const offset = (y * info.width + x) * info.channels
  const [red, , blue] = data.subarray(offset, offset + 3)
  if (red > 200 && blue < 55) return 'red'
  if (blue > 200 && red < 55) return 'blue'
  return `rgb(${[...data.subarray(offset, offset + 3)].join(', ')})`
}

/** Sharp refuses to go past 144 megapixels only if our limit is in force: its own is 268. */
const pixelBomb = pngHeader(12_000, 12_000)

describe.each(['jpeg', 'png', 'webp'] as const)('sanitizeImage, given a %s photo from a phone', (format) => {
  let original: Buffer
  let sanitized: Buffer
  beforeAll(async () => {
    original = await phonePhoto(format)
    sanitized = await sanitizeImage(original, `image/${format}`)
  })

  it('starts from a photo that carries its GPS position, author and orientation', async () => {
    const metadata = await sharp(original).metadata()
    expect(metadata.exif?.toString('latin1')).toContain('WGS-84')
    expect(metadata.xmp?.toString()).toContain('Co giao Lan')
    expect(metadata.orientation).toBe(6)
  })

  it('removes EXIF (GPS, camera, author) and XMP, leaving no metadata at all', async () => {
    const metadata = await sharp(sanitized).metadata()
    expect(metadata).not.toHaveProperty('exif')
    expect(metadata).not.toHaveProperty('xmp')
    expect(metadata).not.toHaveProperty('iptc')
    expect(sanitized.includes('WGS-84')).toBe(false)
    expect(sanitized.includes('Co giao Lan')).toBe(false)
  })

  it('turns the photo upright, so it still stands without its orientation tag', async () => {
    const metadata = await sharp(sanitized).metadata()
    expect(metadata.orientation).toBeUndefined()
    expect([metadata.width, metadata.height]).toEqual([20, 40])
    // Stored sideways with its left half red: upright, the red half is on top.
    expect(await colourAt(sanitized, 10, 5)).toBe('red')
    expect(await colourAt(sanitized, 10, 35)).toBe('blue')
  })

  it('keeps the format', async () => {
    expect((await sharp(sanitized).metadata()).format).toBe(format)
  })
})

describe('sanitizeImage, given an animation', () => {
  it('keeps every frame and delay of an animated GIF', async () => {
    const sanitized = await sanitizeImage(await animation('gif', 3).toBuffer(), 'image/gif')
    expect(await sharp(sanitized).metadata()).toMatchObject({ format: 'gif', pages: 3, delay: [100, 200, 300] })
  })

  it('keeps an animated WebP animated and drops its orientation, which sharp cannot apply to frames', async () => {
    const original = await animation('webp', 3).withMetadata({ orientation: 6 }).toBuffer()
    const metadata = await sharp(await sanitizeImage(original, 'image/webp')).metadata()
    expect(metadata).toMatchObject({ format: 'webp', pages: 3, delay: [100, 200, 300] })
    expect(metadata.orientation).toBeUndefined()
    expect(metadata.exif).toBeUndefined()
  })
})

describe('sanitizeImage, given anything else', () => {
  it('keeps a palette PNG indexed rather than growing it into truecolour', async () => {
    const original = await twoColourImage(40, 20).png({ palette: true }).toBuffer()
    expect((await sharp(await sanitizeImage(original, 'image/png')).metadata()).isPalette).toBe(true)
  })

  it('refuses a pixel bomb with 413 without decoding it', async () => {
    await expect(sanitizeImage(pixelBomb, 'image/png')).rejects.toMatchObject({ key: 'imageTooLarge', status: 413 })
  })

  it('refuses a truncated photo with 422 rather than storing what it could decode', async () => {
    const photo = await twoColourImage(400, 300).jpeg().toBuffer()
    await expect(sanitizeImage(photo.subarray(0, photo.length / 2), 'image/jpeg')).rejects.toMatchObject({
      key: 'imageUnreadable',
      status: 422,
    })
  })

  it('leaves files that are not images to its caller', async () => {
    await expect(sanitizeImage(Buffer.from('%PDF-1.4'), 'application/pdf')).rejects.toThrow(TypeError)
  })
})

describe('sharpWithSafeLimits', () => {
  it.each([
    ['no options', undefined],
    ['limitInputPixels: false', { limitInputPixels: false }],
    ['a limit above ours', { limitInputPixels: 200_000_000 }],
  ])('refuses to decode a 144-megapixel image when given %s', async (_, options) => {
    await expect(sharpWithSafeLimits(pixelBomb, options).toBuffer()).rejects.toThrow('Input image exceeds pixel limit')
  })

  it('refuses it too when the image is streamed in', async () => {
    const pipeline = sharpWithSafeLimits({ limitInputPixels: false })
    pipeline.end(pixelBomb)
    await expect(pipeline.toBuffer()).rejects.toThrow('Input image exceeds pixel limit')
  })

  it('resizes an ordinary photo as sharp does', async () => {
    const photo = await twoColourImage(40, 20).jpeg().toBuffer()
    const { info } = await sharpWithSafeLimits(photo).resize({ width: 10 }).toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([10, 5])
  })

  it.each(['cache', 'concurrency', 'counters', 'format', 'versions'] as const)('keeps sharp.%s', (helper) => {
    expect(sharpWithSafeLimits[helper]).toBe(sharp[helper])
  })
})
