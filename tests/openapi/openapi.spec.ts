import type { Payload, SanitizedConfig } from 'payload'

import { Validator } from '@seriousme/openapi-schema-validator'
import sharp from 'sharp'

import type {
  OpenAPIDocument,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '../../src/plugins/openapi/oas.js'
import type { PublishedAPI } from '../../src/plugins/openapi/publish.js'

import { accessLevelOptions, materialTypeOptions } from '../../src/fields/options.js'
import { writePdf } from '../../src/seed/demo/pdf.js'
import { resolveOptions } from '../../src/plugins/openapi/defaults.js'
import { buildDocument } from '../../src/plugins/openapi/document.js'
import { searchQueryLimits } from '../../src/plugins/openapi/paths/search.js'
import { searchCollections } from '../../src/search/collections.js'
import { searchFacetValues } from '../../src/search/facetValues.js'
import { rest, tokenFor } from '../helpers/api.js'
import { runSearchQueue } from '../search/support.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { departures } from './conforms.js'

const contentCollections = ['learning-materials', 'library-items', 'announcements', 'regulatory-documents', 'media']
const admin = { email: 'hieutruong@openapi.test', password: 'mat-khau-dai-123', name: 'Hiệu trưởng', roles: ['admin' as const] }

let payload: Payload
let spec: OpenAPIDocument
let adminToken: string

/** A parameter, schema or response, with a `$ref` to a component followed. */
const resolved = <T>(item: ReferenceObject | T): T => {
  if (!item || typeof item !== 'object' || !('$ref' in item)) return item as T
  const [, , kind, name] = item.$ref.split('/')
  return (spec.components as unknown as Record<string, Record<string, T>>)[kind][name]
}

const operation = (path: string, method: 'get' | 'post' = 'get'): OperationObject => {
  const found = spec.paths[path]?.[method]
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not described`)
  return found
}

const parametersOf = (path: string, method: 'get' | 'post' = 'get'): Record<string, ParameterObject> =>
  Object.fromEntries(
    [...(spec.paths[path].parameters ?? []), ...(operation(path, method).parameters ?? [])]
      .map((each) => resolved<ParameterObject>(each))
      .map((parameter) => [parameter.name, parameter]),
  )

/** The JSON body a route is described to answer with a status. */
const answerSchema = (path: string, status: number, method: 'get' | 'post' = 'get'): SchemaObject => {
  const response = operation(path, method).responses[status]
  if (!response) throw new Error(`${method.toUpperCase()} ${path} does not describe ${status}`)
  const schema = resolved<ResponseObject>(response).content?.['application/json']?.schema
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${status} has no JSON body`)
  return schema
}

const schemaNamed = (name: string): SchemaObject & { properties: Record<string, SchemaObject> } => {
  const schema = spec.components.schemas[name]
  if (!schema?.properties) throw new Error(`no object schema ${name}`)
  return schema as SchemaObject & { properties: Record<string, SchemaObject> }
}

/** Asks the live API and checks the answer against what the description says of that status. */
const expectConforming = async (path: string, apiPath: string, { method = 'get', token, body }: { body?: Record<string, unknown>; method?: 'get' | 'post'; token?: string } = {}) => {
  const response = await rest(payload, apiPath, { body, method: method === 'get' ? 'GET' : 'POST', token })
  const answer = await response.json()
  expect({ [`${method} ${apiPath}`]: departures(spec, answerSchema(path, response.status, method), answer) }).toEqual({ [`${method} ${apiPath}`]: [] })
  return { answer, status: response.status }
}

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }], direction: 'ltr', format: '', indent: 0, version: 1 }],
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
  },
})

