import type { ParameterObject } from '../oas.js'
import type { DocumentContext, Fragment } from './common.js'

import { allFeeds, feedLength, feedPath } from '../../standards/feeds.js'
import { sections } from '../../standards/sitemaps.js'
import { allSets } from '../../standards/oai/sources.js'

const xml = { 'text/xml': { schema: { type: 'string' as const, description: 'OAI-PMH 2.0 XML (http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd)' } } }

const parameters: ParameterObject[] = [
  {
    name: 'verb',
    in: 'query',
    required: true,
    schema: { type: 'string', enum: ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] },
  },
  { name: 'metadataPrefix', in: 'query', description: 'Chỉ có `oai_dc` · Only `oai_dc` (Dublin Core)', schema: { type: 'string', enum: ['oai_dc'] } },
  { name: 'identifier', in: 'query', description: '`oai:<host>:<collection>/<id>`', schema: { type: 'string' } },
  { name: 'from', in: 'query', description: 'YYYY-MM-DD hoặc · or YYYY-MM-DDThh:mm:ssZ (UTC, inclusive)', schema: { type: 'string' } },
  { name: 'until', in: 'query', description: 'YYYY-MM-DD hoặc · or YYYY-MM-DDThh:mm:ssZ (UTC, inclusive), the same granularity as `from`', schema: { type: 'string' } },
  { name: 'set', in: 'query', description: 'Tập hợp · Set', schema: { type: 'string', enum: allSets().map((set) => set.spec) } },
  { name: 'resumptionToken', in: 'query', description: 'Mã tiếp tục, hết hạn sau một giờ · Resumption token, valid for an hour; excludes every other argument', schema: { type: 'string' } },
]

/** `/oai`, the feeds, the sitemaps and the short links the server mounts beside the API. */
export const standardsPaths = (context: DocumentContext): Fragment => {
  if (!context.config.custom?.standards) return {}
  const operation = (operationId: string) => ({
    operationId,
    tags: ['standards'],
    summary: 'OAI-PMH 2.0',
    description:
      'Thu thập siêu dữ liệu (Dublin Core) của tài liệu thư viện, học liệu và văn bản công khai · Harvests the Dublin Core records of public library items, ' +
      'learning materials and official documents. Protocol errors answer 200 with an `<error code>` element, as OAI-PMH requires.',
    responses: { 200: { description: 'Câu trả lời OAI-PMH · An OAI-PMH answer', content: xml } },
  })
  return {
    paths: {
      '/oai': {
        get: { ...operation('oaiGet'), parameters },
        post: {
          ...operation('oaiPost'),
          requestBody: {
            required: true,
            content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: Object.fromEntries(parameters.map((each) => [each.name, each.schema!])) } } },
          },
        },
      },
      ...Object.fromEntries(
        allFeeds().flatMap(({ name, title }) =>
          (['rss', 'atom'] as const).map((format) => [
            feedPath(name, format),
            {
              get: {
                operationId: `feed${format === 'rss' ? 'Rss' : 'Atom'}${feedPath(name, format).replace(/[^a-z]/gi, '')}`,
                tags: ['standards'],
                summary: `${title} (${format === 'rss' ? 'RSS 2.0' : 'Atom'})`,
                description: `${feedLength} mục mới nhất, tệp đính kèm công khai là enclosure · The ${feedLength} latest entries anyone may read, public attachments as enclosures`,
                responses: { 200: { description: 'Feed', content: { [format === 'rss' ? 'application/rss+xml' : 'application/atom+xml']: { schema: { type: 'string' as const } } } } },
              },
            },
          ]),
        ),
      ),
      '/sitemap.xml': {
        get: {
          operationId: 'sitemapIndex',
          tags: ['standards'],
          summary: 'Sitemap index',
          description: 'Một sitemap cho mỗi mục, kèm lastmod · One sitemap per section, each with the date of its newest change',
          responses: { 200: { description: 'sitemapindex', content: { 'application/xml': { schema: { type: 'string' } } } } },
        },
      },
      '/sitemaps/{section}.xml': {
        get: {
          operationId: 'sectionSitemap',
          tags: ['standards'],
          summary: 'Sitemap of a section',
          parameters: [{ name: 'section', in: 'path', required: true, schema: { type: 'string', enum: sections.map((section) => section.name) } }],
          responses: { 200: { description: 'urlset', content: { 'application/xml': { schema: { type: 'string' } } } }, 404: { description: 'Không có mục này · No such section' } },
        },
      },
      '/p/{collection}/{id}': {
        get: {
          operationId: 'shortLink',
          tags: ['standards'],
          summary: 'Đường dẫn ngắn · Short link',
          description: 'Cho bản in và mã QR; chuyển tới trang của tài liệu nếu người xem được đọc · For print and QR codes: 302 to the page of the document when the visitor may read it, else 404',
          parameters: [
            { name: 'collection', in: 'path', required: true, schema: { type: 'string', enum: ['learning-materials', 'library-items', 'announcements', 'regulatory-documents'] } },
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { 302: { description: 'Trang của tài liệu · The page of the document' }, 404: { description: 'Không có hoặc không được đọc · None, or not readable' } },
        },
      },
    },
    tags: [{ name: 'standards', description: 'Tiêu chuẩn mở · Open standards' }],
  }
}
