import type { AccessLevel } from '../../access/accessLevels.js'
import { ageGroupOptions, materialTypeOptions } from '../../fields/options.js'
import { slugify } from '../../lib/slugify.js'
import { demoAccountName as nameOf, type AccountKey } from './accounts.js'
import { demoAnnouncements, type DemoAnnouncement } from './announcements.js'
import { demoDocuments, type DemoDocument } from './documents.js'
import { demoLibraryItems, type DemoLibraryItem } from './library.js'
import { demoMaterials, type DemoMaterial } from './materials.js'
import type { PdfLine, PdfSpec } from './pdf.js'
import { PLAN, planPdfLines, schoolLetterhead } from './plan.js'
import { plainLines } from './richText.js'

/** A PDF of the demo: what it shows, the file name it is uploaded under, by whom and for whom. */
export type DemoPdf = {
  name: string
  spec: PdfSpec
  accessLevel: AccessLevel
  uploader: AccountKey
}

const labelOf = (options: Array<{ value: string; label: { vi: string } }>, value: string) =>
  options.find((option) => option.value === value)?.label.vi ?? value

/** The plan's PDF: the register files it, and the announcement of the digital library attaches it. */
export const planPdfName = 'ke-hoach-45-kh-mnpl-chuyen-doi-so-2022-2025.pdf'

const planPdf = (): DemoPdf => ({
  name: planPdfName,
  spec: {
    title: PLAN.title,
    subject: PLAN.summary,
    letterhead: schoolLetterhead(PLAN.number, PLAN.issueDate),
    lines: planPdfLines(nameOf('admin')),
  },
  accessLevel: 'public',
  uploader: 'admin',
})

export const documentPdfName = (document: DemoDocument): string =>
  document.key === 'plan' ? planPdfName : `${slugify(document.documentNumber)}.pdf`

/** The school's own documents carry their text; others get the clerk's record sheet. */
const documentPdf = (document: DemoDocument): DemoPdf => {
  if (document.key === 'plan') return planPdf()
  const date = new Date(document.issueDate).toLocaleDateString('vi-VN', { timeZone: 'UTC' })
  const spec: PdfSpec = document.text
    ? {
        title: document.title,
        subject: document.summary,
        letterhead: schoolLetterhead(document.documentNumber, document.issueDate),
        lines: [
          { text: document.title.toUpperCase(), heading: true, align: 'center' },
          ...document.text.map((text): PdfLine => (text === 'QUYẾT ĐỊNH:' ? { text, bold: true, align: 'center' } : { text })),
          { text: `Nơi nhận: ${(document.recipients ?? []).join('; ')}.`, size: 10 },
          { text: (document.signerTitle ?? '').toUpperCase(), bold: true, align: 'right' },
          { text: '(Đã ký)', italic: true, align: 'right', size: 10 },
          { text: document.signer ?? '', bold: true, align: 'right' },
        ],
      }
    : {
        title: `${document.documentNumber} — ${document.title}`,
        subject: document.summary,
        author: 'Văn thư Trường Mầm non Phục Lễ',
        lines: [
          { text: 'TRƯỜNG MẦM NON PHỤC LỄ — SỔ VĂN BẢN ĐẾN', bold: true, size: 10 },
          { text: 'PHIẾU THÔNG TIN VĂN BẢN', heading: true, align: 'center', size: 14 },
          { text: `Số, ký hiệu: ${document.documentNumber}` },
          { text: `Ngày ban hành: ${date}` },
          { text: `Cơ quan ban hành: ${document.issuingBody}` },
          { text: `Tên văn bản: ${document.title}` },
          { text: `Trích yếu: ${document.summary}` },
          { text: `Lĩnh vực: ${document.field}` },
          {
            text: 'Phiếu do văn thư nhà trường lập trong dữ liệu mẫu của Trường Số. Toàn văn văn bản xem tại Cơ sở dữ liệu quốc gia về văn bản pháp luật hoặc cổng thông tin của cơ quan ban hành.',
            italic: true,
            size: 10,
          },
        ],
      }
  return { name: documentPdfName(document), spec, accessLevel: document.accessLevel, uploader: document.filedBy }
}

export const materialPdfName = (material: DemoMaterial): string => `${slugify(material.title)}.pdf`

const materialPdf = (material: DemoMaterial): DemoPdf => ({
  name: materialPdfName(material),
  spec: {
    title: material.title,
    subject: material.summary,
    author: nameOf(material.author),
    lines: [
      { text: 'TRƯỜNG MẦM NON PHỤC LỄ', bold: true, size: 10 },
      {
        text: [
          labelOf(materialTypeOptions, material.materialType),
          material.ageGroups.map((group) => labelOf(ageGroupOptions, group)).join(', '),
          material.schoolYear ? `Năm học ${material.schoolYear}` : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        italic: true,
        size: 10,
      },
      { text: material.title.toUpperCase(), heading: true, align: 'center' },
      { text: material.summary, italic: true },
      ...plainLines(material.body),
      { text: `Người soạn: ${nameOf(material.author)}`, italic: true, align: 'right' },
    ],
  },
  // Its author is a teacher, who cannot publish: the file is staff-level and reaches the material's
  // readers once a reviewer publishes the material.
  accessLevel: 'staff',
  uploader: material.author,
})

export const libraryPdfName = (item: DemoLibraryItem): string => `${slugify(item.title)}.pdf`

// The clerk, who also keeps the library, scans and uploads its files.
const libraryPdf = (item: DemoLibraryItem, pages: NonNullable<DemoLibraryItem['pdf']>): DemoPdf => ({
  name: libraryPdfName(item),
  spec: {
    title: item.title,
    author: item.creators.join(', '),
    subject: item.description,
    lines: [{ text: item.title.toUpperCase(), heading: true, align: 'center', size: 16 }, ...plainLines(pages)],
  },
  accessLevel: item.accessLevel,
  uploader: 'staff',
})

/** The file an announcement attaches, if any. */
export const announcementPdfName = (announcement: DemoAnnouncement): string | undefined =>
  announcement.attachment === 'plan' ? planPdfName : announcement.attachment?.name

const announcementPdf = (announcement: DemoAnnouncement, attachment: { name: string; title: string }): DemoPdf => ({
  name: attachment.name,
  spec: {
    title: attachment.title,
    lines: [
      { text: 'TRƯỜNG MẦM NON PHỤC LỄ', bold: true, size: 10 },
      { text: attachment.title.toUpperCase(), heading: true, align: 'center', size: 14 },
      ...plainLines(announcement.body),
    ],
  },
  accessLevel: announcement.accessLevel,
  uploader: 'staff',
})

/**
 * Every PDF the demo uploads, each once, in the order the seed first needs them: the register's,
 * the learning materials', the library's, then the announcements' attachments. `now` dates the
 * announcements, whose attachments name the coming school year.
 */
export const demoPdfs = (now: Date): DemoPdf[] => {
  const all = [
    ...demoDocuments(nameOf('admin')).map(documentPdf),
    ...demoMaterials.filter((material) => material.pdf).map(materialPdf),
    ...demoLibraryItems.flatMap((item) => (item.pdf ? [libraryPdf(item, item.pdf)] : [])),
    ...demoAnnouncements(now).flatMap((announcement) =>
      typeof announcement.attachment === 'object' ? [announcementPdf(announcement, announcement.attachment)] : [],
    ),
  ]
  const byName = new Map<string, DemoPdf>()
  for (const pdf of all) {
    if (!byName.has(pdf.name)) byName.set(pdf.name, pdf)
  }
  return [...byName.values()]
}
