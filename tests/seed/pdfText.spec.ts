import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { extractText, getDocumentProxy } from 'unpdf'

import { demoFiles, makeDemoFiles } from '../../src/seed/demo/media.js'
import { demoPdfs, planPdfName } from '../../src/seed/demo/pdfs.js'

const run = promisify(execFile)

/** Text as a reader compares it: composed (NFC), whitespace collapsed, line and page breaks included. */
const normalised = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

const now = new Date()
const pdfs = demoPdfs(now)

/** Every paragraph a PDF prints: its letterhead's lines, then its body's. */
const paragraphsOf = (name: string): string[] => {
  const { spec } = pdfs.find((pdf) => pdf.name === name)!
  const letterhead = spec.letterhead ? [...spec.letterhead.left, ...spec.letterhead.right] : []
  return [...letterhead, ...spec.lines].map((line) => normalised(line.text)).filter(Boolean)
}

const missingFrom = (text: string, name: string) => {
  const found = normalised(text)
  return paragraphsOf(name).filter((paragraph) => !found.includes(paragraph))
}

describe('the demo PDFs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-pdftext-'))
  const bytes = new Map<string, Buffer>()

  beforeAll(async () => {
    // Made as the seed makes them, all in one process: whatever the PDFs share (parsed fonts,
    // measured words) is shared here too.
    const files = demoFiles(now).filter((file) => file.kind === 'pdf')
    const made = makeDemoFiles(files)
    for (const file of files) bytes.set(file.name, await made.get(file.key)!)
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('include the school plan, the register’s record sheets, lessons, e-books and notices', () => {
    expect(pdfs.map((pdf) => pdf.name)).toContain(planPdfName)
    expect(pdfs.length).toBeGreaterThan(20)
  })

  it.each(pdfs.map((pdf) => pdf.name))('%s gives back every paragraph to pdftotext', async (name) => {
    const file = path.join(dir, name)
    writeFileSync(file, bytes.get(name)!)
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 })
    expect(missingFrom(stdout, name)).toEqual([])
  })

  it.each(pdfs.map((pdf) => pdf.name))('%s gives back every paragraph to unpdf, as the search index reads it', async (name) => {
    const document = await getDocumentProxy(new Uint8Array(bytes.get(name)!), { isEvalSupported: false })
    const { text } = await extractText(document, { mergePages: true })
    expect(missingFrom(text, name)).toEqual([])
  })
})
