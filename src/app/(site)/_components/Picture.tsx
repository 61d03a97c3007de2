import type { Media } from '@/payload-types.js'

type SizeName = 'card' | 'hero' | 'thumbnail'

/** A populated upload, or `undefined` for ids the viewer could not read and empty fields. */
export const asMedia = (value: Media | null | number | undefined): Media | undefined =>
  value && typeof value === 'object' ? value : undefined

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
  const fallback = image.sizes?.[size]
  const webp = image.sizes?.[`${size}Webp`]
  const src = fallback?.url ?? image.url
  return (
    <picture className={className}>
      {webp?.url ? <source srcSet={webp.url} type="image/webp" /> : null}
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
