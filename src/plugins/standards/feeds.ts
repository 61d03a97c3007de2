import type { Payload } from 'payload'

import { announcementCategoryOptions, materialTypeOptions } from '../../fields/options.js'
import { attributes, element } from './xml.js'

/** Entries in one feed: readers poll it, so it holds the latest only, as most sites do. */
export const feedLength = 20

export type FeedFormat = 'atom' | 'rss'

/** The feeds the site offers, by path under `/feeds/` without the extension. */
export type FeedName = { kind: 'announcements'; category?: string } | { kind: 'materials' }

export const feedPath = (name: FeedName, format: FeedFormat): string =>
  `/feeds/${name.kind === 'materials' ? 'hoc-lieu' : name.category ? `tin-tuc/${name.category}` : 'tin-tuc'}.${format}`

/** Every feed, with the title a reader's feed list shows. */
export const allFeeds = (): Array<{ name: FeedName; title: string }> => [
  { name: { kind: 'announcements' }, title: 'Tin tức' },
  ...announcementCategoryOptions.map((option) => ({ name: { kind: 'announcements' as const, category: option.value }, title: `Tin tức: ${option.label.vi}` })),
  { name: { kind: 'materials' }, title: 'Học liệu số mới' },
]

/** The feed a path names, or undefined. */
export const parseFeedPath = (path: string): { name: FeedName; format: FeedFormat } | undefined => {
  const match = path.match(/^\/feeds\/(tin-tuc|hoc-lieu)(?:\/([a-z-]+))?\.(rss|atom)$/)
  if (!match) return undefined
  const [, section, category, format] = match
  if (section === 'hoc-lieu') return category ? undefined : { name: { kind: 'materials' }, format: format as FeedFormat }
  if (category && !announcementCategoryOptions.some((option) => option.value === category)) return undefined
  return { name: { kind: 'announcements', category }, format: format as FeedFormat }
}

type Enclosure = { url: string; length: number; type: string }

