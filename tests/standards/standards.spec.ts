/**
 * The open standards as their clients meet them, over real HTTP on the demo content: OAI-PMH 2.0
 * at /oai, every answer validated by xmllint against the official schemas and Debian's
 * libhttp-oai-perl harvesting the catalogue in full and then incrementally after publishing,
 * unpublishing, raising and deleting; and the RSS and Atom feeds.
 */
import type { Payload } from 'payload'

import { allFeeds, feedLength, feedPath } from '../../src/plugins/standards/feeds.js'
import { encodeToken } from '../../src/plugins/standards/oai/token.js'
import { sections } from '../../src/plugins/standards/sitemaps.js'
import {
  bookJsonLd,
  type JsonLd,
  learningResourceJsonLd,
  legislationJsonLd,
  newsArticleJsonLd,
  preschoolJsonLd,
} from '../../src/site/structuredData.js'
import jsonld from 'jsonld'
import type { Announcement, LearningMaterial, LibraryItem, RegulatoryDocument, SchoolProfile } from '../../src/payload-types.js'
import { seedDemo } from '../../src/seed/seedDemo.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { rest, tokenFor } from '../helpers/api.js'
import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { atomProblems, harvest, type Harvested, oai, schemaProblems, serveStandards, xpath } from './oaiHarness.js'

const pageSize = 7
const harvestedSlugs = ['library-items', 'learning-materials', 'regulatory-documents'] as const
type Slug = (typeof harvestedSlugs)[number]

let payload: Payload
let server: Awaited<ReturnType<typeof serveStandards>>
let host: string

