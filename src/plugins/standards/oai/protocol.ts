import type { Payload, Where } from 'payload'

import { attributes, element, escapeXml } from '../xml.js'
import { deletionsSlug } from './deletions.js'
import {
  ageSet,
  allSets,
  type DcElement,
  type HarvestedSlug,
  harvestedSlugs,
  type MappingContext,
  type OaiSource,
  oaiSources,
  setSpecsOf,
} from './sources.js'
import { decodeToken, encodeToken, type ListPosition, type ListState } from './token.js'

/** How the repository answers; see `defaults.ts` for the values in use. */
export type OaiSettings = {
  /** Records (or headers) in one answer before a resumption token. */
  pageSize: number
  /** How long a resumption token stays valid, in milliseconds. */
  tokenLifetimeMs: number
}

export type OaiRequest = {
  payload: Payload
  /** The arguments, from the query string or a form-encoded POST body. */
  params: URLSearchParams
  /** The address harvesters call, e.g. https://truong.example/oai. */
  baseUrl: string
  /** The public site's address, for the links in the records. */
  siteUrl: string
  /** The signing secret of resumption tokens. */
  secret: string
  settings: OaiSettings
  now: Date
}

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'

class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const verbs = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const
type Verb = (typeof verbs)[number]

/** Arguments each verb takes: required ones, optional ones, and the one that excludes all others. */
const argumentsOf: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
}

const oaiDc = {
  metadataPrefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
}

/** Seconds granularity, the finest OAI-PMH 2.0 has and the one this repository declares. */
export const datestamp = (value: Date | string): string => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z')

const dayPattern = /^\d{4}-\d{2}-\d{2}$/
const secondPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** A `from`/`until` value as an instant, or an error for a value that is not a valid UTC datestamp. */
const parseDatestamp = (name: string, value: string): { at: Date; granularity: 'day' | 'second' } => {
  const granularity = dayPattern.test(value) ? 'day' : secondPattern.test(value) ? 'second' : undefined
  const at = new Date(granularity === 'day' ? `${value}T00:00:00Z` : value)
  // Date accepts 2026-02-31 and moves it to March; a datestamp must name a real day.
  if (!granularity || Number.isNaN(at.getTime()) || datestamp(at).slice(0, value.length) !== value) {
    throw new OaiError('badArgument', `Tham số ${name} không phải ngày giờ UTC hợp lệ (YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ) / ${name} is not a valid UTC datestamp`)
  }
  return { at, granularity }
}

const siteHost = (siteUrl: string): string => URL.parse(siteUrl)?.hostname || 'localhost'

/** `oai:<host>:<collection>/<id>`, after the OAI identifier guidelines. */
export const identifierOf = (siteUrl: string, slug: HarvestedSlug, id: number | string): string => `oai:${siteHost(siteUrl)}:${slug}/${id}`

const parseIdentifier = (siteUrl: string, identifier: string): { slug: HarvestedSlug; id: string } | undefined => {
  const prefix = `oai:${siteHost(siteUrl)}:`
  if (!identifier.startsWith(prefix)) return undefined
  const [slug, id, extra] = identifier.slice(prefix.length).split('/')
  return harvestedSlugs.includes(slug as HarvestedSlug) && id && extra === undefined ? { slug: slug as HarvestedSlug, id } : undefined
}

type Listed =
  | { deleted: false; position: ListPosition; source: OaiSource; doc: Record<string, unknown> }
  | { deleted: true; position: ListPosition; identifier: string; sets: string[] }

const deletionsIndex = oaiSources.length

/** Which sources a set draws on, and what it adds to their queries; undefined for a set that does not exist. */
const setFilter = (set: string | undefined): { live: Array<{ source: OaiSource; where: Where }>; deletions: Where } | undefined => {
  if (set === undefined) return { live: oaiSources.map((source) => ({ source, where: {} })), deletions: {} }
  if (!allSets().some((each) => each.spec === set)) return undefined
  const deletions: Where = { sets: { in: [set] } }
  const [head, tail] = set.split(':')
  if (head === ageSet) {
    const ages = tail ? [tail] : allSets().filter((each) => each.spec.startsWith(`${ageSet}:`)).map((each) => each.spec.slice(ageSet.length + 1))
    return { live: oaiSources.filter((source) => source.hasAgeGroups).map((source) => ({ source, where: { ageGroups: { in: ages } } })), deletions }
  }
  const source = oaiSources.find((each) => each.slug === head)!
  return { live: [{ source, where: tail ? { [source.typeField]: { equals: tail } } : {} }], deletions }
}

