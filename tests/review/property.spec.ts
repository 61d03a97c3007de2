/**
 * The property the review asks for: random documents at random levels, random level changes,
 * publications and file replacements (by anyone, allowed or not), then every role's reads on every
 * surface — list, by id, versions, GraphQL, search, files and every image size — agree with the
 * access table (tests/access/matrix.ts). A seeded generator drives it: `PROPERTY_SEED=<n>` replays
 * a run, and a failure names its seed.
 */
import type { Payload } from 'payload'

import sharp from 'sharp'

import { actors, contentPolicy, type Actor, levels, type Level, mayRead, roleOf } from '../access/matrix.js'
import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, makePdf, type Member, type School } from '../leaks/school.js'
import { runSearchQueue, search } from '../search/support.js'

type Slug = 'announcements' | 'learning-materials' | 'library-items' | 'regulatory-documents'
type Id = number | string

const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31)
const documentCount = 6
const stepCount = 10

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
const generator = (state: number) => () => {
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const random = generator(seed)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const word = () => Array.from({ length: 9 }, () => pick([...'bcdfghjklmnpqrstvxz'])).join('')

type File = { id: Id; level: Level; uploader: Actor; word?: string }
type Doc = { slug: Slug; id: Id; level: Level; published: boolean; author: Actor; titleWord: string; pdf: File; image?: File }

let payload: Payload
let school: School
const docs: Doc[] = []
const log: string[] = []

const member = (actor: Actor): Member | undefined => (actor === 'anonymous' ? undefined : school[actor])
const tokenOf = (actor: Actor) => member(actor)?.token

const hasRoleIn = (actor: Actor, roles: readonly string[] | null) => actor !== 'anonymous' && (roles ?? []).includes(roleOf[actor])

/** The table's reach: editors read every state and versions of what they reach. */
const edits = (actor: Actor, doc: Doc): boolean => {
  if (actor === 'anonymous') return false
  const reach = (contentPolicy[doc.slug].edit as Partial<Record<string, string>>)[roleOf[actor]]
  if (!reach || !mayRead(actor, doc.level)) return false
  return reach === 'within reach' || doc.author === actor
}
const readsDoc = (actor: Actor, doc: Doc) => edits(actor, doc) || (doc.published && mayRead(actor, doc.level))
const readsVersions = (actor: Actor, doc: Doc) => edits(actor, doc)
const filesOf = (doc: Doc) => [doc.pdf, ...(doc.image ? [doc.image] : [])]
const readsFile = (actor: Actor, file: File) =>
  mayRead(actor, file.level) || docs.some((doc) => doc.published && filesOf(doc).includes(file) && mayRead(actor, doc.level))
const managesFile = (actor: Actor, file: File) =>
  actor !== 'anonymous' && mayRead(actor, file.level) && (roleOf[actor] === 'admin' || roleOf[actor] === 'staff' || file.uploader === actor)
const mayReplace = (actor: Actor, doc: Doc, file: File) =>
  managesFile(actor, file) && (!doc.published || (hasRoleIn(actor, contentPolicy[doc.slug].publish) && mayRead(actor, doc.level)))

/** Who writes a document of the collection at the level: its natural editor, or the admin above her level. */
const writerFor = (slug: Slug, level: Level): Actor => {
  const natural: Actor = slug === 'learning-materials' ? 'teacher' : 'staff'
  return mayRead(natural, level) ? natural : 'admin'
}
const publisherFor = (slug: Slug, level: Level): Actor => {
  const natural: Actor = slug === 'learning-materials' || slug === 'library-items' ? 'reviewer' : 'staff'
  return mayRead(natural, level) ? natural : 'admin'
}
/** The levels a writer may give her own upload: the table's rule for files. */
const fileLevelsFor = (actor: Actor): Level[] =>
  levels.filter((level) => mayRead(actor, level) && (hasRoleIn(actor, ['reviewer', 'staff', 'admin']) || !['public', 'parents'].includes(level)))

const pdfFile = async (text: string, name: string) => {
  const data = await makePdf(text)
  return { data, mimetype: 'application/pdf', name, size: data.length }
}
const imageFile = async (name: string) => {
  const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: Math.floor(random() * 255), g: 90, b: 40 } } }).jpeg().toBuffer()
  return { data, mimetype: 'image/jpeg', name, size: data.length }
}

const upload = async (uploader: Actor, kind: 'image' | 'pdf'): Promise<File> => {
  const level = pick(fileLevelsFor(uploader))
  const text = word()
  const file = kind === 'pdf' ? await pdfFile(`Tai lieu ${text}`, `${text}.pdf`) : await imageFile(`${text}.jpg`)
  const doc = await payload.create({
    collection: 'media',
    data: { accessLevel: level, alt: `Ảnh ${text}` },
    file,
    overrideAccess: false,
    user: member(uploader)!.user,
  })
  return { id: doc.id, level, uploader, ...(kind === 'pdf' ? { word: text } : {}) }
}

