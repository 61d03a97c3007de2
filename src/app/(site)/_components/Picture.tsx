import type { Media } from '@/payload-types.js'

type SizeName = 'card' | 'hero' | 'thumbnail'

/** A populated upload, or `undefined` for ids the viewer could not read and empty fields. */
export const asMedia = (value: Media | null | number | undefined): Media | undefined =>
  value && typeof value === 'object' ? value : undefined

/** What a browser loads to show `image` at `size`: the WebP size, and the size in the original format (or the original). */
const sourcesOf = (image: Media, size: SizeName) => {
  const fallback = image.sizes?.[size]
  return { fallback, src: fallback?.url ?? image.url ?? undefined, webp: image.sizes?.[`${size}Webp`]?.url ?? undefined }
}

/** Every address `Picture` would have the browser load for `image` at `size`. */
export const pictureAddresses = (image: Media, size: SizeName): string[] => {
  const { src, webp } = sourcesOf(image, size)
  return [src, webp].filter((url): url is string => Boolean(url))
}

/**
 * An uploaded image at one of the sizes sharp made, WebP first with the original format as the
 * fallback. Sizes smaller than asked for fall back to the original file.
 */
export function Picture({
  media,
  size,
  className,
  eager = false,
}: {
  media: Media | null | number | undefined
  size: SizeName
  className?: string
  eager?: boolean
}) {
  const image = asMedia(media)
  if (!image?.url || !image.mimeType?.startsWith('image/')) return null
  const { fallback, src, webp } = sourcesOf(image, size)
  return (
    <picture className={className}>
      {webp ? <source srcSet={webp} type="image/webp" /> : null}
      <img
        src={src}
        alt={image.alt ?? ''}
        width={fallback?.width ?? image.width ?? undefined}
        height={fallback?.height ?? image.height ?? undefined}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
      />
    </picture>
  )
}