const windowWhere = (field: string, from: string | undefined, before: string): Where => ({
  and: [...(from ? [{ [field]: { greater_than_equal: from } }] : []), { [field]: { less_than: before } }],
})

/** Strictly after the last record delivered, in the order (datestamp, source, id). */
const afterWhere = (field: string, sourceIndex: number, after: ListPosition | undefined): Where => {
  if (!after) return {}
  if (sourceIndex > after.source) return { [field]: { greater_than_equal: after.at } }
  if (sourceIndex < after.source) return { [field]: { greater_than: after.at } }
  return { or: [{ [field]: { greater_than: after.at } }, { and: [{ [field]: { equals: after.at } }, { id: { greater_than: after.id } }] }] }
}

const compareIds = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0

const comparePositions = (a: ListPosition, b: ListPosition): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.source - b.source || compareIds(a.id, b.id)

const iso = (value: unknown): string => new Date(value as string).toISOString()

type Window = { from?: string; before: string; set?: string }

/**
 * One page of the list: each source gives its next records in (datestamp, id) order and the merge
 * keeps the first `limit`. Live documents are read as an anonymous reader (no user, access
 * applied), so harvesters get exactly what the API shows anyone.
 */
const listPage = async (
  payload: Payload,
  window: Window,
  after: ListPosition | undefined,
  limit: number,
  withMetadata: boolean,
  siteUrl: string,
): Promise<{ items: Listed[]; more: boolean }> => {
  const filter = setFilter(window.set)!
  const live = await Promise.all(
    filter.live.map(async ({ source, where }) => {
      const index = oaiSources.indexOf(source)
      const { docs } = await payload.find({
        collection: source.slug,
        where: { and: [windowWhere('updatedAt', window.from, window.before), where, afterWhere('updatedAt', index, after)] },
        sort: ['updatedAt', 'id'],
        limit: limit + 1,
        pagination: false,
        depth: withMetadata ? 1 : 0,
        overrideAccess: false,
      })
      return docs.map(
        (doc): Listed => ({ deleted: false, doc: doc as unknown as Record<string, unknown>, source, position: { at: iso(doc.updatedAt), id: doc.id, source: index } }),
      )
    }),
  )
  // Deletion records are the repository's own bookkeeping, read whatever the reader's rights: they
  // hold only identifiers and set names of what was once public.
  const { docs: deletions } = await payload.find({
    collection: deletionsSlug,
    where: { and: [windowWhere('withdrawnAt', window.from, window.before), filter.deletions, afterWhere('withdrawnAt', deletionsIndex, after)] },
    sort: ['withdrawnAt', 'id'],
    limit: limit + 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const gone = deletions.map(
    (deletion): Listed => ({
      deleted: true,
      identifier: identifierOf(siteUrl, deletion.source as HarvestedSlug, deletion.docId),
      sets: (deletion.sets as string[] | null) ?? [],
      position: { at: iso(deletion.withdrawnAt), id: deletion.id, source: deletionsIndex },
    }),
  )
  const merged = [...live.flat(), ...gone].sort((a, b) => comparePositions(a.position, b.position))
  return { items: merged.slice(0, limit), more: merged.length > limit }
}

const countList = async (payload: Payload, window: Window): Promise<number> => {
  const filter = setFilter(window.set)!
  const counts = await Promise.all([
    ...filter.live.map(({ source, where }) =>
      payload.count({ collection: source.slug, where: { and: [windowWhere('updatedAt', window.from, window.before), where] }, overrideAccess: false }),
    ),
    payload.count({ collection: deletionsSlug, where: { and: [windowWhere('withdrawnAt', window.from, window.before), filter.deletions] }, overrideAccess: true }),
  ])
  return counts.reduce((sum, { totalDocs }) => sum + totalDocs, 0)
}

const headerXml = (item: Listed, siteUrl: string): string => {
  const identifier = item.deleted ? item.identifier : identifierOf(siteUrl, item.source.slug, item.doc.id as number | string)
  const sets = item.deleted ? item.sets : setSpecsOf(item.source, item.doc)
  return (
    `<header${item.deleted ? ' status="deleted"' : ''}>` +
    element('identifier', identifier) +
    element('datestamp', datestamp(item.position.at)) +
    sets.map((spec) => element('setSpec', spec)).join('') +
    '</header>'
  )
}

const dublinCoreXml = (elements: DcElement[]): string =>
  '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">' +
  elements.map(({ lang, name, value }) => element(`dc:${name}`, value, { 'xml:lang': lang })).join('') +
  '</oai_dc:dc>'

const recordXml = (item: Listed, siteUrl: string, context: MappingContext): string =>
  `<record>${headerXml(item, siteUrl)}${item.deleted ? '' : `<metadata>${dublinCoreXml(item.source.dublinCore(item.doc, context))}</metadata>`}</record>`

const schoolNameOf = async (payload: Payload): Promise<string | undefined> => {
  const profile = await payload.findGlobal({ slug: 'school-profile', depth: 0, overrideAccess: false })
  return typeof profile?.name === 'string' && profile.name.trim() ? profile.name.trim() : undefined
}

const mappingContext = async (payload: Payload, siteUrl: string): Promise<MappingContext> => ({
  siteUrl,
  schoolName: (await schoolNameOf(payload)) ?? 'Trường Số',
  identifierOf: (slug, id) => identifierOf(siteUrl, slug, id),
})

/** The oldest datestamp a harvester can be given, so that `from` before it means "everything". */
const earliestDatestamp = async (payload: Payload, now: Date): Promise<string> => {
  const firsts = await Promise.all([
    ...oaiSources.map((source) =>
      payload.find({ collection: source.slug, sort: 'updatedAt', limit: 1, depth: 0, pagination: false, overrideAccess: false, select: { updatedAt: true } }).then(({ docs }) => docs[0]?.updatedAt),
    ),
    payload.find({ collection: deletionsSlug, sort: 'withdrawnAt', limit: 1, depth: 0, pagination: false, overrideAccess: true }).then(({ docs }) => docs[0]?.withdrawnAt),
  ])
  const dates = firsts.filter((value): value is string => typeof value === 'string').map(iso).sort()
  return datestamp(dates[0] ?? now)
}

const emailPattern = /^\S+@(\S+\.)+\S+$/

const identifyXml = async ({ baseUrl, now, payload, siteUrl }: OaiRequest): Promise<string> => {
  const profile = await payload.findGlobal({ slug: 'school-profile', depth: 0, overrideAccess: false })
  const contact = (profile?.contacts as { email?: unknown } | undefined)?.email
  const host = siteHost(siteUrl)
  const adminEmail = typeof contact === 'string' && emailPattern.test(contact) ? contact : `webmaster@${host.includes('.') ? host : `${host}.localdomain`}`
  return (
    '<Identify>' +
    element('repositoryName', (await schoolNameOf(payload)) ?? 'Trường Số') +
    element('baseURL', baseUrl) +
    '<protocolVersion>2.0</protocolVersion>' +
    element('adminEmail', adminEmail) +
    element('earliestDatestamp', await earliestDatestamp(payload, now)) +
    '<deletedRecord>persistent</deletedRecord>' +
    '<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>' +
    '</Identify>'
  )
}

/** Finds one harvested document, or its deletion record, by OAI identifier. */
const findItem = async (payload: Payload, siteUrl: string, identifier: string): Promise<Listed> => {
  const parsed = parseIdentifier(siteUrl, identifier)
  const missing = new OaiError('idDoesNotExist', `Không có bản ghi ${identifier} / No record ${identifier}`)
  if (!parsed) throw missing
  const source = oaiSources.find((each) => each.slug === parsed.slug)!
  const doc = await payload
    .find({ collection: parsed.slug, where: { id: { equals: parsed.id } }, limit: 1, depth: 1, pagination: false, overrideAccess: false })
    .then(({ docs }) => docs[0], () => undefined)
  if (doc) return { deleted: false, doc: doc as unknown as Record<string, unknown>, source, position: { at: iso(doc.updatedAt), id: doc.id, source: oaiSources.indexOf(source) } }
  const { docs } = await payload.find({ collection: deletionsSlug, where: { key: { equals: `${parsed.slug}/${parsed.id}` } }, limit: 1, depth: 0, overrideAccess: true })
  const deletion = docs[0]
  if (!deletion) throw missing
  return { deleted: true, identifier, sets: (deletion.sets as string[] | null) ?? [], position: { at: iso(deletion.withdrawnAt), id: deletion.id, source: deletionsIndex } }
}

const requireOaiDc = (metadataPrefix: string): void => {
  if (metadataPrefix !== oaiDc.metadataPrefix) {
    throw new OaiError('cannotDisseminateFormat', `Định dạng ${metadataPrefix} không được hỗ trợ; dùng oai_dc / Format ${metadataPrefix} is not supported; use oai_dc`)
  }
}

const listXml = async (request: OaiRequest, verb: 'ListIdentifiers' | 'ListRecords', args: Record<string, string>): Promise<{ body: string; echo: Record<string, string> }> => {
  const { now, payload, secret, settings, siteUrl } = request
  let state: ListState
  let echo: Record<string, string>
  if (args.resumptionToken !== undefined) {
    const decoded = decodeToken(args.resumptionToken, secret, now.getTime())
    if ('problem' in decoded || decoded.state.verb !== verb) {
      const expired = 'problem' in decoded && decoded.problem === 'expired'
      throw new OaiError(
        'badResumptionToken',
        expired
          ? 'Mã tiếp tục đã hết hạn; hãy thu thập lại từ đầu / The resumption token has expired; start the harvest again'
          : 'Mã tiếp tục không hợp lệ / The resumption token is invalid',
      )
    }
    state = decoded.state
    echo = { resumptionToken: args.resumptionToken }
  } else {
    requireOaiDc(args.metadataPrefix)
    const from = args.from === undefined ? undefined : parseDatestamp('from', args.from)
    const until = args.until === undefined ? undefined : parseDatestamp('until', args.until)
    if (from && until && from.granularity !== until.granularity) {
      throw new OaiError('badArgument', 'from và until phải cùng độ chi tiết / from and until must have the same granularity')
    }
    if (from && until && from.at > until.at) throw new OaiError('badArgument', 'from sau until / from is later than until')
    if (args.set !== undefined && !setFilter(args.set)) {
      throw new OaiError('noRecordsMatch', `Không có tập hợp ${args.set} / There is no set ${args.set}`)
    }
    // `until` is inclusive at its granularity: the whole day, or the whole second.
    const untilEnd = until ? new Date(until.at.getTime() + (until.granularity === 'day' ? 86_400_000 : 1000)) : now
    const before = (untilEnd < now ? untilEnd : now).toISOString()
    const window = { from: from?.at.toISOString(), before, set: args.set }
    const completeListSize = await countList(payload, window)
    if (completeListSize === 0) throw new OaiError('noRecordsMatch', 'Không có bản ghi nào khớp / No records match')
    state = {
      verb,
      metadataPrefix: args.metadataPrefix,
      set: args.set,
      from: window.from,
      before,
      cursor: 0,
      completeListSize,
      after: { at: '', id: 0, source: -1 },
      expires: 0,
    }
    echo = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined))
  }
  const first = state.cursor === 0 && state.after.source === -1
  const withMetadata = verb === 'ListRecords'
  const page = await listPage(payload, { from: state.from, before: state.before, set: state.set }, first ? undefined : state.after, settings.pageSize, withMetadata, siteUrl)
  if (page.items.length === 0) throw new OaiError('noRecordsMatch', 'Không còn bản ghi nào khớp / No more records match')
  const context = withMetadata ? await mappingContext(payload, siteUrl) : undefined
  const items = page.items.map((item) => (context ? recordXml(item, siteUrl, context) : headerXml(item, siteUrl))).join('')
  const listed = state.cursor + page.items.length
  const completeListSize = Math.max(state.completeListSize, listed + (page.more ? 1 : 0))
  let token = ''
  if (page.more) {
    const expires = now.getTime() + settings.tokenLifetimeMs
    const next: ListState = { ...state, cursor: listed, completeListSize, after: page.items.at(-1)!.position, expires }
    token =
      `<resumptionToken${attributes({ expirationDate: datestamp(new Date(expires)), completeListSize, cursor: state.cursor })}>` +
      `${escapeXml(encodeToken(next, secret))}</resumptionToken>`
  } else if (!first) {
    // The last page of a list that took several: an empty token says it is complete.
    token = `<resumptionToken${attributes({ completeListSize, cursor: state.cursor })}/>`
  }
  return { body: `<${verb}>${items}${token}</${verb}>`, echo }
}