const get = async (query: string): Promise<string> => {
  const response = await fetch(`${server.url}/oai?${query}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/)
  return response.text()
}

const errorCode = (xml: string): string | undefined => xpath(xml, `string(//${oai('error')}/@code)`)[0]

/** Every document an anonymous reader gets from the REST API, as OAI identifiers with titles. */
const anonymousCatalogue = async (): Promise<Map<string, string>> => {
  const catalogue = new Map<string, string>()
  for (const slug of harvestedSlugs) {
    for (let page = 1; ; page++) {
      const answer = (await (await rest(payload, `/${slug}?limit=100&depth=0&page=${page}`)).json()) as {
        docs: Array<{ id: number; title: string }>
        hasNextPage: boolean
      }
      for (const doc of answer.docs) catalogue.set(`oai:${host}:${slug}/${doc.id}`, doc.title)
      if (!answer.hasNextPage) break
    }
  }
  return catalogue
}

const liveTitles = (records: Harvested): Map<string, string> =>
  new Map([...records].filter(([, record]) => !record.deleted).map(([identifier, record]) => [identifier, record.dc.title?.[0] ?? '']))

const firstPublic = async (slug: Slug, skip = 0) => {
  const { docs } = await payload.find({ collection: slug, where: { and: [{ _status: { equals: 'published' } }, { accessLevel: { equals: 'public' } }] }, sort: 'id', limit: skip + 1, depth: 0 })
  return docs[skip]!
}

beforeAll(async () => {
  process.env.OAI_PAGE_SIZE = String(pageSize)
  payload = await bootPayload('oai')
  await seedDemo(payload)
  server = await serveStandards(payload)
  host = new URL(server.url).hostname
}, 480_000)

afterAll(async () => {
  await server?.close()
  if (payload) await shutdownPayload(payload)
  delete process.env.OAI_PAGE_SIZE
})

describe('every answer of the repository', () => {
  const requests: Array<[string, string, string | undefined]> = [
    ['Identify', 'verb=Identify', undefined],
    ['ListMetadataFormats', 'verb=ListMetadataFormats', undefined],
    ['ListSets', 'verb=ListSets', undefined],
    ['ListIdentifiers', 'verb=ListIdentifiers&metadataPrefix=oai_dc', undefined],
    ['ListRecords', 'verb=ListRecords&metadataPrefix=oai_dc', undefined],
    ['ListRecords of one set', 'verb=ListRecords&metadataPrefix=oai_dc&set=library-items:book', undefined],
    ['a missing verb', '', 'badVerb'],
    ['an unknown verb', 'verb=ListEverything', 'badVerb'],
    ['a repeated verb', 'verb=Identify&verb=ListSets', 'badVerb'],
    ['an illegal argument', 'verb=Identify&foo=1', 'badArgument'],
    ['a repeated argument', 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
    ['a missing metadataPrefix', 'verb=ListRecords', 'badArgument'],
    ['GetRecord without identifier', 'verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
    ['a resumption token with other arguments', 'verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x', 'badArgument'],
    ['a malformed from', 'verb=ListRecords&metadataPrefix=oai_dc&from=yesterday', 'badArgument'],
    ['a day that does not exist', 'verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-31', 'badArgument'],
    ['from and until of different granularity', 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2030-01-01T00:00:00Z', 'badArgument'],
    ['from after until', 'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01&until=2020-01-01', 'badArgument'],
    ['a malformed set', 'verb=ListRecords&metadataPrefix=oai_dc&set=th%C6%B0%20vi%E1%BB%87n', 'badArgument'],
    ['an unknown format', 'verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['GetRecord in an unknown format', 'verb=GetRecord&metadataPrefix=mods&identifier=oai:x:library-items/1', 'cannotDisseminateFormat'],
    ['an identifier of another repository', 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:example.org:library-items/1', 'idDoesNotExist'],
    ['ListMetadataFormats of an unknown identifier', 'verb=ListMetadataFormats&identifier=oai:x:nothing/1', 'idDoesNotExist'],
    ['a window with nothing in it', 'verb=ListRecords&metadataPrefix=oai_dc&until=2001-01-01', 'noRecordsMatch'],
    ['a set that does not exist', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=library-items:scroll', 'noRecordsMatch'],
    ['a forged resumption token', 'verb=ListRecords&resumptionToken=eyJ2ZXJiIjoiTGlzdFJlY29yZHMifQ.AAAA', 'badResumptionToken'],
    ['ListSets with a resumption token', 'verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
  ]

  it.each(requests)('is valid against the OAI-PMH and oai_dc schemas: %s', async (_name, query, code) => {
    const xml = await get(query)
    expect(schemaProblems(xml)).toBe('')
    expect(errorCode(xml)).toBe(code)
  })

  it('names the error of a bad verb or argument without echoing the arguments', async () => {
    const xml = await get('verb=Identify&foo=%3Cscript%3E')
    expect(xpath(xml, `count(//${oai('request')}/@*)`)).toEqual(['0'])
    expect(xpath(xml, `//${oai('error')}/text()`)[0]).toContain('foo')
  })

  it('answers a POST of form-encoded arguments like a GET', async () => {
    const response = await fetch(`${server.url}/oai`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'verb=Identify',
    })
    const xml = await response.text()
    expect(schemaProblems(xml)).toBe('')
    expect(xpath(xml, `//${oai('deletedRecord')}/text()`)).toEqual(['persistent'])
  })
})

describe('Identify', () => {
  it('declares persistent deletions, seconds granularity and the earliest datestamp it can give', async () => {
    const xml = await get('verb=Identify')
    expect(xpath(xml, `//${oai('granularity')}/text()`)).toEqual(['YYYY-MM-DDThh:mm:ssZ'])
    expect(xpath(xml, `//${oai('baseURL')}/text()`)).toEqual([`${server.url}/oai`])
    const earliest = xpath(xml, `//${oai('earliestDatestamp')}/text()`)[0]
    const first = await get(`verb=ListIdentifiers&metadataPrefix=oai_dc&until=${earliest}`)
    expect(xpath(first, `count(//${oai('header')})`)[0]).not.toBe('0')
  })
})

describe('lists in pages', () => {
  it('pages with resumption tokens that carry the complete list size, the cursor and an expiry', async () => {
    const first = await get('verb=ListIdentifiers&metadataPrefix=oai_dc')
    expect(xpath(first, `count(//${oai('header')})`)).toEqual([String(pageSize)])
    const size = Number(xpath(first, `string(//${oai('resumptionToken')}/@completeListSize)`)[0])
    expect(size).toBe((await anonymousCatalogue()).size)
    expect(xpath(first, `string(//${oai('resumptionToken')}/@cursor)`)).toEqual(['0'])
    const expiry = new Date(xpath(first, `string(//${oai('resumptionToken')}/@expirationDate)`)[0]).getTime()
    expect(expiry - Date.now()).toBeGreaterThan(50 * 60_000)

    const seen = new Set(xpath(first, `//${oai('header')}/${oai('identifier')}/text()`))
    let token = xpath(first, `//${oai('resumptionToken')}/text()`)[0]
    let pages = 1
    while (token) {
      const next = await get(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`)
      expect(schemaProblems(next)).toBe('')
      expect(xpath(next, `string(//${oai('resumptionToken')}/@cursor)`)).toEqual([String(pages * pageSize)])
      for (const identifier of xpath(next, `//${oai('header')}/${oai('identifier')}/text()`)) seen.add(identifier)
      token = xpath(next, `//${oai('resumptionToken')}/text()`)[0]
      pages++
    }
    expect(seen.size).toBe(size)
    expect(pages).toBe(Math.ceil(size / pageSize))
  })

  it('refuses an expired resumption token, saying it expired', async () => {
    const expired = encodeToken(
      { verb: 'ListRecords', metadataPrefix: 'oai_dc', before: new Date().toISOString(), cursor: pageSize, completeListSize: 20, after: { at: new Date(0).toISOString(), id: 1, source: 0 }, expires: Date.now() - 1000 },
      payload.secret,
    )
    const xml = await get(`verb=ListRecords&resumptionToken=${encodeURIComponent(expired)}`)
    expect(schemaProblems(xml)).toBe('')
    expect(errorCode(xml)).toBe('badResumptionToken')
    expect(xpath(xml, `//${oai('error')}/text()`)[0]).toMatch(/hết hạn/)
  })

  it('refuses a token of ListIdentifiers given to ListRecords', async () => {
    const first = await get('verb=ListIdentifiers&metadataPrefix=oai_dc')
    const token = xpath(first, `//${oai('resumptionToken')}/text()`)[0]
    expect(errorCode(await get(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`))).toBe('badResumptionToken')
  })
})

describe('sets', () => {
  it('lists one set per collection, item type and age group', async () => {
    const specs = xpath(await get('verb=ListSets'), `//${oai('setSpec')}/text()`)
    expect(specs).toEqual(expect.arrayContaining(['library-items', 'library-items:book', 'learning-materials:lesson-plan', 'regulatory-documents:KH', 'age', 'age:mau-giao-lon']))
  })

  it('gives only the records of a set, and its subsets within the parent set', async () => {
    const books = await harvest(server.url, { set: 'library-items:book' })
    expect(books.size).toBeGreaterThan(0)
    for (const record of books.values()) expect(record.sets).toContain('library-items:book')
    const library = await harvest(server.url, { set: 'library-items' })
    expect([...books.keys()].every((identifier) => library.has(identifier))).toBe(true)
    const nursery = await harvest(server.url, { set: 'age:nha-tre' })
    for (const record of nursery.values()) expect(record.sets).toEqual(expect.arrayContaining(['age', 'age:nha-tre']))
  })
})

describe('harvesting with Debian’s oai_pmh', () => {
  let full: Harvested
  let startedAt: string

  beforeAll(async () => {
    startedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    full = await harvest(server.url)
  }, 120_000)

  it('harvests exactly what the API shows anonymous readers', async () => {
    expect(liveTitles(full)).toEqual(await anonymousCatalogue())
  })

  it('describes each kind of document in Dublin Core', async () => {
    const book = await payload.find({ collection: 'library-items', where: { and: [{ isbn: { exists: true } }, { _status: { equals: 'published' } }, { accessLevel: { equals: 'public' } }] }, limit: 1, depth: 0 })
    const record = full.get(`oai:${host}:library-items/${book.docs[0]!.id}`)!
    expect(record.dc.identifier).toContain(`URN:ISBN:${book.docs[0]!.isbn}`)
    expect(record.dc.creator).toEqual(book.docs[0]!.creators)
    expect(record.dc.type).toEqual(expect.arrayContaining(['Text']))

    const document = (await payload.find({ collection: 'regulatory-documents', where: { and: [{ 'relatedDocuments.document': { exists: true } }, { accessLevel: { equals: 'public' } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0 })).docs[0]
    if (document) {
      const described = full.get(`oai:${host}:regulatory-documents/${document.id}`)!
      expect(described.dc.identifier).toContain(document.documentNumber)
      expect(described.dc.creator).toEqual([document.issuingBody])
      expect(described.dc.date).toEqual([document.issueDate.slice(0, 10)])
    }
  })

  it('then harvests incrementally what changed: new, edited, unpublished, raised and deleted records', async () => {
    const edited = await firstPublic('library-items')
    const unpublished = await firstPublic('library-items', 1)
    const raised = await firstPublic('learning-materials')
    const deleted = await firstPublic('regulatory-documents')
    await payload.update({ collection: 'library-items', id: edited.id, data: { title: `${edited.title} (tái bản)` } })
    await payload.update({ collection: 'library-items', id: unpublished.id, data: { _status: 'draft' } })
    await payload.update({ collection: 'learning-materials', id: raised.id, data: { accessLevel: 'parents' } })
    await payload.delete({ collection: 'regulatory-documents', id: deleted.id })
    const created = await payload.create({
      collection: 'library-items',
      data: { title: 'Bé học đếm số', itemType: 'book', creators: ['Nguyễn Văn A'], accessLevel: 'public', _status: 'published' },
    })

    const changes = await harvest(server.url, { from: startedAt })
    const merged: Harvested = new Map(full)
    for (const [identifier, record] of changes) merged.set(identifier, record)

    expect(liveTitles(merged)).toEqual(await anonymousCatalogue())
    for (const [slug, id] of [['library-items', unpublished.id], ['learning-materials', raised.id], ['regulatory-documents', deleted.id]] as const) {
      expect(changes.get(`oai:${host}:${slug}/${id}`)?.deleted).toBe(true)
    }
    expect(changes.get(`oai:${host}:library-items/${edited.id}`)?.dc.title).toEqual([`${edited.title} (tái bản)`])
    expect(changes.get(`oai:${host}:library-items/${created.id}`)?.deleted).toBe(false)
    expect(changes.size).toBeLessThan(full.size)
  }, 120_000)

  it('keeps deleted records, and brings a record back when it is published again', async () => {
    const deleted = (await payload.find({ collection: 'oai-deletions', where: { source: { equals: 'regulatory-documents' } }, limit: 1 })).docs[0]!
    const gone = await get(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:regulatory-documents/${deleted.docId}`)
    expect(schemaProblems(gone)).toBe('')
    expect(xpath(gone, `string(//${oai('header')}/@status)`)).toEqual(['deleted'])
    expect(xpath(gone, `count(//${oai('metadata')})`)).toEqual(['0'])

    const back = (await payload.find({ collection: 'oai-deletions', where: { source: { equals: 'library-items' } }, limit: 1 })).docs[0]!
    await payload.update({ collection: 'library-items', id: back.docId, data: { _status: 'published' } })
    const again = await get(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:library-items/${back.docId}`)
    expect(xpath(again, `count(//${oai('header')}/@status)`)).toEqual(['0'])
    expect(xpath(again, `count(//${oai('metadata')})`)).toEqual(['1'])
  })

  it('never shows a record that was never public', async () => {
    const parents = (await payload.find({ collection: 'library-items', where: { accessLevel: { equals: 'parents' } }, limit: 1, depth: 0 })).docs[0]!
    const xml = await get(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:library-items/${parents.id}`)
    expect(errorCode(xml)).toBe('idDoesNotExist')
  })
})

describe('feeds', () => {
  const feeds = allFeeds().flatMap(({ name, title }) => (['rss', 'atom'] as const).map((format) => [feedPath(name, format), title, name, format] as const))

  /** What the API lists an anonymous reader for the feed, newest first. */
  const apiTitles = async (name: (typeof feeds)[number][2]): Promise<string[]> => {
    const query =
      name.kind === 'materials'
        ? `/learning-materials?sort=-updatedAt&limit=${feedLength}&depth=0`
        : `/announcements?sort=-publishedAt&limit=${feedLength}&depth=0${name.category ? `&where[category][equals]=${name.category}` : ''}`
    const { docs } = (await (await rest(payload, query)).json()) as { docs: Array<{ title: string }> }
    return docs.map((doc) => doc.title)
  }

  it.each(feeds)('%s is well-formed (Atom: valid against RFC 4287’s RELAX NG schema) and lists what the API shows anyone, newest first', async (path, _title, name, format) => {
    const response = await fetch(`${server.url}${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(format === 'rss' ? /^application\/rss\+xml/ : /^application\/atom\+xml/)
    const xml = await response.text()
    expect(xpath(xml, 'count(/*)')).toEqual(['1'])
    const entry = format === 'rss' ? '/rss/channel/item' : `/${oai('feed')}/${oai('entry')}`
    const titles = xpath(xml, `${entry}/${format === 'rss' ? 'title' : oai('title')}/text()`)
    expect(titles).toEqual(await apiTitles(name))
    if (format === 'atom') {
      expect(atomProblems(xml)).toBe('')
      // RFC 4287 section 4.1.2: every entry has an id, a title and an updated date.
      for (const required of ['id', 'title', 'updated']) expect(xpath(xml, `count(${entry}/${oai(required)})`)).toEqual([String(titles.length)])
      expect(xpath(xml, `count(/${oai('feed')}/${oai('link')}[@rel='self'])`)).toEqual(['1'])
    } else {
      expect(xpath(xml, 'count(/rss/channel/item[not(guid) or not(pubDate) or not(link)])')).toEqual(['0'])
    }
  })

  it('carries the public attachments as enclosures, with their size and type', async () => {
    const { docs } = await payload.find({ collection: 'announcements', sort: '-publishedAt', limit: feedLength, depth: 1, overrideAccess: false })
    const file = docs.flatMap((doc) => doc.attachments ?? []).find((each) => typeof each === 'object') as { filesize: number; mimeType: string; url: string }
    const atom = await (await fetch(`${server.url}/feeds/tin-tuc.atom`)).text()
    const link = `${server.url}${file.url}`
    expect(xpath(atom, `string(//${oai('link')}[@rel='enclosure'][@href='${link}']/@length)`)).toEqual([String(file.filesize)])
    const rss = await (await fetch(`${server.url}/feeds/tin-tuc.rss`)).text()
    expect(xpath(rss, `string(//enclosure[@url='${link}']/@type)`)).toEqual([file.mimeType])
  })

  it('answers 404 for a feed that does not exist', async () => {
    expect((await fetch(`${server.url}/feeds/tin-tuc/khong-co.rss`)).status).toBe(404)
  })
})

describe('sitemaps and robots.txt', () => {
  const loc = (name: string) => `/*[local-name()='${name}']`

  it('indexes one sitemap per section, each dated by its newest change', async () => {
    const index = await (await fetch(`${server.url}/sitemap.xml`)).text()
    const listed = xpath(index, `/${loc('sitemapindex')}${loc('sitemap')}${loc('loc')}/text()`)
    expect(listed).toEqual(sections.map((section) => `${server.url}/sitemaps/${section.name}.xml`))
    for (const section of sections) {
      const sitemap = await (await fetch(`${server.url}/sitemaps/${section.name}.xml`)).text()
      const dates = xpath(sitemap, `/${loc('urlset')}${loc('url')}${loc('lastmod')}/text()`).sort()
      const indexed = xpath(index, `/${loc('sitemapindex')}${loc('sitemap')}[${loc('loc').slice(1)}='${server.url}/sitemaps/${section.name}.xml']${loc('lastmod')}/text()`)
      expect(indexed).toEqual([dates.at(-1)])
    }
  })

  it.each(sections.filter((section) => section.collection).map((section) => [section.name, section] as const))(
    'lists in the %s sitemap every page the API shows anyone, and nothing else',
    async (name, section) => {
      const sitemap = await (await fetch(`${server.url}/sitemaps/${name}.xml`)).text()
      const urls = xpath(sitemap, `/${loc('urlset')}${loc('url')}${loc('loc')}/text()`).sort()
      const { docs } = (await (await rest(payload, `/${section.collection}?limit=100&depth=0`)).json()) as { docs: Array<{ id: number; slug?: string }> }
      expect(urls).toEqual(docs.map((doc) => `${server.url}${section.pathOf!(doc)}`).sort())
    },
  )

  it('tells crawlers where the sitemap is and keeps them out of the admin panel and the API', async () => {
    const robots = await (await fetch(`${server.url}/robots.txt`)).text()
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`)
    expect(robots.split('\n')).toEqual(expect.arrayContaining(['Disallow: /admin', 'Disallow: /api/']))
  })
})

describe('structured data (JSON-LD) of the detail pages', () => {
  const site = 'https://truong.example.vn'
  const schema = (name: string) => `https://schema.org/${name}`

  /** Expanded by the `jsonld` processor, which may not fetch anything: the context is inline. */
  const expand = async (data: JsonLd) => {
    const [node] = await jsonld.expand(data as jsonld.JsonLdDocument, {
      documentLoader: async (url: string) => {
        throw new Error(`no network in a JSON-LD block: ${url}`)
      },
    })
    return node as Record<string, Array<{ '@value'?: unknown; '@id'?: string }>>
  }
  const values = (node: Record<string, Array<{ '@value'?: unknown }>>, name: string) => (node[schema(name)] ?? []).map((each) => each['@value'])

  /** Read as the site reads it: the REST API, anonymously, relations populated. */
  const read = async <T>(path: string): Promise<T> => (await (await rest(payload, path)).json()) as T

  it('describes a learning material as a LearningResource with its level, ages, type and language', async () => {
    const { docs } = await read<{ docs: LearningMaterial[] }>('/learning-materials?limit=20&depth=1&where[ageGroups][exists]=true')
    const material = docs.find((doc) => doc.ageGroups?.length)!
    const node = await expand(learningResourceJsonLd(material, site))
    expect(node['@type']).toEqual([schema('LearningResource')])
    expect(values(node, 'educationalLevel').length).toBe(material.ageGroups!.length)
    expect(values(node, 'typicalAgeRange')[0]).toMatch(/^\d-\d$/)
    expect(values(node, 'learningResourceType')).toHaveLength(1)
    expect(values(node, 'inLanguage')).toEqual(['vi'])
    expect(values(node, 'name')).toEqual([material.title])
  })

  it('describes a library item as a Book with its ISBN and authors', async () => {
    const { docs } = await read<{ docs: LibraryItem[] }>('/library-items?limit=50&depth=1')
    const book = docs.find((doc) => doc.isbn)!
    const node = await expand(bookJsonLd(book, site))
    expect(node['@type']).toEqual([schema('Book')])
    expect(values(node, 'isbn')).toEqual([book.isbn])
    expect(node[schema('author')]).toHaveLength(book.creators?.length ?? 0)
  })

  it('describes an official document as Legislation, with the documents it relates to', async () => {
    const { docs } = await read<{ docs: RegulatoryDocument[] }>('/regulatory-documents?limit=50&depth=1')
    const related = docs.find((doc) => doc.relatedDocuments?.some((each) => typeof each.document === 'object'))!
    const node = await expand(legislationJsonLd(related, site))
    expect(node['@type']).toEqual([schema('Legislation')])
    expect(values(node, 'legislationIdentifier')).toEqual([related.documentNumber])
    expect(values(node, 'legislationDate')).toEqual([related.issueDate.slice(0, 10)])
    expect(values(node, 'legislationType')).toHaveLength(1)
    expect(node[schema('legislationPassedBy')]).toHaveLength(1)
    const linked = ['legislationTransposes', 'isBasedOn', 'legislationChanges'].flatMap((name) => node[schema(name)] ?? [])
    expect(linked.map((each) => each['@id'])).toEqual(
      expect.arrayContaining(related.relatedDocuments!.filter((each) => typeof each.document === 'object').map((each) => `${site}/van-ban/${(each.document as RegulatoryDocument).id}`)),
    )
    const replaced = docs.find((doc) => doc.replacedBy?.some((each) => typeof each === 'object'))
    if (replaced) {
      const reverse = (await expand(legislationJsonLd(replaced, site)))['@reverse'] as unknown as Record<string, unknown[]>
      expect(reverse[schema('legislationChanges')]).toHaveLength(replaced.replacedBy!.filter((each) => typeof each === 'object').length)
    }
  })

  it('describes an announcement as a NewsArticle and the school as a Preschool', async () => {
    const { docs } = await read<{ docs: Announcement[] }>('/announcements?limit=1&depth=1')
    const news = await expand(newsArticleJsonLd(docs[0]!, site, 'Trường Mầm non Phục Lễ'))
    expect(values(news, 'headline')).toEqual([docs[0]!.title])
    const profile = await read<SchoolProfile>('/globals/school-profile?depth=0')
    const school = await expand(preschoolJsonLd(profile, site))
    expect(school['@type']).toEqual([schema('Preschool')])
    expect(values(school, 'name')).toEqual([profile.name])
  })
})

describe('stable links', () => {
  const visit = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', headers })

  it('answers an address with a former slug with 301 to the current one, keeping the query', async () => {
    const material = (await firstPublic('learning-materials', 2)) as { id: number; slug: string }
    const renamed = await payload.update({ collection: 'learning-materials', id: material.id, data: { slug: `${material.slug}-ban-moi` } })
    const response = await visit(`/hoc-lieu/${material.slug}?utm_source=qr`)
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`/hoc-lieu/${renamed.slug}?utm_source=qr`)
    // The current address goes on to the site (here, with no site behind, express's 404).
    expect((await visit(`/hoc-lieu/${renamed.slug}`)).status).toBe(404)
  })

  it('leads a short link to the page of the document', async () => {
    const material = (await firstPublic('learning-materials')) as { id: number; slug: string }
    const book = await firstPublic('library-items', 3)
    expect((await visit(`/p/learning-materials/${material.id}`)).headers.get('location')).toBe(`/hoc-lieu/${material.slug}`)
    expect((await visit(`/p/library-items/${book.id}`)).headers.get('location')).toBe(`/thu-vien/${book.id}`)
    expect((await visit('/p/users/1')).status).toBe(404)
  })

  it('never tells a visitor the address of a document they may not open', async () => {
    const { docs } = await payload.find({ collection: 'learning-materials', where: { and: [{ accessLevel: { equals: 'parents' } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0 })
    const forParents = docs[0]!
    expect((await visit(`/p/learning-materials/${forParents.id}`)).status).toBe(404)
    const parent = demoAccounts.find((account) => account.key === 'parent')!
    const token = await tokenFor(payload, parent.email, demoPassword())
    const signedIn = await visit(`/p/learning-materials/${forParents.id}`, { Authorization: `JWT ${token}` })
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.get('location')).toBe(`/hoc-lieu/${forParents.slug}`)
  })
})
