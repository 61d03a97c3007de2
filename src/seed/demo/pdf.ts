import fontkit from '@pdf-lib/fontkit'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

/** One line of a generated PDF: a paragraph (wrapped), a heading, or a list item. */
export type PdfLine = {
  text: string
  heading?: boolean
  bullet?: string
  bold?: boolean
  italic?: boolean
  align?: 'center' | 'left' | 'right'
  size?: number
}

/** A line of the letterhead; regular unless marked. */
export type LetterheadLine = { text: string; bold?: boolean; italic?: boolean }

/** The two-column heading of a Vietnamese administrative document (Decree 30/2020/NĐ-CP). */
export type PdfLetterhead = { left: LetterheadLine[]; right: LetterheadLine[] }

export type PdfSpec = {
  title: string
  author?: string
  subject?: string
  letterhead?: PdfLetterhead
  lines: PdfLine[]
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 }
const BODY_SIZE = 11.5
const LEADING = 1.45
const INK = rgb(0.1, 0.1, 0.12)

// The standard PDF fonts cannot draw "ệ" or "ữ": DejaVu covers the whole Vietnamese alphabet.
const fontDir = () => path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')

let fontBytes: Promise<Record<'bold' | 'regular', Buffer>> | undefined
const loadFonts = () =>
  (fontBytes ??= Promise.all(
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => readFile(path.join(fontDir(), file))),
  ).then(([regular, bold]) => ({ regular, bold })))

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]

/**
 * Parsing DejaVu's tables costs more than drawing a page, so each font file is parsed once and its
 * tables are shared by all the demo's PDFs. Its glyphs are not: fontkit keeps with each glyph the
 * characters it was first laid out for, and a glyph first met while another PDF's subset was
 * written (the "A" inside a composite "Ấ") has none, so a later PDF would map that letter to no
 * text at all. Each PDF gets a view of the parsed font with a glyph cache (`_glyphs`) of its own.
 */
type ParsedFont = ReturnType<Fontkit['create']>
const parsedFonts = new Map<Uint8Array, ParsedFont>()
const cachingFontkit: Fontkit = {
  create: (buffer, postscriptName) => {
    let parsed = parsedFonts.get(buffer)
    if (!parsed) {
      parsed = fontkit.create(buffer, postscriptName)
      parsedFonts.set(buffer, parsed)
    }
    return Object.create(parsed, { _glyphs: { value: {} } }) as ParsedFont
  },
}

// Italic is the regular face slanted: a third embedded font would cost more than the whole page.
const ITALIC = degrees(12)

/**
 * The units a line may break between: words, except that a word ending in a hyphen ("-" alone in
 * "dạy - học", or "4-" in "4- 5 tuổi") stays with the next one. Text extractors such as pdftotext
 * read a line ending in a hyphen as a word hyphenated across lines and join the halves without it.
 */
