import type { ParameterObject } from '../oas.js'
import type { DocumentContext, Fragment } from './common.js'

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

/** `/oai`, the OAI-PMH 2.0 repository the server mounts beside the API. */
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
    },
    tags: [{ name: 'standards', description: 'Tiêu chuẩn mở · Open standards' }],
  }
}