type Entry = {
  id: string
  title: string
  link: string
  summary?: string
  category?: string
  published: string
  updated: string
  enclosures: Enclosure[]
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

const absolute = (siteUrl: string, url: string): string => (url.startsWith('/') ? `${siteUrl}${url}` : url)

/** Attachments the public may open: unreadable ones stay bare ids after population and are left out. */
const enclosuresOf = (siteUrl: string, files: unknown): Enclosure[] =>
  (Array.isArray(files) ? files : []).flatMap((file: unknown) => {
    const { filesize, mimeType, url } = (file ?? {}) as { filesize?: unknown; mimeType?: unknown; url?: unknown }
    return typeof url === 'string' && typeof mimeType === 'string' && typeof filesize === 'number'
      ? [{ url: absolute(siteUrl, url), length: filesize, type: mimeType }]
      : []
  })

const labelOf = (options: Array<{ label: { vi: string }; value: string }>, value: unknown) =>
  options.find((option) => option.value === value)?.label.vi

/**
 * The latest entries of a feed, read as an anonymous reader (no user, access applied): a feed is
 * public, and says what the site says to anyone.
 */
export const feedEntries = async (payload: Payload, name: FeedName, siteUrl: string): Promise<Entry[]> => {
  if (name.kind === 'announcements') {
    const { docs } = await payload.find({
      collection: 'announcements',
      where: name.category ? { category: { equals: name.category } } : {},
      sort: '-publishedAt',
      limit: feedLength,
      depth: 1,
      overrideAccess: false,
    })
    return docs.map((doc) => {
      const link = `${siteUrl}/tin-tuc/${doc.slug ?? doc.id}`
      return {
        id: link,
        title: doc.title,
        link,
        summary: text(doc.excerpt),
        category: labelOf(announcementCategoryOptions, doc.category),
        published: new Date(doc.publishedAt ?? doc.createdAt).toISOString(),
        updated: new Date(doc.updatedAt).toISOString(),
        enclosures: enclosuresOf(siteUrl, doc.attachments),
      }
    })
  }
  const { docs } = await payload.find({ collection: 'learning-materials', sort: '-updatedAt', limit: feedLength, depth: 1, overrideAccess: false })
  return docs.map((doc) => {
    const link = `${siteUrl}/hoc-lieu/${text(doc.slug) ?? doc.id}`
    return {
      id: link,
      title: doc.title,
      link,
      summary: text(doc.summary),
      category: labelOf(materialTypeOptions, doc.materialType),
      published: new Date(doc.createdAt).toISOString(),
      updated: new Date(doc.updatedAt).toISOString(),
      enclosures: enclosuresOf(siteUrl, doc.files),
    }
  })
}

/** RSS 2.0 (https://www.rssboard.org/rss-specification); one enclosure per item, as its advisory board recommends. */
export const rssXml = (feed: { title: string; link: string; self: string; description: string }, entries: Entry[]): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>' +
  element('title', feed.title) +
  element('link', feed.link) +
  element('description', feed.description) +
  '<language>vi</language>' +
  `<atom:link${attributes({ href: feed.self, rel: 'self', type: 'application/rss+xml' })}/>` +
  (entries[0] ? element('lastBuildDate', new Date(entries[0].updated).toUTCString()) : '') +
  entries
    .map(
      (entry) =>
        '<item>' +
        element('title', entry.title) +
        element('link', entry.link) +
        element('guid', entry.id, { isPermaLink: 'true' }) +
        element('pubDate', new Date(entry.published).toUTCString()) +
        element('description', entry.summary) +
        element('category', entry.category) +
        (entry.enclosures[0] ? `<enclosure${attributes({ url: entry.enclosures[0].url, length: entry.enclosures[0].length, type: entry.enclosures[0].type })}/>` : '') +
        '</item>',
    )
    .join('') +
  '</channel></rss>\n'

/** Atom (RFC 4287), every attachment a `rel="enclosure"` link. */
export const atomXml = (feed: { title: string; link: string; self: string; author: string }, entries: Entry[]): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">' +
  element('id', feed.self) +
  element('title', feed.title) +
  element('updated', entries[0]?.updated ?? new Date(0).toISOString()) +
  `<link${attributes({ href: feed.link, rel: 'alternate', type: 'text/html' })}/>` +
  `<link${attributes({ href: feed.self, rel: 'self', type: 'application/atom+xml' })}/>` +
  `<author>${element('name', feed.author)}</author>` +
  entries
    .map(
      (entry) =>
        '<entry>' +
        element('id', entry.id) +
        element('title', entry.title) +
        element('published', entry.published) +
        element('updated', entry.updated) +
        `<link${attributes({ href: entry.link, rel: 'alternate', type: 'text/html' })}/>` +
        entry.enclosures.map((file) => `<link${attributes({ href: file.url, rel: 'enclosure', type: file.type, length: file.length })}/>`).join('') +
        (entry.category ? `<category${attributes({ term: entry.category })}/>` : '') +
        element('summary', entry.summary) +
        '</entry>',
    )
    .join('') +
  '</feed>\n'

/** The whole feed a path names, in its format; undefined for a path that names none. */
export const answerFeed = async (payload: Payload, path: string, siteUrl: string, schoolName: string): Promise<{ xml: string; type: string } | undefined> => {
  const parsed = parseFeedPath(path)
  if (!parsed) return undefined
  const { format, name } = parsed
  const title = `${allFeeds().find((feed) => feedPath(feed.name, format) === feedPath(name, format))!.title} · ${schoolName}`
  const link = `${siteUrl}${name.kind === 'materials' ? '/hoc-lieu' : '/tin-tuc'}`
  const self = `${siteUrl}${feedPath(name, format)}`
  const entries = await feedEntries(payload, name, siteUrl)
  return format === 'rss'
    ? { xml: rssXml({ title, link, self, description: title }, entries), type: 'application/rss+xml; charset=utf-8' }
    : { xml: atomXml({ title, link, self, author: schoolName }, entries), type: 'application/atom+xml; charset=utf-8' }
}