const contentData = (slug: Slug, title: string, level: Level, pdf: File, image?: File): Record<string, unknown> => {
  switch (slug) {
    case 'learning-materials':
      return { title, materialType: 'lesson-plan', accessLevel: level, files: [pdf.id], cover: image?.id }
    case 'library-items':
      return { title, itemType: 'ebook', accessLevel: level, files: [pdf.id], cover: image?.id }
    case 'announcements':
      return { title, category: 'news', accessLevel: level, attachments: [pdf.id], cover: image?.id }
    case 'regulatory-documents':
      return {
        title, accessLevel: level, file: pdf.id, documentNumber: `${docs.length + 1}/KH-MNHS`, documentType: 'KH',
        summary: title, issuingBody: 'Trường Mầm non Hoa Sen', issueDate: '2025-03-01T00:00:00.000Z',
      }
  }
}

const createDoc = async (): Promise<Doc> => {
  const slug = pick<Slug>(['learning-materials', 'library-items', 'announcements', 'regulatory-documents'])
  const level = pick(levels)
  const author = writerFor(slug, level)
  const pdf = await upload(author, 'pdf')
  const image = slug === 'regulatory-documents' ? undefined : await upload(author, 'image')
  const titleWord = word()
  const created = await payload.create({
    collection: slug,
    data: contentData(slug, `Tài liệu ${titleWord}`, level, pdf, image) as never,
    draft: true,
    overrideAccess: false,
    user: member(author)!.user,
  })
  const doc: Doc = { slug, id: created.id, level, published: false, author, titleWord, pdf, image }
  if (random() < 0.7) await setPublished(doc, true)
  log.push(`${slug} ${doc.id} at ${level} by ${author}, ${doc.published ? 'published' : 'draft'}`)
  return doc
}

const setPublished = async (doc: Doc, published: boolean) => {
  await payload.update({
    collection: doc.slug,
    id: doc.id,
    data: { _status: published ? 'published' : 'draft' } as never,
    overrideAccess: false,
    user: member(publisherFor(doc.slug, doc.level))!.user,
  })
  doc.published = published
}

const step = async (): Promise<string | undefined> => {
  const doc = pick(docs)
  const action = pick(['level', 'level', 'publish', 'replace', 'replace', 'replace'] as const)
  if (action === 'level') {
    const level = pick(levels)
    await payload.update({ collection: doc.slug, id: doc.id, data: { accessLevel: level } as never, overrideAccess: false, user: school.admin.user })
    log.push(`admin moves ${doc.slug} ${doc.id} from ${doc.level} to ${level}`)
    doc.level = level
    return
  }
  if (action === 'publish') {
    await setPublished(doc, !doc.published)
    log.push(`${doc.slug} ${doc.id} now ${doc.published ? 'published' : 'draft'}`)
    return
  }
  const file = pick(filesOf(doc))
  const actor = pick(actors)
  const text = word()
  const upload = file.word ? await pdfFile(`Ban moi ${text}`, `${text}.pdf`) : await imageFile(`${text}.jpg`)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(upload.data)], { type: upload.mimetype }), upload.name)
  form.append('_payload', JSON.stringify({}))
  const response = await rest(payload, `/media/${file.id}?depth=0`, { body: form, method: 'PATCH', token: tokenOf(actor) })
  await response.arrayBuffer()
  const expected = mayReplace(actor, doc, file)
  log.push(`${actor} replaces file ${file.id} of ${doc.slug} ${doc.id}: ${response.status}`)
  if (expected && file.word) file.word = text
  if (expected !== response.ok || (!response.ok && ![401, 403, 404].includes(response.status))) {
    return `${actor} replacing file ${file.id} (${file.level}) of ${doc.published ? 'published' : 'draft'} ${doc.slug} ${doc.id} at ${doc.level}: expected ${expected ? 'success' : 'refusal'}, got ${response.status}`
  }
}

const graphQLNames: Record<Slug, { one: string; many: string }> = {
  'learning-materials': { one: 'LearningMaterial', many: 'LearningMaterials' },
  'library-items': { one: 'LibraryItem', many: 'LibraryItems' },
  announcements: { one: 'Announcement', many: 'Announcements' },
  'regulatory-documents': { one: 'RegulatoryDocument', many: 'RegulatoryDocuments' },
}

