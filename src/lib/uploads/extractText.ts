import { zipEntries } from './zipEntries.js'

/**
 * Characters of text kept per file: a 150-page lesson plan holds about 500,000, so the cap only
 * stops the rare document that is a whole book (1,000,000 characters are about 1.3 MB of
 * Vietnamese). What comes before it is kept and searchable.
 */
export const maxTextLength = 1_000_000

/** How long one file may be read before what has been read so far is kept and the rest left. */
export const defaultExtractionMs = 60_000

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const pptxMime = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'

/** The types whose text is read; every other upload has no text to offer. */
export const hasExtractableText = (mime: null | string | undefined): boolean =>
  mime === 'application/pdf' || mime === docxMime || mime === pptxMime

/** What was read, and whether reading stopped early. */
export type ExtractedText = {
  text: string
  /** `cap`: more text than {@link maxTextLength}; `time`: the file took longer than allowed. */
  stoppedAt?: 'cap' | 'time'
}

const tidy = (text: string): string => text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim()

const capped = (text: string, stoppedAt?: 'time'): ExtractedText => {
  const tidied = tidy(text)
  if (tidied.length > maxTextLength) return { stoppedAt: 'cap', text: tidied.slice(0, maxTextLength) }
  return stoppedAt ? { stoppedAt, text: tidied } : { text: tidied }
}

/** Between pages, so the requests the server answers meanwhile are not kept waiting. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Reads page by page rather than all pages at once (as unpdf's `extractText` does), so memory
 * stays one page deep, other work runs between pages, and reading stops at the cap or the deadline.
 */
const pdfText = async (data: Buffer, deadline: number): Promise<ExtractedText> => {
  const { getDocumentProxy } = await import('unpdf')
  // PDF.js runs with eval off (unpdf's default too), so a crafted PDF cannot run script here.
  // Its warnings about damaged files go to the console; the job logs the outcome instead.
  const pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, verbosity: 0 })
  try {
    const pages: string[] = []
    let length = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      if (Date.now() > deadline) return capped(pages.join('\n'), 'time')
      const page = await pdf.getPage(number)
      const { items } = await page.getTextContent()
      page.cleanup()
      const text = items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
      pages.push(text)
      length += text.length
      // Tidying shrinks runs of spaces afterwards, so reading goes a little past the cap.
      if (length > maxTextLength * 1.1) break
      await yieldToOthers()
    }
    return capped(pages.join('\n'))
  } finally {
    await pdf.destroy()
  }
}

/** The largest slide part read; a real slide's XML is a few kilobytes. */
const maxSlideBytes = 8 * 1024 * 1024

const slideName = /^ppt\/slides\/slide(\d+)\.xml$/

const xmlEntities: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' }

const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|apos|gt|lt|quot);/gi, (_, entity: string) =>
    entity.startsWith('#')
      ? String.fromCodePoint(entity[1].toLowerCase() === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1)))
      : xmlEntities[entity.toLowerCase()],
  )

/** The runs (`a:t`) of each DrawingML paragraph (`a:p`), one paragraph a line. */
const drawingText = (xml: string): string =>
  xml
    .split('</a:p>')
    .map((paragraph) => [...paragraph.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/g)].map(([, text]) => decodeXml(text)).join(''))
    .filter((line) => line.trim())
    .join('\n')

/** The text of every slide of a PowerPoint file, in slide order. */
const pptxText = (data: Buffer): string =>
  [...zipEntries(data, (name) => slideName.test(name), maxSlideBytes)]
    .sort(([a], [b]) => Number(slideName.exec(a)![1]) - Number(slideName.exec(b)![1]))
    .map(([, xml]) => drawingText(xml.toString('utf8')))
    .join('\n')

/**
 * The text of a PDF, Word or PowerPoint file, for search; `undefined` for types without text.
 * Never throws for size: text beyond {@link maxTextLength} is cut, and a PDF that takes longer
 * than `timeoutMs` gives what was read by then.
 *
 * @throws whatever the parser throws for a damaged file
 */
export const extractFileText = async (
  data: Buffer,
  mime: string,
  { timeoutMs = defaultExtractionMs }: { timeoutMs?: number } = {},
): Promise<ExtractedText | undefined> => {
  if (mime === 'application/pdf') return pdfText(data, Date.now() + timeoutMs)
  if (mime === docxMime) {
    const { default: mammoth } = await import('mammoth')
    const { value } = await mammoth.extractRawText({ buffer: data })
    return capped(value)
  }
  if (mime === pptxMime) return capped(pptxText(data))
  return undefined
}