beforeAll(async () => {
  payload = await bootPayload('openapi')
  spec = (await (await rest(payload, '/openapi.json')).json()) as OpenAPIDocument

  // A little published content of every kind, so real answers can be held against the description.
  const user = await payload.create({ collection: 'users', data: admin })
  adminToken = await tokenFor(payload, admin.email, admin.password)
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3060c0' } }).png().toBuffer()
  const cover = await payload.create({
    collection: 'media',
    data: { alt: 'Bé tập đếm', accessLevel: 'public' },
    file: { data: photo, mimetype: 'image/png', name: 'be-tap-dem.png', size: photo.length },
  })
  await payload.create({
    collection: 'learning-materials',
    data: {
      title: 'Bé tập đếm',
      summary: 'Đếm đến 5',
      body: paragraph('Đếm ngón tay'),
      materialType: 'lesson-plan',
      ageGroups: ['mau-giao-be'],
      domains: ['nhan-thuc'],
      cover: cover.id,
      files: [cover.id],
      tags: ['toán'],
      accessLevel: 'public',
      author: user.id,
      reviewNote: 'Ghi chú nội bộ',
      _status: 'published',
    },
  })
  await payload.create({
    collection: 'library-items',
    data: { title: 'Dế mèn phiêu lưu ký', creators: ['Tô Hoài'], year: 1941, itemType: 'book', ageGroups: ['mau-giao-lon'], accessLevel: 'public', _status: 'published' },
  })
  await payload.create({
    collection: 'announcements',
    data: { title: 'Thực đơn tuần 1', body: paragraph('Cơm, canh'), category: 'menu', cover: cover.id, accessLevel: 'public', _status: 'published' },
  })
  const planPdf = await writePdf({ lines: [{ text: 'Kế hoạch thực hiện nhiệm vụ năm học' }], title: 'Kế hoạch năm học' })
  const planFile = await payload.create({
    collection: 'media',
    data: { alt: 'Kế hoạch năm học', accessLevel: 'public' },
    file: { data: planPdf, mimetype: 'application/pdf', name: 'ke-hoach.pdf', size: planPdf.length },
  })
  // With a file, so that a list at depth 2 populates it inside the document that implements it.
  const plan = await payload.create({
    collection: 'regulatory-documents',
    data: {
      file: planFile.id,
      documentNumber: '227/KH-UBND',
      documentType: 'KH',
      title: 'Kế hoạch năm học',
      summary: 'Kế hoạch thực hiện nhiệm vụ năm học',
      issuingBody: 'UBND huyện',
      issueDate: '2024-09-05T00:00:00.000Z',
      accessLevel: 'public',
      _status: 'published',
    },
  })
  await payload.create({
    collection: 'regulatory-documents',
    data: {
      documentNumber: '12/QĐ-MNHS',
      documentType: 'QD',
      title: 'Quyết định thực hiện kế hoạch',
      summary: 'Thực hiện kế hoạch năm học',
      issuingBody: 'Trường Mầm non Hoa Sen',
      issueDate: '2024-09-10T00:00:00.000Z',
      relatedDocuments: [{ relation: 'implements', document: plan.id }],
      accessLevel: 'public',
      _status: 'published',
    },
  })
  await payload.updateGlobal({
    slug: 'school-profile',
    data: { name: 'Trường Mầm non Hoa Sen', contacts: { email: 'hoasen@truong.test' }, facilities: [{ name: 'Sân chơi', quantity: 1, photo: cover.id }] },
  })
})
afterAll(async () => shutdownPayload(payload))

