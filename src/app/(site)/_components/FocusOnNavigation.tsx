'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'

/**
 * After a navigation inside the site, focus goes to the new page's heading, as a full page load
 * would start a screen reader at the top; without it focus stayed on the link just followed, or
 * on <body>. A change of query alone (a search typed on /thu-vien) leaves focus where it is.
 */
export function FocusOnNavigation() {
  const pathname = usePathname()
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    const heading = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main')
    if (!heading) return
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
    heading.focus()
  }, [pathname])
  return null
}