/** Whether each surface showed the document (or file) to the actor. */
const observeDoc = async (actor: Actor, doc: Doc): Promise<Record<string, boolean>> => {
  const token = tokenOf(actor)
  const body = async (path: string) => {
    const response = await rest(payload, path, { token })
    return { ok: response.ok, json: (await response.json()) as Record<string, any> }
  }
  const { one, many } = graphQLNames[doc.slug]
  const id = JSON.stringify(doc.id)
  const gql = await graphql<Record<string, any>>(
    payload,
    `{ one: ${one}(id: ${id}, draft: true) { id } many: ${many}(where: { id: { equals: ${id} } }, draft: true) { docs { id } } versions: versions${many}(where: { parent: { equals: ${id} } }) { totalDocs } }`,
    { token },
  )
  const list = await body(`/${doc.slug}?depth=0&draft=true&where[id][equals]=${doc.id}`)
  const byId = await body(`/${doc.slug}/${doc.id}?depth=0&draft=true`)
  const versions = await body(`/${doc.slug}/versions?depth=0&where[parent][equals]=${doc.id}`)
  const found = async (q: string) => (await search(payload, { q }, { token })).hits.some((hit) => hit.id === `${doc.slug}-${doc.id}`)
  return {
    'REST list': list.ok && list.json.docs.length > 0,
    'REST by id': byId.ok && String(byId.json.id) === String(doc.id),
    'REST versions': versions.ok && versions.json.totalDocs > 0,
    'GraphQL by id': String(gql.data?.one?.id) === String(doc.id),
    'GraphQL list': (gql.data?.many?.docs?.length ?? 0) > 0,
    'GraphQL versions': (gql.data?.versions?.totalDocs ?? 0) > 0,
    'search by title': await found(doc.titleWord),
    'search by file text': await found(doc.pdf.word!),
  }
}

const observeFile = async (actor: Actor, file: File): Promise<Record<string, boolean>> => {
  const token = tokenOf(actor)
  const stored = (await payload.findByID({ collection: 'media', id: file.id, depth: 0, overrideAccess: true })) as unknown as {
    filename: string
    sizes?: Record<string, { filename?: null | string }>
  }
  const names = [stored.filename, ...Object.values(stored.sizes ?? {}).flatMap((size) => (size.filename ? [size.filename] : []))]
  const seen: Record<string, boolean> = {}
  const byId = await rest(payload, `/media/${file.id}?depth=0`, { token })
  seen['REST by id'] = byId.ok && String(((await byId.json()) as { id?: Id }).id) === String(file.id)
  const gql = await graphql<{ Media: { id: Id } | null }>(payload, `{ Media(id: ${JSON.stringify(file.id)}) { id } }`, { token })
  seen['GraphQL by id'] = String(gql.data?.Media?.id) === String(file.id)
  for (const [index, name] of names.entries()) {
    const response = await rest(payload, `/media/file/${encodeURIComponent(name)}`, { token })
    seen[index === 0 ? 'file' : `size ${name}`] = response.ok && (await response.arrayBuffer()).byteLength > 0
  }
  return seen
}

beforeAll(async () => {
  payload = await bootPayload('review-property')
  payload.logger.level = 'fatal'
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

it(`every role's reads on every surface agree with the table after random levels, publications and file replacements (seed ${seed})`, async () => {
  const mismatches: string[] = []
  for (let n = 0; n < documentCount; n++) docs.push(await createDoc())
  for (let n = 0; n < stepCount; n++) {
    const refused = await step()
    if (refused) mismatches.push(refused)
  }
  await runSearchQueue(payload)
  for (const actor of actors) {
    for (const doc of docs) {
      const expected: Record<string, boolean> = {
        'REST list': readsDoc(actor, doc),
        'REST by id': readsDoc(actor, doc),
        'REST versions': readsVersions(actor, doc),
        'GraphQL by id': readsDoc(actor, doc),
        'GraphQL list': readsDoc(actor, doc),
        'GraphQL versions': readsVersions(actor, doc),
        'search by title': doc.published && mayRead(actor, doc.level),
        'search by file text': doc.published && mayRead(actor, doc.level),
      }
      const seen = await observeDoc(actor, doc)
      for (const [surface, want] of Object.entries(expected)) {
        if (seen[surface] !== want) mismatches.push(`${actor}, ${doc.slug} ${doc.id} (${doc.published ? 'published' : 'draft'}, ${doc.level}) on ${surface}: expected ${want ? 'seen' : 'hidden'}`)
      }
      for (const file of filesOf(doc)) {
        const want = readsFile(actor, file)
        for (const [surface, saw] of Object.entries(await observeFile(actor, file))) {
          if (saw !== want) mismatches.push(`${actor}, file ${file.id} (${file.level}) of ${doc.slug} ${doc.id} on ${surface}: expected ${want ? 'seen' : 'hidden'}`)
        }
      }
    }
  }
  if (mismatches.length > 0) {
    throw new Error(`PROPERTY_SEED=${seed}: ${mismatches.length} disagreements with the table\n${mismatches.slice(0, 30).join('\n')}\n\nThe run:\n${log.join('\n')}`)
  }
})