const envelope = (responseDate: string, request: string, body: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">' +
  `<responseDate>${responseDate}</responseDate>${request}${body}</OAI-PMH>\n`

/** Checks the verb and its arguments as the protocol's section 3.1 asks, before any database work. */
const readArguments = (params: URLSearchParams): { verb: Verb; args: Record<string, string> } => {
  const given = [...params.keys()]
  const verbValues = params.getAll('verb')
  if (verbValues.length !== 1 || !verbs.includes(verbValues[0] as Verb)) {
    throw new OaiError('badVerb', verbValues.length > 1 ? 'Tham số verb bị lặp lại / The verb is repeated' : 'Thiếu verb hoặc verb không hợp lệ / Missing or illegal verb')
  }
  const verb = verbValues[0] as Verb
  const { exclusive, optional, required } = argumentsOf[verb]
  const args: Record<string, string> = {}
  for (const name of new Set(given)) {
    if (name === 'verb') continue
    if (![...required, ...optional, exclusive].includes(name)) throw new OaiError('badArgument', `Tham số không hợp lệ: ${name} / Illegal argument: ${name}`)
    if (params.getAll(name).length > 1) throw new OaiError('badArgument', `Tham số bị lặp lại: ${name} / Repeated argument: ${name}`)
    args[name] = params.get(name)!
  }
  if (exclusive && args[exclusive] !== undefined) {
    if (Object.keys(args).length > 1) throw new OaiError('badArgument', `${exclusive} không đi cùng tham số khác / ${exclusive} is an exclusive argument`)
    return { verb, args }
  }
  // Values echoed in <request> must fit the schema's types, so a malformed one is refused here.
  if (args.metadataPrefix !== undefined && !/^[A-Za-z0-9\-_.!~*'()]+$/.test(args.metadataPrefix)) {
    throw new OaiError('badArgument', 'metadataPrefix không hợp lệ / Illegal metadataPrefix')
  }
  if (args.set !== undefined && !/^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(args.set)) {
    throw new OaiError('badArgument', 'set không hợp lệ / Illegal set')
  }
  const absent = required.filter((name) => args[name] === undefined)
  if (absent.length) throw new OaiError('badArgument', `Thiếu tham số: ${absent.join(', ')} / Missing argument: ${absent.join(', ')}`)
  return { verb, args }
}

/**
 * Answers one OAI-PMH 2.0 request (https://www.openarchives.org/OAI/openarchivesprotocol.html).
 * Errors of the protocol are answers too: status 200 with `<error>` elements, as harvesters expect.
 */
export const answerOai = async (request: OaiRequest): Promise<string> => {
  const { baseUrl, now, payload, params, siteUrl } = request
  const responseDate = datestamp(now)
  let verb: Verb | undefined
  let echo: Record<string, string> = {}
  try {
    ;({ verb, args: echo } = readArguments(params))
    const args = echo
    let body: string
    switch (verb) {
      case 'Identify':
        body = await identifyXml(request)
        break
      case 'ListMetadataFormats':
        if (args.identifier !== undefined) await findItem(payload, siteUrl, args.identifier)
        body = `<ListMetadataFormats><metadataFormat>${element('metadataPrefix', oaiDc.metadataPrefix)}${element('schema', oaiDc.schema)}${element('metadataNamespace', oaiDc.metadataNamespace)}</metadataFormat></ListMetadataFormats>`
        break
      case 'ListSets':
        if (args.resumptionToken !== undefined) {
          throw new OaiError('badResumptionToken', 'Danh sách tập hợp không dùng mã tiếp tục / The list of sets has no resumption token')
        }
        body = `<ListSets>${allSets()
          .map(({ name, spec }) => `<set>${element('setSpec', spec)}${element('setName', name)}</set>`)
          .join('')}</ListSets>`
        break
      case 'GetRecord': {
        requireOaiDc(args.metadataPrefix)
        const item = await findItem(payload, siteUrl, args.identifier)
        body = `<GetRecord>${recordXml(item, siteUrl, await mappingContext(payload, siteUrl))}</GetRecord>`
        break
      }
      case 'ListIdentifiers':
      case 'ListRecords': {
        const answer = await listXml(request, verb, args)
        body = answer.body
        echo = answer.echo
        break
      }
    }
    return envelope(responseDate, `<request${attributes({ verb, ...echo })}>${escapeXml(baseUrl)}</request>`, body)
  } catch (error) {
    if (!(error instanceof OaiError)) throw error
    // Section 3.6: after badVerb or badArgument the request element carries no attributes.
    const plain = error.code === 'badVerb' || error.code === 'badArgument'
    const request = `<request${plain ? '' : attributes({ verb, ...echo })}>${escapeXml(baseUrl)}</request>`
    return envelope(responseDate, request, `<error code="${error.code}">${escapeXml(error.message)}</error>`)
  }
}
