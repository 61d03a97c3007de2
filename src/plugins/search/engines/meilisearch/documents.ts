import { isAccessLevel } from '../../../../access/accessLevels.js'
import type { SearchDocument } from '../types.js'
import { MeilisearchDocumentError } from './errors.js'
import { toneWordsOf } from './tones.js'

/** A document as stored in Meilisearch: the search document plus its exact-tone words. */
export type IndexedDocument = SearchDocument & {
  /** The rest of a long text beyond `text`, in parts keyed "1", "2"…; see {@link textPartLength}. */
  textMore?: Record<string, string>
  /** Encoded words with marks from every searchable attribute; see `tones.ts`. */
  toneWords: string[]
}

/**
 * Characters of text per attribute. Meilisearch indexes the words of one attribute up to position
 * 65,535 and silently drops the rest; each word takes the next position, 8 after a hard separator
 * (`. `, `, `, `!`, `?`, `;`; a line break is soft). So the text of a long file (a 150-page plan
 * holds some 110,000 words) is cut into parts, each a nested attribute of `textMore` with
 * positions of its own. 20,000 characters of Vietnamese prose are some 4,500 words and a few
 * hundred sentences: about 7,000 positions, far under the limit (only text made of one-letter
 * words each followed by `!`, `?` or `;` would reach it).
 */
export const textPartLength = 20_000

/** Cuts `text` into parts of at most `textPartLength` characters, at a space where there is one. */
export const textParts = (text: string): string[] => {
  const parts: string[] = []
  let rest = text
  while (rest.length > textPartLength) {
    const space = rest.lastIndexOf(' ', textPartLength)
    const cut = space > textPartLength / 2 ? space : textPartLength
    parts.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  parts.push(rest)
  return parts
}

const withTextParts = (document: SearchDocument): Pick<IndexedDocument, 'text' | 'textMore'> => {
  if (!document.text || document.text.length <= textPartLength) return { text: document.text }
  const [first, ...more] = textParts(document.text)
  return { text: first, textMore: Object.fromEntries(more.map((part, index) => [String(index + 1), part])) }
}

/** Meilisearch document ids: letters, digits, `-` and `_`, at most 511 bytes. */
const documentIdPattern = /^[A-Za-z0-9_-]{1,511}$/

/** True when Meilisearch would accept this document id. */
export const isValidDocumentId = (id: string): boolean => typeof id === 'string' && documentIdPattern.test(id)

const problemOf = (document: SearchDocument): string | undefined => {
  if (!isValidDocumentId(document.id)) return 'id may only hold letters, digits, - and _'
  if (document.id !== `${document.collection}-${document.docId}`) return 'id is not `${collection}-${docId}`'
  if (!isAccessLevel(document.accessLevel)) return `unknown access level ${JSON.stringify(document.accessLevel)}`
  if (typeof document.title !== 'string') return 'title is missing'
  return undefined
}

/**
 * Checks every document, then shapes it for the index. Fails closed: one document with an id
 * Meilisearch would refuse (and so fail the whole batch) or an access level no filter would ever
 * match is an error for the batch, before anything is sent.
 * @throws MeilisearchDocumentError naming the offending ids
 */
export const toIndexedDocuments = (documents: SearchDocument[]): IndexedDocument[] => {
  const problems = documents.flatMap((document) => {
    const problem = problemOf(document)
    return problem ? [`${JSON.stringify(document.id)}: ${problem}`] : []
  })
  if (problems.length > 0) {
    throw new MeilisearchDocumentError(
      `refusing to index ${problems.length} document(s): ${problems.slice(0, 5).join('; ')}`,
      documents.filter((document) => problemOf(document)).map((document) => String(document.id)),
    )
  }
  return documents.map((document) => ({
    ...document,
    ...withTextParts(document),
    toneWords: toneWordsOf(document.title, document.documentNumber, document.summary, document.text),
  }))
}

/** A request body ready to send: a JSON array and how many documents it holds. */
export type DocumentBatch = { body: string; count: number; ids: string[] }

/**
 * Groups documents into JSON bodies of at most `maxDocuments` documents and `maxBytes` bytes,
 * serializing each document once. The size is measured on the UTF-8 bytes actually sent, since
 * Vietnamese text takes more bytes than characters.
 * @throws MeilisearchDocumentError for a single document larger than `maxBytes`
 */
export const toBatches = (
  documents: IndexedDocument[],
  { maxBytes, maxDocuments }: { maxBytes: number; maxDocuments: number },
): DocumentBatch[] => {
  const batches: DocumentBatch[] = []
  let parts: string[] = []
  let ids: string[] = []
  let bytes = 2
  const flush = () => {
    if (parts.length === 0) return
    batches.push({ body: `[${parts.join(',')}]`, count: parts.length, ids })
    parts = []
    ids = []
    bytes = 2
  }
  for (const document of documents) {
    const json = JSON.stringify(document)
    const size = Buffer.byteLength(json, 'utf8')
    if (size + 2 > maxBytes) {
      throw new MeilisearchDocumentError(
        `document ${document.id} is ${size} bytes, over the ${maxBytes}-byte batch limit`,
        [document.id],
      )
    }
    const separator = parts.length > 0 ? 1 : 0
    if (parts.length >= maxDocuments || bytes + separator + size > maxBytes) flush()
    bytes += (parts.length > 0 ? 1 : 0) + size
    parts.push(json)
    ids.push(document.id)
  }
  flush()
  return batches
}
