import {
  ageGroupOptions,
  documentRelationOptions,
  documentTypeOptions,
  domainOptions,
  libraryItemTypeOptions,
  materialTypeOptions,
} from '../../../fields/options.js'

type Option = { label: { en: string; vi: string }; value: string }
type Doc = Record<string, unknown>

/** One Dublin Core element: its name without the `dc:` prefix, its text, and the text's language. */
export type DcElement = { name: DcName; value: string; lang?: string }

export type DcName =
  | 'contributor'
  | 'coverage'
  | 'creator'
  | 'date'
  | 'description'
  | 'format'
  | 'identifier'
  | 'language'
  | 'publisher'
  | 'relation'
  | 'rights'
  | 'source'
  | 'subject'
  | 'title'
  | 'type'

/** What a mapping may ask about the repository while it describes one document. */
export type MappingContext = {
  /** The site's address, without a trailing slash. */
  siteUrl: string
  /** The OAI identifier of another harvested document. */
  identifierOf: (collection: HarvestedSlug, id: number | string) => string
  /** The school's name, publisher of what it writes itself. */
  schoolName: string
}

export const harvestedSlugs = ['library-items', 'learning-materials', 'regulatory-documents'] as const
export type HarvestedSlug = (typeof harvestedSlugs)[number]

export type OaiSource = {
  slug: HarvestedSlug
  /** The set's name, Vietnamese first. */
  setName: string
  typeField: string
  typeOptions: Option[]
  hasAgeGroups: boolean
  dublinCore: (doc: Doc, context: MappingContext) => DcElement[]
}

const labelOf = (options: Option[], value: unknown): string | undefined =>
  options.find((option) => option.value === value)?.label.vi

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter((each): each is string => Boolean(each)) : [])
const day = (value: unknown): string | undefined => text(value)?.slice(0, 10)

const dc = (name: DcName, value: string | undefined, lang?: string): DcElement[] => (value ? [{ name, value, lang }] : [])

/** MIME types of the attached files the reader may open (unreadable ones stay unpopulated ids). */
const formatsOf = (...fields: unknown[]): DcElement[] => {
  const types = new Set<string>()
  for (const field of fields) {
    for (const file of Array.isArray(field) ? field : [field]) {
      const mimeType = text((file as { mimeType?: unknown } | null)?.mimeType)
      if (mimeType) types.add(mimeType)
    }
  }
  return [...types].map((value) => ({ name: 'format', value }))
}

const ageSubjects = (doc: Doc): DcElement[] =>
  texts(doc.ageGroups).flatMap((age) => dc('subject', labelOf(ageGroupOptions, age), 'vi'))

/** DCMI Type Vocabulary terms (https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/). */
const dcmiTypeOfLibraryItem: Record<string, string> = {
  audiobook: 'Sound',
  book: 'Text',
  comic: 'Text',
  ebook: 'Text',
  magazine: 'Text',
  reference: 'Text',
  video: 'MovingImage',
}

const dcmiTypeOfMaterial: Record<string, string> = {
  assessment: 'Text',
  audio: 'Sound',
  'e-lecture': 'InteractiveResource',
  game: 'InteractiveResource',
  'lesson-plan': 'Text',
  pictures: 'StillImage',
  slides: 'Text',
  'song-poem-story': 'Text',
  video: 'MovingImage',
  worksheet: 'Text',
}

const libraryItem: OaiSource = {
  slug: 'library-items',
  setName: 'Thư viện số · Digital library',
  typeField: 'itemType',
  typeOptions: libraryItemTypeOptions,
  hasAgeGroups: true,
  dublinCore: (doc, { siteUrl }) => {
    const language = text(doc.language)
    const isbn = text(doc.isbn)
    return [
      ...dc('title', text(doc.title), 'vi'),
      ...texts(doc.creators).flatMap((creator) => dc('creator', creator)),
      ...texts(doc.subjects).flatMap((subject) => dc('subject', subject)),
      ...ageSubjects(doc),
      ...dc('description', text(doc.description), 'vi'),
      ...dc('publisher', text(doc.publisher)),
      ...dc('date', typeof doc.year === 'number' ? String(doc.year) : undefined),
      ...dc('type', dcmiTypeOfLibraryItem[String(doc.itemType)]),
      ...dc('type', labelOf(libraryItemTypeOptions, doc.itemType), 'vi'),
      ...formatsOf(doc.files),
      ...dc('identifier', `${siteUrl}/thu-vien/${doc.id}`),
      ...dc('identifier', isbn ? `URN:ISBN:${isbn}` : undefined),
      ...dc('language', language && language !== 'other' ? language : undefined),
      ...dc('rights', text(doc.licence)),
    ]
  },
}