const breakableUnits = (text: string): string[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .reduce<string[]>((units, word) => {
      const previous = units.at(-1)
      if (previous?.endsWith('-')) units[units.length - 1] = `${previous} ${word}`
      else units.push(word)
      return units
    }, [])

type Face = 'bold' | 'regular'

/**
 * Widths at size 1 of the words met so far, per face. Measuring is a full layout of the word, and
 * Vietnamese text repeats its syllables: each is measured once for all the demo's PDFs.
 */
const widths: Record<Face, Map<string, number>> = { bold: new Map(), regular: new Map() }

const widthOf = (fonts: Record<Face, PDFFont>, face: Face, text: string, size: number): number => {
  let width = widths[face].get(text)
  if (width === undefined) {
    width = fonts[face].widthOfTextAtSize(text, 1)
    widths[face].set(text, width)
  }
  return width * size
}

/** Breaks `text` into lines no wider than `width`, each with its own width. */
const wrap = (text: string, measure: (text: string) => number, width: number): Array<{ text: string; width: number }> => {
  const space = measure(' ')
  const lines: Array<{ text: string; width: number }> = []
  let current = ''
  let currentWidth = 0
  for (const unit of breakableUnits(text)) {
    const unitWidth = measure(unit)
    if (current && currentWidth + space + unitWidth > width) {
      lines.push({ text: current, width: currentWidth })
      current = unit
      currentWidth = unitWidth
    } else {
      currentWidth += (current ? space : 0) + unitWidth
      current = current ? `${current} ${unit}` : unit
    }
  }
  if (current) lines.push({ text: current, width: currentWidth })
  return lines.length > 0 ? lines : [{ text: '', width: 0 }]
}

/**
 * Renders text as an A4 PDF with embedded (subset) Vietnamese fonts, so the demo's documents open
 * in any viewer and their text can be selected and indexed.
 */
export async function writePdf(spec: PdfSpec): Promise<Buffer> {
  const bytes = await loadFonts()
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(cachingFontkit)
  // pdf-lib sets glyphs by their advance widths and never reads fontkit's positions (kerning,
  // marks): switching those features off halves the layout work and changes no byte of the page.
  // A fresh object each time: fontkit writes its defaults into the one it is given.
  const features = () => ({ kern: false, mark: false, mkmk: false })
  const fonts: Record<Face, PDFFont> = {
    regular: await pdf.embedFont(bytes.regular, { subset: true, features: features() }),
    bold: await pdf.embedFont(bytes.bold, { subset: true, features: features() }),
  }
  pdf.setTitle(spec.title)
  pdf.setAuthor(spec.author ?? 'Trường Mầm non Phục Lễ')
  pdf.setSubject(spec.subject ?? spec.title)
  pdf.setLanguage('vi-VN')
  pdf.setProducer('Trường Số — dữ liệu minh họa')
  pdf.setCreator('Trường Số')

  const contentWidth = PAGE.width - 2 * PAGE.margin
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height])
  let y = PAGE.height - PAGE.margin

  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height])
    y = PAGE.height - PAGE.margin
  }

  const draw = (value: string, x: number, font: PDFFont, size: number, italic = false) =>
    page.drawText(value, { x, y: y - size, size, font, color: INK, ...(italic ? { ySkew: ITALIC } : {}) })

  if (spec.letterhead) {
    const columnWidth = contentWidth / 2
    const rows = Math.max(spec.letterhead.left.length, spec.letterhead.right.length)
    for (let row = 0; row < rows; row += 1) {
      const size = 10.5
      for (const [column, lines] of [spec.letterhead.left, spec.letterhead.right].entries()) {
        const line = lines[row]
        if (!line?.text) continue
        const face: Face = line.bold ? 'bold' : 'regular'
        const left = PAGE.margin + column * columnWidth
        draw(line.text, left + (columnWidth - widthOf(fonts, face, line.text, size)) / 2, fonts[face], size, line.italic)
      }
      y -= size * LEADING
    }
    y -= BODY_SIZE
  }

  for (const line of spec.lines) {
    const size = line.size ?? (line.heading ? BODY_SIZE + 0.5 : BODY_SIZE)
    const face: Face = line.heading || line.bold ? 'bold' : 'regular'
    const indent = line.bullet ? 18 : 0
    const wrapped = wrap(line.text, (text) => widthOf(fonts, face, text, size), contentWidth - indent)
    if (line.heading) y -= size * 0.4
    for (const [index, { text: value, width }] of wrapped.entries()) {
      if (y - size * LEADING < PAGE.margin) newPage()
      const x =
        line.align === 'center'
          ? PAGE.margin + (contentWidth - width) / 2
          : line.align === 'right'
            ? PAGE.width - PAGE.margin - width
            : PAGE.margin + indent
      if (line.bullet && index === 0) draw(line.bullet, PAGE.margin + 2, fonts.regular, size)
      draw(value, x, fonts[face], size, line.italic)
      y -= size * LEADING
    }
    y -= size * 0.25
  }

  return Buffer.from(await pdf.save())
}
