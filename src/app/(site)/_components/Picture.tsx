import type { Media } from '@/payload-types.js'

type SizeName = 'card' | 'hero' | 'thumbnail'

/**
 * What `Picture` reads of a file: the whole document (a page's), or the fields a list populates
 * it with (`MediaInList`). A list's file has the card's sizes, not the hero's: shown as a hero,
 * it would load the original, which the types do not prevent.
 */
export type PictureFile = Pick<Media, 'alt' | 'height' | 'mimeType' | 'sizes' | 'url' | 'width'>

/** A populated upload, or `undefined` for ids the viewer could not read and empty fields. */
export const asMedia = <Upload extends PictureFile>(value: Upload | null | number | undefined): Upload | undefined =>
  value && typeof value === 'object' ? value : undefined

/** Whether `Picture` shows anything for `media`: an uploaded image the viewer may read. */
export const isPicture = <Upload extends PictureFile>(media: Upload | null | number | undefined): media is Upload => {
  const image = asMedia(media)
  return Boolean(image?.url && image.mimeType?.startsWith('image/'))
}

/**
 * The widths a browser may choose among for `srcset`, smallest first. A hero offers the card's
 * 768 pixels too: a phone's column never needs the 1600. Cards and thumbnails stay one file —
 * 768 pixels already fill a card at twice a phone's density, and a larger choice would only cost
 * every page more HTML.
 */
const ladderOf = (size: SizeName): SizeName[] => (size === 'hero' ? ['card', 'hero'] : [size])

/** How wide a hero is shown: an article's column is at most 48rem. */
const heroSizes = '(min-width: 50rem) 48rem, 100vw'

type Candidate = { url: string; width: number }

/** The files of `image` a browser may pick from for `size`, in one format (`Webp` or the original's). */
const candidatesOf = (image: PictureFile, size: SizeName, format: '' | 'Webp'): Candidate[] => {
  const seen = new Set<string>()
  return ladderOf(size).flatMap((name) => {
    const file = image.sizes?.[`${name}${format}`]
    if (!file?.url || !file.width || seen.has(file.url)) return []
    seen.add(file.url)
    return [{ url: file.url, width: file.width }]
  })
}

const srcSetOf = (candidates: Candidate[]): string | undefined =>
  candidates.length > 1 ? candidates.map(({ url, width }) => `${url} ${width}w`).join(', ') : undefined

/** What a browser loads to show `image` at `size`: the WebP size, and the size in the original format (or the original). */
const sourcesOf = (image: PictureFile, size: SizeName) => {
  const fallback = image.sizes?.[size]
  return { fallback, src: fallback?.url ?? image.url ?? undefined, webp: image.sizes?.[`${size}Webp`]?.url ?? undefined }
}

/** Every address `Picture` would have the browser load for `image` at `size`. */
export const pictureAddresses = (image: PictureFile, size: SizeName): string[] => {
  const { src, webp } = sourcesOf(image, size)
  const choices = [...candidatesOf(image, size, ''), ...candidatesOf(image, size, 'Webp')].map(({ url }) => url)
  return [...new Set([src, webp, ...choices].filter((url): url is string => Boolean(url)))]
}

/**
 * An uploaded image at one of the sizes sharp made, WebP first with the original format as the
 * fallback; a hero lists the card's width beside its own (`srcset`), so a phone loads the file
 * that fills its column at its screen's density rather than the largest. Sizes smaller than asked for fall
 * back to the original file. Width and height are given so the page does not move as it loads;
 * below the fold the browser waits until the reader scrolls near (`eager` for the first screen).
 */
export function Picture({
  media,
  size,
  className,
  eager = false,
}: {
  media: PictureFile | null | number | undefined
  size: SizeName
  className?: string
  eager?: boolean
}) {
  if (!isPicture(media)) return null
  const { fallback, src, webp } = sourcesOf(media, size)
  const webpSet = srcSetOf(candidatesOf(media, size, 'Webp'))
  const originalSet = srcSetOf(candidatesOf(media, size, ''))
  return (
    <picture className={className}>
      {webp ? <source srcSet={webpSet ?? webp} sizes={webpSet ? heroSizes : undefined} type="image/webp" /> : null}
      <img
        src={src}
        srcSet={originalSet}
        sizes={originalSet ? heroSizes : undefined}
        alt={media.alt ?? ''}
        width={fallback?.width ?? media.width ?? undefined}
        height={fallback?.height ?? media.height ?? undefined}
        loading={eager ? 'eager' : 'lazy'}
        fetchPriority={eager ? 'high' : undefined}
        decoding="async"
      />
    </picture>
  )
}