const learningMaterial: OaiSource = {
  slug: 'learning-materials',
  setName: 'Học liệu số · Learning materials',
  typeField: 'materialType',
  typeOptions: materialTypeOptions,
  hasAgeGroups: true,
  dublinCore: (doc, { schoolName, siteUrl }) => [
    ...dc('title', text(doc.title), 'vi'),
    ...dc('creator', text((doc.author as { name?: unknown } | null)?.name)),
    ...dc('subject', text(doc.topic), 'vi'),
    ...texts(doc.domains).flatMap((domain) => dc('subject', labelOf(domainOptions, domain), 'vi')),
    ...ageSubjects(doc),
    ...texts(doc.tags).flatMap((tag) => dc('subject', tag, 'vi')),
    ...dc('description', text(doc.summary), 'vi'),
    ...dc('publisher', schoolName),
    ...dc('date', day(doc.createdAt)),
    ...dc('type', dcmiTypeOfMaterial[String(doc.materialType)]),
    ...dc('type', labelOf(materialTypeOptions, doc.materialType), 'vi'),
    ...formatsOf(doc.files),
    ...dc('identifier', `${siteUrl}/hoc-lieu/${text(doc.slug) ?? doc.id}`),
    ...dc('relation', text(doc.videoUrl)),
    ...dc('language', 'vi'),
  ],
}

const relatedId = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return undefined
  const id = (value as { id?: unknown } | null)?.id
  return typeof id === 'number' || typeof id === 'string' ? id : undefined
}

const regulatoryDocument: OaiSource = {
  slug: 'regulatory-documents',
  setName: 'Văn bản · Official documents',
  typeField: 'documentType',
  typeOptions: documentTypeOptions,
  hasAgeGroups: false,
  dublinCore: (doc, { identifierOf, siteUrl }) => {
    const signer = [text(doc.signer), text(doc.signerTitle)].filter(Boolean).join(', ')
    const relations = (Array.isArray(doc.relatedDocuments) ? doc.relatedDocuments : []) as Array<{ relation?: unknown; document?: unknown }>
    return [
      ...dc('title', text(doc.title), 'vi'),
      ...dc('creator', text(doc.issuingBody)),
      ...dc('contributor', signer || undefined),
      ...dc('subject', text(doc.field), 'vi'),
      ...dc('description', text(doc.summary), 'vi'),
      ...dc('date', day(doc.issueDate)),
      ...dc('type', 'Text'),
      ...dc('type', labelOf(documentTypeOptions, doc.documentType), 'vi'),
      ...formatsOf(doc.file),
      ...dc('identifier', text(doc.documentNumber)),
      ...dc('identifier', `${siteUrl}/van-ban/${doc.id}`),
      ...dc('language', 'vi'),
      // Only documents the reader may open are populated; the others stay bare ids and are left out.
      ...relations.flatMap(({ document, relation }) => {
        const id = relatedId(document)
        const label = labelOf(documentRelationOptions, relation)
        return id === undefined ? [] : dc('relation', `${label ?? String(relation)}: ${identifierOf('regulatory-documents', id)}`, 'vi')
      }),
      ...(Array.isArray(doc.replacedBy) ? doc.replacedBy : []).flatMap((replacement: unknown) => {
        const id = relatedId(replacement)
        return id === undefined ? [] : dc('relation', `Bị thay thế bởi: ${identifierOf('regulatory-documents', id)}`, 'vi')
      }),
    ]
  },
}

/** The harvested collections, in the order lists run through them. */
export const oaiSources: OaiSource[] = [libraryItem, learningMaterial, regulatoryDocument]

export const ageSet = 'age'

/** Every set a document belongs to: its collection, its type within it, and its age groups. */
export const setSpecsOf = (source: OaiSource, doc: Doc): string[] => {
  const type = text(doc[source.typeField])
  const ages = source.hasAgeGroups ? texts(doc.ageGroups) : []
  return [
    source.slug,
    ...(type ? [`${source.slug}:${type}`] : []),
    ...(ages.length ? [ageSet, ...ages.map((age) => `${ageSet}:${age}`)] : []),
  ]
}

/** Every set of the repository with its name, parents before their children. */
export const allSets = (): Array<{ spec: string; name: string }> => [
  ...oaiSources.flatMap((source) => [
    { spec: source.slug, name: source.setName },
    ...source.typeOptions.map((option) => ({ spec: `${source.slug}:${option.value}`, name: `${source.setName}: ${option.label.vi}` })),
  ]),
  { spec: ageSet, name: 'Độ tuổi · Age groups' },
  ...ageGroupOptions.map((option) => ({ spec: `${ageSet}:${option.value}`, name: `Độ tuổi: ${option.label.vi}` })),
]
