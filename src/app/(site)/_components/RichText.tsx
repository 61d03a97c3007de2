import { type JSXConvertersFunction, LinkJSXConverter, RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import type { Media } from '@/payload-types.js'

import { Picture } from './Picture.js'

type EditorState = { root: { children: unknown[] } }
type Node = { children?: Node[]; tag?: string; type?: string }
type Heading = 'h2' | 'h3' | 'h4' | 'h5' | 'h6'

const sitePaths: Record<string, (doc: { id?: number | string; slug?: null | string }) => string> = {
  announcements: (doc) => `/tin-tuc/${doc.slug ?? doc.id}`,
  'learning-materials': (doc) => `/hoc-lieu/${doc.slug ?? doc.id}`,
  'library-items': (doc) => `/thu-vien/${doc.id}`,
  'regulatory-documents': (doc) => `/van-ban/${doc.id}`,
}

/** Links editors type may go to the web, a mail or phone app, or this site; nothing that runs script. */
const safeHref = (href: string | undefined): string =>
  href && /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(href.trim()) ? href.trim() : '#'

const smallestHeading = (nodes: Node[] | undefined): number =>
  Math.min(
    7,
    ...(nodes ?? []).map((node) =>
      Math.min(node.type === 'heading' && node.tag ? Number(node.tag.slice(1)) : 7, smallestHeading(node.children)),
    ),
  )

/**
 * Rich text from the API. Headings are renumbered to sit under the page's own heading at
 * `startAt`, whatever level the editor picked, so the outline of the page stays in order.
 */
export function RichText({ data, startAt = 2 }: { data: EditorState | null | undefined; startAt?: number }): ReactNode {
  if (!data?.root) return null
  const shift = startAt - smallestHeading(data.root.children as Node[])
  const converters: JSXConvertersFunction = ({ defaultConverters }) => {
    const links = LinkJSXConverter({
      internalDocToHref: ({ linkNode }) => {
        const target = linkNode.fields.doc
        const value = target?.value
        const toPath = target ? sitePaths[target.relationTo] : undefined
        if (!toPath || value === undefined) return '#'
        return toPath(typeof value === 'object' ? (value as { id?: number; slug?: string }) : { id: value })
      },
    })
    return {
      ...defaultConverters,
      autolink: (args) => <a href={safeHref(args.node.fields.url)}>{args.nodesToJSX({ nodes: args.node.children })}</a>,
      link: (args) => {
        const rendered = links.link
        if (args.node.fields.linkType === 'internal' && typeof rendered === 'function') return rendered(args)
        const external = args.node.fields.newTab ? { rel: 'noopener noreferrer', target: '_blank' } : {}
        return (
          <a href={safeHref(args.node.fields.url)} {...external}>
            {args.nodesToJSX({ nodes: args.node.children })}
          </a>
        )
      },
      heading: ({ node, nodesToJSX }) => {
        const level = Math.max(startAt, Math.min(6, Number(node.tag.slice(1)) + shift))
        const Tag = `h${level}` as Heading
        return <Tag>{nodesToJSX({ nodes: node.children })}</Tag>
      },
      upload: ({ node }) => {
        const media = node.value as Media | number
        if (typeof media !== 'object') return null
        if (media.mimeType?.startsWith('image/')) return <Picture media={media} size="card" />
        return media.url ? <a href={media.url}>{media.filename ?? 'Tệp đính kèm'}</a> : null
      },
    }
  }
  return <LexicalRichText className="prose" data={data as never} converters={converters} />
}
