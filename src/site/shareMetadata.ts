import type { Metadata } from 'next'

import type { Media } from '@/payload-types.js'

/**
 * The canonical address of a page and the card social networks and chat apps show for a link to
 * it: Open Graph and Twitter, with the image at the `card` size (768 px wide, made at upload) so
 * previews never fetch the original.
 */
export const shareMetadata = ({
  description,
  image,
  path,
  title,
  type = 'article',
}: {
  description?: null | string
  image?: Media | null | number
  path: string
  title: string
  type?: 'article' | 'book' | 'website'
}): Metadata => {
  const media = image && typeof image === 'object' ? image : undefined
  const card = media?.sizes?.card?.url ? media.sizes.card : undefined
  const images = card?.url
    ? [{ url: card.url, width: card.width ?? undefined, height: card.height ?? undefined, alt: media?.alt ?? undefined }]
    : undefined
  return {
    alternates: { canonical: path },
    openGraph: { title, description: description ?? undefined, url: path, type, locale: 'vi_VN', images },
    twitter: { card: images ? 'summary_large_image' : 'summary', title, description: description ?? undefined, images: images?.map((each) => each.url) },
  }
}
