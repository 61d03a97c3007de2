import { megabyte } from './allowlist.js'

/** Files larger than this are not read for search: their size says little about their text. */
const maxExtractBytes = 30 * megabyte
/** Characters kept per file: enough for search, small enough for the index. */
const maxTextLength = 100_000

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const tidy = (text: string): string => text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim().slice(0, maxTextLength)

/**
 * The text of a PDF or Word file, extracted once at upload for search. PDF.js runs with eval off
 * (unpdf's default), so a crafted PDF cannot run script here. Other types have no text to offer.
 */
export const extractFileText = async (data: Buffer, mime: string): Promise<string | undefined> => {
  if (data.length > maxExtractBytes) return undefined
  if (mime === 'application/pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf')
    const pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false })
    const { text } = await extractText(pdf, { mergePages: true })
    return tidy(text)
  }
  if (mime === docxMime) {
    const { default: mammoth } = await import('mammoth')
    const { value } = await mammoth.extractRawText({ buffer: data })
    return tidy(value)
  }
  return undefined
}
