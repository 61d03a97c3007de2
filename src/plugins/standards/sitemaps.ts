import type { Payload } from 'payload'

import { element } from './xml.js'

/** The sitemaps protocol allows 50,000 addresses in one file (https://www.sitemaps.org/protocol.html). */
const maxUrls = 50_000

type Section = {
  name: string
  collection?: 'announcements' | 'learning-materials' | 'library-items' | 'regulatory-documents'
  pathOf?: (doc: { id: number | string; slug?: null | string }) => string
}

/** One sitemap per section of the site, named as its pages are. */
export const sections: Section[] = [
  { name: 'trang' },
  { name: 'tin-tuc', collection: 'announcements', pathOf: (doc) => `/tin-tuc/${doc.slug ?? doc.id}` },
  { name: 'hoc-lieu', collection: 'learning-materials', pathOf: (doc) => `/hoc-lieu/${doc.slug ?? doc.id}` },
  { name: 'thu-vien', collection: 'library-items', pathOf: (doc) => `/thu-vien/${doc.id}` },
  { name: 'van-ban', collection: 'regulatory-documents', pathOf: (doc) => `/van-ban/${doc.id}` },
]

/** The pages that are not documents: the home page and each section's list. */
const fixedPages = ['/', '/gioi-thieu', '/tin-tuc', '/hoc-lieu', '/thu-vien', '/van-ban']

type Url = { loc: string; lastmod?: string }

/** What an anonymous reader may open in a section, newest change first (read with access applied, no user). */
const sectionUrls = async (payload: Payload, section: Section, siteUrl: string): Promise<Url[]> => {
  if (!section.collection || !section.pathOf) {
    const newest = await Promise.all(sections.filter((each) => each.collection).map((each) => lastChange(payload, each)))
    const lastmod = newest.filter((value): value is string => Boolean(value)).sort().at(-1)
    return fixedPages.map((page) => ({ loc: `${siteUrl}${page}`, lastmod }))
  }
  const { docs } = await payload.find({
    collection: section.collection,
    sort: '-updatedAt',
    limit: maxUrls,
    depth: 0,
    overrideAccess: false,
    select: { slug: true, updatedAt: true } as Record<string, true>,
  })
  return docs.map((doc) => ({ loc: `${siteUrl}${section.pathOf!(doc as { id: number | string; slug?: string })}`, lastmod: new Date(doc.updatedAt).toISOString() }))
}

const lastChange = async (payload: Payload, section: Section): Promise<string | undefined> => {
  if (!section.collection) return undefined
  const { docs } = await payload.find({ collection: section.collection, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: false, select: { updatedAt: true } })
  return docs[0] ? new Date(docs[0].updatedAt).toISOString() : undefined
}

const urlset = (urls: Url[]): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
  urls.map(({ lastmod, loc }) => `<url>${element('loc', loc)}${lastmod ? element('lastmod', lastmod) : ''}</url>`).join('') +
  '</urlset>\n'

/** `/sitemap.xml`: the index of the sections' sitemaps, each with the time of its newest change. */
export const sitemapIndex = async (payload: Payload, siteUrl: string): Promise<string> => {
  const entries = await Promise.all(
    sections.map(async (section) => {
      const lastmod = section.collection ? await lastChange(payload, section) : (await sectionUrls(payload, section, siteUrl))[0]?.lastmod
      return `<sitemap>${element('loc', `${siteUrl}/sitemaps/${section.name}.xml`)}${lastmod ? element('lastmod', lastmod) : ''}</sitemap>`
    }),
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`
}

/** `/sitemaps/<section>.xml`, or undefined for a section that does not exist. */
export const sectionSitemap = async (payload: Payload, name: string, siteUrl: string): Promise<string | undefined> => {
  const section = sections.find((each) => each.name === name)
  return section ? urlset(await sectionUrls(payload, section, siteUrl)) : undefined
}

/** `robots.txt`: the public site is open to crawlers; sign-in, the admin panel and the API are not pages. */
export const robotsTxt = (siteUrl: string): string =>
  [
    'User-agent: *',
    // Files and images the pages show stay reachable for image and document search.
    'Allow: /api/media/file/',
    'Disallow: /api/',
    'Disallow: /admin',
    'Disallow: /dang-nhap',
    'Disallow: /dang-xuat',
    'Disallow: /oai',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    '',
  ].join('\n')