describe('the description at /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(spec as unknown as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('refers only to components it defines', () => {
    const refs = [...JSON.stringify(spec).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1])
    expect(refs.length).toBeGreaterThan(20)
    const unresolved = refs.filter((each) => {
      const [hash, components, kind, name] = each.split('/')
      return hash !== '#' || components !== 'components' || !(spec.components as unknown as Record<string, Record<string, unknown>>)[kind]?.[name]
    })
    expect(unresolved).toEqual([])
  })

  it('lists the list and the item route of every content collection', () => {
    for (const slug of contentCollections) {
      expect(parametersOf(`/api/${slug}`)).toEqual(
        expect.objectContaining(Object.fromEntries(['where', 'limit', 'page', 'sort', 'depth', 'locale', 'select', 'populate'].map((name) => [name, expect.anything()]))),
      )
      expect(parametersOf(`/api/${slug}/{id}`).id).toMatchObject({ in: 'path', required: true })
    }
  })

  it('leaves out the users list, Payload’s own collections and the search operators’ routes', () => {
    const paths = Object.keys(spec.paths)
    expect(paths).not.toContain('/api/users')
    expect(paths.filter((path) => path.includes('payload-'))).toEqual([])
    expect(paths).not.toContain('/api/search/reindex')
    expect(paths).not.toContain('/api/search/check')
  })

  it('reads the where filter as a deep object, the locale from the config and depth up to the configured maximum', () => {
    const parameters = parametersOf('/api/learning-materials')
    expect(parameters.where).toMatchObject({ in: 'query', style: 'deepObject', explode: true })
    expect(parameters.locale.schema.enum).toEqual(['vi', 'en'])
    expect(parameters.depth.schema).toMatchObject({ type: 'integer', minimum: 0, maximum: 3 })
    expect(parameters.draft.schema).toMatchObject({ type: 'boolean' })
  })

  it('describes the trash: the trash parameter and deletedAt on every content collection, and the rule in the introduction', () => {
    for (const slug of contentCollections) {
      expect(parametersOf(`/api/${slug}`).trash?.schema).toMatchObject({ type: 'boolean', default: false })
      expect(parametersOf(`/api/${slug}/{id}`).trash).toBeDefined()
    }
    expect(schemaNamed('LearningMaterial').properties.deletedAt).toBeDefined()
    expect(spec.info.description).toContain('## Thùng rác · Trash')
    expect(spec.info.description).toContain('Readers never see the trash')
  })

  it('leaves the audit log out: only administrators read it', () => {
    expect(Object.keys(spec.paths).filter((path) => path.includes('audit-log'))).toEqual([])
  })

  it('describes the school profile and the files route of media', () => {
    expect(operation('/api/globals/school-profile').responses[200]).toBeDefined()
    expect(parametersOf('/api/media/file/{filename}').filename).toMatchObject({ in: 'path', required: true })
  })

  it('takes the enum of a select field from its options', () => {
    expect(schemaNamed('LearningMaterial').properties.materialType.enum).toEqual(materialTypeOptions.map((option) => option.value))
    expect(schemaNamed('LearningMaterial').required).toEqual(expect.arrayContaining(['id', 'title', 'materialType', 'accessLevel']))
  })

  it('maps each kind of field to its JSON Schema', () => {
    const material = schemaNamed('LearningMaterial').properties
    expect(material.title).toMatchObject({ type: 'string', 'x-localized': true })
    expect(material.durationMinutes.type).toEqual(['number', 'null'])
    expect(material.ageGroups).toMatchObject({ type: ['array', 'null'], items: { type: 'string' } })
    expect(material.body.oneOf).toEqual([{ $ref: '#/components/schemas/RichText' }, { type: 'null' }])
    const id = payload.db.defaultIDType === 'number' ? { type: 'integer' } : { type: 'string' }
    expect(material.cover.oneOf).toEqual([id, { $ref: '#/components/schemas/Media' }, { type: 'null' }])
    expect(material.files.items?.oneOf).toEqual([id, { $ref: '#/components/schemas/Media' }])
    expect(material.createdAt).toMatchObject({ type: 'string', format: 'date-time' })
    const announcement = schemaNamed('Announcement').properties
    expect(announcement.pinned.type).toEqual(['boolean', 'null'])
    const document = schemaNamed('RegulatoryDocument').properties
    expect(document.relatedDocuments.items?.properties).toEqual(expect.objectContaining({ relation: expect.anything(), document: expect.anything() }))
    expect(document.numberParts.properties).toEqual(expect.objectContaining({ issuerCode: expect.anything(), year: expect.anything() }))
    expect(schemaNamed('SchoolProfile').properties.contacts.properties?.email).toMatchObject({ format: 'email' })
  })

  it('describes the documents of a list without their rich text, and how to ask for it', () => {
    for (const [slug, component, files] of [['learning-materials', 'LearningMaterial', 'files'], ['announcements', 'Announcement', 'attachments']]) {
      expect(answerSchema(`/api/${slug}`, 200)).toEqual({ $ref: `#/components/schemas/${component}Page` })
      expect(schemaNamed(`${component}Page`).properties.docs.items).toEqual({ $ref: `#/components/schemas/${component}ListItem` })
      expect(schemaNamed(`${component}ListItem`).properties.body).toBeUndefined()
      expect(schemaNamed(`${component}ListItem`).properties.title).toEqual(schemaNamed(component).properties.title)
      expect(operation(`/api/${slug}`).description).toContain('`select[title]=true&select[body]=true`')
      expect(operation(`/api/${slug}`).description).toContain(`\`select[${files}]=false\``)
      expect(answerSchema(`/api/${slug}/{id}`, 200)).toEqual({ $ref: `#/components/schemas/${component}` })
      expect(schemaNamed(component).properties.body).toBeDefined()
    }
    expect(schemaNamed('LibraryItemListItem').properties.description).toEqual(schemaNamed('LibraryItem').properties.description)
    expect(schemaNamed('MediaPage').properties.docs.items).toEqual({ $ref: '#/components/schemas/Media' })
    expect(spec.components.schemas.MediaListItem).toBeUndefined()
  })

  it('describes the files of a list in the shape lists populate them with, and how to get them whole', () => {
    const id = payload.db.defaultIDType === 'number' ? { type: 'integer' } : { type: 'string' }
    for (const slug of ['learning-materials', 'library-items', 'announcements', 'regulatory-documents']) {
      const item = JSON.stringify(resolved<SchemaObject>(resolved<SchemaObject>(answerSchema(`/api/${slug}`, 200)).properties!.docs.items!))
      expect(item).toContain('"#/components/schemas/MediaInList"')
      expect(item).not.toContain('"#/components/schemas/Media"')
      expect(operation(`/api/${slug}`).description).toContain('`MediaInList`')
    }
    expect(schemaNamed('LearningMaterialListItem').properties.cover.oneOf).toEqual([id, { $ref: '#/components/schemas/MediaInList' }, { type: 'null' }])
    // Payload passes populate down: a document populated inside a list has its files in that shape too.
    const related = JSON.stringify(schemaNamed('RegulatoryDocumentListItem').properties.relatedDocuments)
    expect(related).toContain('"#/components/schemas/RegulatoryDocumentInList"')
    expect(schemaNamed('RegulatoryDocumentInList').properties.file).toEqual(schemaNamed('RegulatoryDocumentListItem').properties.file)
    expect(schemaNamed('RegulatoryDocumentInList').properties.title).toEqual(schemaNamed('RegulatoryDocument').properties.title)
    const inList = schemaNamed('MediaInList')
    expect(Object.keys(inList.properties).sort()).toEqual(['alt', 'deletedAt', 'filename', 'filesize', 'height', 'id', 'mimeType', 'sizes', 'thumbnailURL', 'url', 'width'])
    const sizes = inList.properties.sizes.properties!
    expect(Object.keys(sizes).sort()).toEqual(['card', 'cardWebp', 'thumbnail', 'thumbnailWebp'])
    expect(sizes.card).toEqual(schemaNamed('Media').properties.sizes.properties!.card)
    expect(inList.required).toEqual(expect.arrayContaining(['id']))
    expect(inList.required).not.toContain('caption')
  })

  it('describes ids as the database gives them', () => {
    const id = payload.db.defaultIDType === 'number' ? { type: 'integer' } : { type: 'string' }
    expect(parametersOf('/api/learning-materials/{id}').id.schema).toEqual(id)
    expect(schemaNamed('Media').properties.id).toEqual(id)
  })

  it('describes a field added to a collection', () => {
    const config = {
      ...payload.config,
      collections: payload.config.collections.map((collection) =>
        collection.slug === 'library-items'
          ? { ...collection, fields: [...collection.fields, { name: 'shelfMark', type: 'text', required: true, label: { vi: 'Ký hiệu xếp giá', en: 'Shelf mark' } }] }
          : collection,
      ),
    } as SanitizedConfig
    const document = buildDocument(config, resolveOptions({ title: 'Trường Số API', version: '1' }, config), {
      idType: payload.db.defaultIDType,
      isRestricted: () => false,
    })
    expect(schemaNamed('LibraryItem').properties.shelfMark).toBeUndefined()
    expect(document.components.schemas.LibraryItem.properties?.shelfMark).toEqual({ type: 'string', description: 'Ký hiệu xếp giá · Shelf mark' })
    expect(document.components.schemas.LibraryItem.required).toContain('shelfMark')
  })

  it('leaves out hidden fields and fields only staff may read', () => {
    expect(schemaNamed('Media').properties.extractedText).toBeUndefined()
    const material = schemaNamed('LearningMaterial').properties
    for (const staffOnly of ['reviewNote', 'reviewStatus', 'submittedAt', 'reviewedBy', 'reviewedAt']) expect(material[staffOnly]).toBeUndefined()
    expect(schemaNamed('RegulatoryDocument').properties.numberParts.properties?.matchKey).toBeUndefined()
    for (const secret of ['hash', 'salt', 'sessions', 'resetPasswordToken', 'loginAttempts']) expect(schemaNamed('User').properties[secret]).toBeUndefined()
    expect(JSON.stringify(spec)).not.toMatch(/reviewNote|extractedText|matchKey/)
  })

  it('keeps fields whose rules only limit writing', () => {
    expect(schemaNamed('Media').properties.exposedLevels).toBeDefined()
    expect(schemaNamed('RegulatoryDocument').properties.validityStatus).toBeDefined()
  })

  it('describes search with every parameter and the values its filters accept', () => {
    const parameters = parametersOf('/api/search')
    expect(Object.keys(parameters).sort()).toEqual(
      ['q', 'collections', 'type', 'ageGroups', 'domains', 'category', 'documentType', 'issuer', 'year', 'page', 'limit'].sort(),
    )
    expect(parameters.collections.schema.items?.enum).toEqual(Object.keys(searchCollections))
    for (const [facet, allowed] of Object.entries(searchFacetValues)) {
      const items = parameters[facet].schema.items
      if (allowed instanceof RegExp) expect(items?.pattern).toBe(allowed.source)
      else expect(items?.enum).toEqual([...new Set(allowed)])
    }
    expect(answerSchema('/api/search', 200)).toEqual({ $ref: '#/components/schemas/SearchResults' })
    expect(operation('/api/search/token').responses[200]).toBeDefined()
  })

  it('describes the export and import of each content collection and the catalogue import, for signed-in callers', () => {
    for (const slug of ['learning-materials', 'library-items', 'announcements', 'regulatory-documents']) {
      expect(Object.keys(operation(`/api/${slug}/export`).responses)).toEqual(expect.arrayContaining(['200', '401', '403']))
      expect((operation(`/api/${slug}/import`, 'post').responses[201] as { content?: unknown }).content).toHaveProperty(['application/x-ndjson'])
    }
    const catalogue = operation('/api/library-items/import-catalogue', 'post')
    expect(catalogue.parameters?.map((parameter) => ('name' in parameter ? parameter.name : ''))).toEqual(['dryRun', 'publish'])
    expect(Object.keys(catalogue.responses)).toEqual(expect.arrayContaining(['200', '201', '401', '403', '413', '415', '422']))
    expect(catalogue.security).not.toContainEqual({})
  })

  it('states search limits the search endpoint keeps', async () => {
    const longest = 'a'.repeat(searchQueryLimits.maxQueryLength)
    expect(parametersOf('/api/search').q.schema.maxLength).toBe(longest.length)
    await expectConforming('/api/search', `/search?q=${longest}`)
    const { status } = await expectConforming('/api/search', `/search?q=${longest}a`)
    expect(status).toBe(400)
    const { answer } = await expectConforming('/api/search', '/search')
    expect(answer.limit).toBe(parametersOf('/api/search').limit.schema.default)
  })

  it('accepts every facet value it lists, and refuses one it does not', async () => {
    for (const [name, parameter] of Object.entries(parametersOf('/api/search'))) {
      const values = parameter.schema.items?.enum
      if (!values) continue
      const { status } = await expectConforming('/api/search', `/search?${name}=${values.join(',')}`)
      expect({ [name]: status }).toEqual({ [name]: 200 })
      expect((await rest(payload, `/search?${name}=khong-co`)).status).toBe(400)
    }
  })

  it('describes signing in with the JWT header and the payload-token cookie', () => {
    expect(spec.components.securitySchemes.jwt).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
    expect(spec.components.securitySchemes.jwt.description).toContain('JWT <token>')
    expect(spec.components.securitySchemes.cookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'payload-token' })
    expect(spec.security).toContainEqual({})
    expect(operation('/api/users/login', 'post').requestBody?.content['application/json'].schema?.required).toEqual(['email', 'password'])
    expect(operation('/api/users/logout', 'post')).toBeDefined()
    expect(operation('/api/users/me')).toBeDefined()
    expect(operation('/api/graphql', 'post').requestBody).toBeDefined()
  })

  it('explains every access level in Vietnamese and English', () => {
    const { description } = spec.info
    expect(description).toContain('Mức truy cập · Access levels')
    for (const level of accessLevelOptions) {
      expect(description).toContain(`\`${level.value}\` — ${level.label.vi} · ${level.label.en}`)
    }
  })

  it('is worked out once per config', async () => {
    const { describe: describeAPI } = (payload.config.custom as { openapi: { describe: (payload: Payload) => Promise<PublishedAPI> } }).openapi
    const first = await describeAPI(payload)
    expect(await describeAPI(payload)).toBe(first)
    expect(await (await rest(payload, '/openapi.json')).text()).toBe(first.json)
  })
})

