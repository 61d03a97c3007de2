'use client'

import NextLink from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

/**
 * The site's links: a page is fetched ahead only when the visitor points at, touches or tabs to
 * its link. Next's default fetched every link in view — 12 to 26 requests per page, most cut off
 * by the next navigation — which a phone on mobile data pays for.
 */
export default function Link({ href, onFocus, onMouseEnter, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter()
  const prefetch = () => {
    if (typeof href === 'string') router.prefetch(href)
  }
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onFocus={(event) => {
        prefetch()
        onFocus?.(event)
      }}
      onMouseEnter={(event) => {
        prefetch()
        onMouseEnter?.(event)
      }}
      onTouchStart={(event) => {
        prefetch()
        onTouchStart?.(event)
      }}
    />
  )
}
