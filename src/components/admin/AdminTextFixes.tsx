'use client'

import { toast, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import { type ReactNode, useEffect, useRef } from 'react'

type Rewrite = [pattern: RegExp, vietnamese: (match: RegExpExecArray) => string]

/**
 * Words Payload writes in English whatever the admin's language, so its translations cannot
 * reach them: the bulk upload's toasts and screen-reader labels of the rich-text editor.
 */
const textRewrites: Rewrite[] = [
  [/^Successfully saved (\d+) files?$/, (match) => `Đã lưu ${match[1]} tệp.`],
  [/^Failed to save (\d+) files?$/, (match) => `Không lưu được ${match[1]} tệp.`],
]

const labelRewrites: Rewrite[] = [
  [/^Edit link$/, () => 'Sửa liên kết'],
  [/^Remove link$/, () => 'Bỏ liên kết'],
  [/^Drag to move$/, () => 'Kéo để di chuyển'],
  [/^Add block$/, () => 'Thêm khối'],
  [/^Insert Paragraph$/, () => 'Chèn đoạn văn'],
  [/^Add Row$/, () => 'Thêm hàng'],
  [/^Add Column$/, () => 'Thêm cột'],
]

const rewrite = (value: string, rewrites: Rewrite[]): string | undefined => {
  for (const [pattern, vietnamese] of rewrites) {
    const match = pattern.exec(value.trim())
    if (match) return vietnamese(match)
  }
  return undefined
}

const translateSubtree = (root: Node) => {
  if (root.nodeType === Node.TEXT_NODE) {
    const text = rewrite(root.textContent ?? '', textRewrites)
    if (text !== undefined) root.textContent = text
    return
  }
  if (!(root instanceof Element)) return
  for (const element of [root, ...root.querySelectorAll('[aria-label]')]) {
    const label = element.getAttribute('aria-label')
    const translated = label ? rewrite(label, labelRewrites) : undefined
    if (translated !== undefined) element.setAttribute('aria-label', translated)
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = rewrite(node.textContent ?? '', textRewrites)
    if (text !== undefined) node.textContent = text
  }
}

/**
 * Wraps the admin: puts Payload's hard-coded English into Vietnamese as it appears on screen in
 * the Vietnamese admin, and clears the toasts of failed sign-ins once a sign-in succeeds (Payload
 * moves to the dashboard without a reload, and "Email hoặc mật khẩu không đúng" stayed on it).
 */
export function AdminTextFixes({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const previousPath = useRef(pathname)

  useEffect(() => {
    if (previousPath.current.endsWith('/login') && !pathname.endsWith('/login')) toast.dismiss()
    previousPath.current = pathname
  }, [pathname])

  useEffect(() => {
    if (i18n.language !== 'vi') return
    translateSubtree(document.body)
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes' || mutation.type === 'characterData') translateSubtree(mutation.target)
        else mutation.addedNodes.forEach(translateSubtree)
      }
    })
    observer.observe(document.body, { attributeFilter: ['aria-label'], characterData: true, childList: true, subtree: true })
    return () => observer.disconnect()
  }, [i18n.language])

  return <>{children}</>
}