describe('the answers of the API', () => {
  const readers = [
    ['an anonymous reader', () => undefined],
    ['an administrator', () => adminToken],
  ] as const

  describe.each(readers)('read by %s', (_reader, token) => {
    it.each(contentCollections)('conform to the description of %s', async (slug) => {
      for (const depth of [0, 1, 2]) {
        const { answer } = await expectConforming(`/api/${slug}`, `/${slug}?depth=${depth}`, { token: token() })
        expect(answer.docs.length).toBeGreaterThan(0)
        await expectConforming(`/api/${slug}/{id}`, `/${slug}/${answer.docs[0].id}?depth=${depth}`, { token: token() })
      }
    })

    it('conform for the school profile, me and a document that is not there', async () => {
      await expectConforming('/api/globals/school-profile', '/globals/school-profile?depth=1', { token: token() })
      await expectConforming('/api/users/me', '/users/me', { token: token() })
      const { status } = await expectConforming('/api/learning-materials/{id}', `/learning-materials/${payload.db.defaultIDType === 'number' ? 987654 : '65f0c0ffee0000000000beef'}`, { token: token() })
      expect(status).toBe(404)
    })
  })

  it('conform for signing in and out', async () => {
    const { answer, status } = await expectConforming('/api/users/login', '/users/login', { method: 'post', body: { email: admin.email, password: admin.password } })
    expect(status).toBe(200)
    expect((await expectConforming('/api/users/login', '/users/login', { method: 'post', body: { email: admin.email, password: 'sai' } })).status).toBe(401)
    expect((await expectConforming('/api/users/logout', '/users/logout', { method: 'post', token: answer.token })).status).toBe(200)
  })

  it('conform for a search with hits and for a search token', async () => {
    await runSearchQueue(payload)
    const { answer } = await expectConforming('/api/search', '/search?q=ke hoach', { token: adminToken })
    expect(answer.hits.length).toBeGreaterThan(0)
    const { status } = await expectConforming('/api/search/token', '/search/token')
    expect([200, 404]).toContain(status)
  })

  it('would notice an answer that departs from the description', () => {
    const id = payload.db.defaultIDType === 'number' ? 1 : '65f0c0ffee0000000000beef'
    const stamp = '2024-09-05T00:00:00.000Z'
    const material = { id, title: 'Bé tập đếm', materialType: 'lesson-plan', accessLevel: 'public', createdAt: stamp, updatedAt: stamp }
    const described = { $ref: '#/components/schemas/LearningMaterial' }
    expect(departures(spec, described, material)).toEqual([])
    expect(departures(spec, described, { ...material, materialType: 'novel', cover: { id } })).toEqual([
      '$.materialType: "novel" is not one of the enum',
      expect.stringContaining('$.cover: matches 0 branches of oneOf'),
    ])
  })
})

describe('the docs page at /api/docs', () => {
  let html: string
  let response: Response

  beforeAll(async () => {
    response = await rest(payload, '/docs')
    html = await response.text()
  })

  it('is an HTML page in Vietnamese that links to openapi.json', () => {
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html).toMatch(/^<!doctype html>\s*<html lang="vi">/)
    expect(html).toContain('href="/api/openapi.json"')
  })

  it('shows every path with its method, and headings in Vietnamese with English', () => {
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of ['get', 'post'] as const) {
        if (item[method]) expect(html).toContain(`${method.toUpperCase()}</span> <code>${path}</code>`)
      }
    }
    for (const heading of ['Đường dẫn · <span lang="en">Paths</span>', 'Tham số · <span lang="en">Parameters</span>', 'Phản hồi · <span lang="en">Responses</span>']) {
      expect(html).toContain(heading)
    }
    expect(html).toContain('<a href="#schema-LearningMaterial">LearningMaterial</a>')
  })

  it('runs no script and loads nothing from another origin', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
    expect(html).not.toMatch(/reviewNote|extractedText/)
  })
})
