/**
 * Fills a fresh embedded database with N realistic Vietnamese documents for the benchmarks:
 * accounts and a few cover images go through the Local API (so image sizes exist), the documents
 * themselves through `payload.db.create` in batched transactions. That bypasses hooks and queues,
 * which is fine for bench data: the server rebuilds its embedded index from the database at start.
 *
 *   NODE_OPTIONS=--conditions=development tsx bench/generate.ts <dataDir> [count]
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AccessLevel } from '../src/access/accessLevels.js'
import type { SearchDocument } from '../src/plugins/search/engines/types.js'

import { documentMatchKey, parseDocumentNumber } from '../src/lib/documentNumber.js'
import { slugify } from '../src/lib/slugify.js'
import { demoAccounts, demoPassword } from '../src/seed/demo/accounts.js'
import { illustrations, renderJpeg } from '../src/seed/demo/images.js'
import { richText } from '../src/seed/demo/richText.js'
import { TOPICS } from '../src/seed/demo/vocabulary.js'

export type GenerateOptions = { count?: number; dataDir: string; keepOpen?: boolean }
export type GenerateReport = {
  counts: Record<string, number>
  ms: number
  payload?: Payload
  phases: Record<string, number>
  published: Record<string, number>
}

/** A deterministic generator, so two runs bench the same data. */
const rng = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
const random = rng(20261128)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const some = <T>(items: readonly T[], max: number): T[] =>
  [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items)))]
const chance = (p: number) => random() < p

const levels: Array<[AccessLevel, number]> = [['public', 0.5], ['parents', 0.25], ['staff', 0.2], ['leadership', 0.05]]
const accessLevel = (): AccessLevel => {
  let r = random()
  for (const [level, p] of levels) if ((r -= p) < 0) return level
  return 'public'
}

const topics = Object.values(TOPICS)
const activities = [
  'Khám phá', 'Làm quen với toán', 'Làm quen chữ cái', 'Tạo hình', 'Âm nhạc', 'Thể dục', 'Văn học',
  'Kỹ năng sống', 'Trò chơi dân gian', 'Hoạt động ngoài trời', 'Góc xây dựng', 'Góc phân vai',
]
const subjects = [
  'Bé yêu trường mầm non', 'Gia đình thân yêu của bé', 'Các con vật nuôi trong gia đình', 'Cây xanh quanh bé',
  'Bé đi đường an toàn', 'Nước và sự kỳ diệu', 'Tết Nguyên đán cổ truyền', 'Quê hương Thủy Nguyên', 'Bác Hồ kính yêu',
  'Chú bộ đội', 'Ngày hội của cô giáo', 'Mùa xuân của bé', 'Các loại rau củ quả', 'Đồ dùng trong lớp học',
  'Phương tiện giao thông đường thủy', 'Côn trùng có ích', 'Mưa và cầu vồng', 'Các nghề trong xã hội',
  'Bé tập đếm đến 10', 'Hình tròn, hình vuông, hình tam giác', 'Chữ cái o, ô, ơ', 'Truyện Thỏ con không vâng lời',
  'Bài thơ Hoa kết trái', 'Bài hát Cả nhà thương nhau', 'Vệ sinh răng miệng', 'Rửa tay bằng xà phòng',
]
const materialTypes = ['lesson-plan', 'e-lecture', 'slides', 'video', 'audio', 'pictures', 'worksheet', 'song-poem-story', 'game', 'assessment']
const materialLabels: Record<string, string> = {
  'lesson-plan': 'Giáo án', 'e-lecture': 'Bài giảng điện tử', slides: 'Bài trình chiếu', video: 'Video',
  audio: 'Audio', pictures: 'Tranh ảnh', worksheet: 'Phiếu học tập', 'song-poem-story': 'Bài hát – thơ – truyện',
  game: 'Trò chơi', assessment: 'Đánh giá',
}
const ageGroups = ['nha-tre', 'mau-giao-be', 'mau-giao-nho', 'mau-giao-lon']
const ageLabels: Record<string, string> = { 'nha-tre': 'nhà trẻ', 'mau-giao-be': 'lớp Mẫu giáo bé', 'mau-giao-nho': 'lớp Mẫu giáo nhỡ', 'mau-giao-lon': 'lớp Mẫu giáo lớn' }
const domains = ['the-chat', 'nhan-thuc', 'ngon-ngu', 'tinh-cam-xa-hoi', 'tham-my']
const tags = ['STEAM', 'Montessori', 'kỹ năng', 'an toàn', 'dinh dưỡng', 'vận động', 'âm nhạc', 'tạo hình', 'đọc sách', 'môi trường']
const sentences = [
  'Trẻ biết tên gọi, đặc điểm nổi bật và lợi ích của đối tượng được khám phá.',
  'Trẻ mạnh dạn trả lời câu hỏi của cô, biết diễn đạt bằng câu trọn vẹn.',
  'Cô chuẩn bị tranh ảnh, lô tô và nhạc bài hát phù hợp với chủ đề.',
  'Tổ chức cho trẻ hoạt động theo nhóm nhỏ, khuyến khích trẻ hợp tác với bạn.',
  'Cuối hoạt động, cô nhận xét, tuyên dương và động viên trẻ.',
  'Phụ huynh phối hợp cùng nhà trường cho trẻ ôn luyện ở nhà.',
  'Hoạt động giúp trẻ phát triển vận động tinh và khả năng quan sát.',
  'Trẻ được trải nghiệm thực tế tại vườn trường và góc thiên nhiên.',
  'Giáo viên lồng ghép giáo dục kỹ năng sống và bảo vệ môi trường.',
  'Nhà trường đảm bảo an toàn tuyệt đối cho trẻ trong suốt quá trình tổ chức.',
  'Thực đơn được xây dựng cân đối dinh dưỡng theo mùa và theo độ tuổi.',
  'Kế hoạch được triển khai tới toàn thể cán bộ, giáo viên, nhân viên trong trường.',
]
const paragraphs = (n: number) => Array.from({ length: n }, () => some(sentences, 3).join(' '))

const libraryTypes = ['book', 'ebook', 'comic', 'magazine', 'reference', 'audiobook', 'video']
const libraryTitles = [
  'Truyện cổ tích Việt Nam chọn lọc', 'Dế Mèn phiêu lưu ký', 'Tuyển tập thơ cho bé', 'Bé học toán qua trò chơi',
  'Cẩm nang dinh dưỡng cho trẻ mầm non', 'Tạp chí Giáo dục mầm non', 'Hướng dẫn tổ chức hoạt động góc',
  'Sự tích bánh chưng bánh giầy', 'Cây tre trăm đốt', 'Tấm Cám', 'Thạch Sanh', 'Sơn Tinh Thủy Tinh',
  'Bé khám phá thế giới động vật', 'Chuyện của hạt mầm', 'Em yêu khoa học', 'Đồng dao cho bé',
]
const creators = ['Tô Hoài', 'Nguyễn Nhật Ánh', 'Phạm Hổ', 'Võ Quảng', 'Trần Đăng Khoa', 'Nguyễn Thị Ngọc Tú', 'Lê Thị Ánh Tuyết']
const publishers = ['NXB Giáo dục Việt Nam', 'NXB Kim Đồng', 'NXB Đại học Sư phạm', 'NXB Phụ nữ Việt Nam', 'NXB Trẻ']

const announcementCategories = ['news', 'notice', 'event', 'menu', 'enrolment']
const announcementTitles: Record<string, string[]> = {
  news: ['Ngày hội đến trường của bé', 'Hội thi giáo viên dạy giỏi cấp trường', 'Bé vui Trung thu', 'Tọa đàm ngày Nhà giáo Việt Nam 20/11'],
  notice: ['Thông báo nghỉ Tết Nguyên đán', 'Thông báo họp phụ huynh đầu năm học', 'Thông báo khám sức khỏe định kỳ cho trẻ', 'Thông báo thu các khoản đầu năm'],
  event: ['Lễ khai giảng năm học mới', 'Ngày hội thể thao của bé', 'Chương trình văn nghệ chào xuân', 'Tham quan trải nghiệm nông trại'],
  menu: ['Thực đơn tuần', 'Thực đơn mùa đông', 'Thực đơn bán trú tháng', 'Thực đơn nhà trẻ'],
  enrolment: ['Tuyển sinh năm học', 'Hướng dẫn hồ sơ tuyển sinh trực tuyến', 'Kế hoạch tuyển sinh lớp nhà trẻ', 'Thông báo kết quả tuyển sinh'],
}
const months = ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12']

const issuers: Array<{ body: string; code: string; types: Array<[string, string]>; legal?: boolean }> = [
  { body: 'Ủy ban nhân dân thành phố Hải Phòng', code: 'UBND', types: [['KH', 'KH'], ['QD', 'QĐ'], ['CV', '']] },
  { body: 'Sở Giáo dục và Đào tạo Hải Phòng', code: 'SGDĐT', types: [['CV', ''], ['KH', 'KH'], ['BC', 'BC']] },
  { body: 'Phòng Giáo dục và Đào tạo huyện Thủy Nguyên', code: 'PGDĐT', types: [['KH', 'KH'], ['CV', ''], ['QD', 'QĐ']] },
  { body: 'Trường Mầm non Phục Lễ', code: 'MNPL', types: [['KH', 'KH'], ['QD', 'QĐ'], ['BC', 'BC']] },
  { body: 'Bộ Giáo dục và Đào tạo', code: 'BGDĐT', types: [['TT', 'TT']], legal: true },
]
const documentSubjects = [
  'tổ chức các hoạt động giáo dục mầm non năm học', 'phòng chống dịch bệnh trong trường học', 'đảm bảo an toàn thực phẩm bếp ăn bán trú',
  'tuyển sinh vào lớp mầm non', 'kiểm định chất lượng giáo dục', 'bồi dưỡng thường xuyên giáo viên mầm non',
  'xây dựng trường học xanh – sạch – đẹp – an toàn', 'chương trình giáo dục mầm non', 'chuyển đổi số trong giáo dục',
  'phổ cập giáo dục mầm non cho trẻ em 5 tuổi', 'hội thi bé khỏe – bé ngoan', 'phòng cháy chữa cháy tại cơ sở giáo dục',
]

/**
 * Documents as a search index holds them, drawn from the same word lists by a generator of their
 * own (so the database generator's sequence is untouched): what `bench/engine.ts` gives both the
 * embedded engine and a plain MiniSearch index.
 */
export const searchDocuments = (count: number): SearchDocument[] => {
  const next = rng(20261130)
  const choose = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  const text = (sentenceCount: number) => Array.from({ length: sentenceCount }, () => choose(sentences)).join(' ')
  const titles = [...subjects, ...libraryTitles, ...documentSubjects, ...Object.values(announcementTitles).flat()]
  return Array.from({ length: count }, (_, i) => ({
    accessLevel: choose(levels)[0],
    collection: choose(mix).collection,
    docId: String(i + 1),
    facets: { type: choose(materialTypes), ageGroups: [choose(ageGroups)], domains: [choose(domains)] },
    id: `doc-${i + 1}`,
    summary: `${materialLabels[choose(materialTypes)]} ${choose(topics)} cho ${ageLabels[choose(ageGroups)]}. ${text(1)}`,
    text: text(12),
    title: `${choose(titles)} ${choose(months)}`,
    url: `/p/${i + 1}`,
  }))
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()

type Ids = { authors: number[]; media: number[]; staff: number }

const learningMaterial = (i: number, ids: Ids, published: boolean) => {
  const type = pick(materialTypes)
  const age = some(ageGroups, 2)
  const title = `${materialLabels[type]} ${pick(activities).toLowerCase()}: ${pick(subjects)} (${ageLabels[age[0]]}) #${i}`
  const when = isoDaysAgo(Math.floor(random() * 900))
  return {
    title: { vi: title },
    slug: `${slugify(title)}-${i}`,
    summary: { vi: paragraphs(1)[0] },
    body: { vi: richText([{ h: 'I. Mục đích – yêu cầu' }, ...paragraphs(2), { h: 'II. Tiến hành' }, { ol: paragraphs(3) }]) },
    materialType: type,
    topic: pick(topics),
    ageGroups: age,
    domains: some(domains, 2),
    cover: chance(0.7) ? pick(ids.media) : null,
    files: chance(0.3) ? [pick(ids.media)] : [],
    tags: some(tags, 3),
    accessLevel: accessLevel(),
    author: pick(ids.authors),
    schoolYear: '2025-2026',
    durationMinutes: 20 + Math.floor(random() * 20),
    reviewStatus: published ? 'approved' : 'draft',
    _status: published ? 'published' : 'draft',
    createdAt: when,
    updatedAt: when,
  }
}

const libraryItem = (i: number, ids: Ids, published: boolean) => {
  const when = isoDaysAgo(Math.floor(random() * 900))
  return {
    title: { vi: `${pick(libraryTitles)} – tập ${1 + (i % 12)}` },
    creators: some(creators, 2),
    publisher: pick(publishers),
    year: 1990 + Math.floor(random() * 36),
    language: 'vi',
    itemType: pick(libraryTypes),
    subjects: some(topics, 2),
    description: { vi: paragraphs(2).join('\n') },
    cover: chance(0.8) ? pick(ids.media) : null,
    files: [],
    ageGroups: some(ageGroups, 2),
    licence: 'Sử dụng nội bộ trong nhà trường',
    accessLevel: accessLevel(),
    _status: published ? 'published' : 'draft',
    createdAt: when,
    updatedAt: when,
  }
}

const announcement = (i: number, ids: Ids, published: boolean) => {
  const category = pick(announcementCategories)
  const title = `${pick(announcementTitles[category])} ${pick(months)} năm ${2024 + (i % 3)} (${i})`
  const publishedAt = isoDaysAgo(1 + Math.floor(random() * 700))
  return {
    title: { vi: title },
    slug: `${slugify(title)}-${i}`,
    excerpt: { vi: paragraphs(1)[0] },
    body: { vi: richText(paragraphs(3)) },
    category,
    cover: chance(0.6) ? pick(ids.media) : null,
    attachments: [],
    pinned: chance(0.01),
    publishedAt: published ? publishedAt : null,
    expiresAt: chance(0.1) ? isoDaysAgo(-30 + Math.floor(random() * 60)) : null,
    accessLevel: accessLevel(),
    _status: published ? 'published' : 'draft',
    createdAt: publishedAt,
    updatedAt: publishedAt,
  }
}

/** `number` is unique over the run, so every issuer + year + number is unique too. */
const regulatoryDocument = (i: number, _ids: Ids, published: boolean) => {
  const issuer = pick(issuers)
  const [documentType, typeCode] = pick(issuer.types)
  const year = 2018 + Math.floor(random() * 8)
  const number = i + 1
  const documentNumber = issuer.legal
    ? `${number}/${year}/${typeCode}-${issuer.code}`
    : typeCode ? `${number}/${typeCode}-${issuer.code}` : `${number}/${issuer.code}-VP`
  const parsed = parseDocumentNumber(documentNumber)
  if (!parsed) throw new Error(`generated an unparsable number: ${documentNumber}`)
  const issueYear = parsed.year ?? year
  const subject = pick(documentSubjects)
  const issueDate = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString()
  return {
    documentNumber,
    documentType,
    title: { vi: `${documentType === 'TT' ? 'Thông tư' : documentType === 'QD' ? 'Quyết định' : documentType === 'BC' ? 'Báo cáo' : documentType === 'CV' ? 'Công văn' : 'Kế hoạch'} về ${subject} ${year}` },
    summary: { vi: `V/v ${subject} năm ${year}–${year + 1}` },
    issuingBody: issuer.body,
    signer: pick(['Nguyễn Văn Tùng', 'Lê Thị Hồng Vân', 'Trần Quang Huy', 'Nguyễn Thị Hương']),
    signerTitle: pick(['Chủ tịch', 'Giám đốc', 'Trưởng phòng', 'Hiệu trưởng']),
    issueDate,
    effectiveDate: issueDate,
    direction: issuer.code === 'MNPL' ? 'outgoing' : 'incoming',
    field: 'Giáo dục mầm non',
    recipients: ['Các trường mầm non', 'Lưu: VT'],
    validityStatus: 'in-force',
    numberParts: {
      issuerCode: parsed.issuerCode,
      matchKey: documentMatchKey(parsed, issueYear),
      normalized: parsed.normalized,
      number: parsed.number,
      typeCode: parsed.typeCode ?? null,
      unitCode: parsed.unitCode ?? null,
      year: issueYear,
    },
    accessLevel: accessLevel(),
    _status: published ? 'published' : 'draft',
    createdAt: issueDate,
    updatedAt: issueDate,
  }
}

const mix: Array<{ collection: CollectionSlug; make: (i: number, ids: Ids, published: boolean) => Record<string, unknown>; share: number }> = [
  { collection: 'learning-materials', make: learningMaterial, share: 0.45 },
  { collection: 'library-items', make: libraryItem, share: 0.25 },
  { collection: 'announcements', make: announcement, share: 0.2 },
  { collection: 'regulatory-documents', make: regulatoryDocument, share: 0.1 },
]

/** Boots Payload on `dataDir` (which should be empty) and fills it; see the file comment. */
export const generate = async ({ count = 10_000, dataDir, keepOpen = false }: GenerateOptions): Promise<GenerateReport> => {
  const started = performance.now()
  mkdirSync(dataDir, { recursive: true })
  process.env.DATA_DIR = dataDir
  process.env.MEDIA_DIR = path.join(dataDir, 'media')
  delete process.env.DATABASE_URL
  const { ensurePayloadSecret } = await import('../src/lib/secret.js')
  const { ensureOpsToken } = await import('../src/lib/opsToken.js')
  ensurePayloadSecret()
  ensureOpsToken()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config.js')
  const payload = await getPayload({ config })

  const users: Record<string, number> = {}
  for (const account of demoAccounts) {
    const user = await payload.create({
      collection: 'users',
      data: { email: account.email, name: account.name, password: demoPassword(), roles: account.roles },
      overrideAccess: true,
    })
    users[account.key] = user.id as number
  }
  const admin = await payload.findByID({ collection: 'users', id: users.admin, overrideAccess: true })
  const media: number[] = []
  for (const illustration of illustrations.slice(0, 4)) {
    const data = await renderJpeg(illustration)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: illustration.alt, accessLevel: 'public' },
      file: { data, mimetype: 'image/jpeg', name: `${illustration.name}.jpg`, size: data.length },
      depth: 0,
      overrideAccess: true,
      user: admin,
    })
    media.push(doc.id as number)
  }
  const phases: Record<string, number> = { bootAndUploadsMs: Math.round(performance.now() - started) }
  const ids: Ids = { authors: [users.teacher, users.teacher2, users.reviewer], media, staff: users.staff }

  // Bench data only: a crash mid-generation means generating again, so skip the fsyncs.
  await (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute('PRAGMA synchronous = OFF')
  const counts: Record<string, number> = {}
  const published: Record<string, number> = {}
  const batchSize = 500
  for (const { collection, make, share } of mix) {
    const total = Math.round(count * share)
    counts[collection] = total
    published[collection] = 0
    for (let from = 0; from < total; from += batchSize) {
      const transactionID = await payload.db.beginTransaction()
      const req = { transactionID } as unknown as PayloadRequest
      for (let i = from; i < Math.min(total, from + batchSize); i++) {
        const isPublished = chance(0.9)
        if (isPublished) published[collection]++
        await payload.db.create({ collection, data: make(i, ids, isPublished), req, returning: false })
      }
      if (transactionID) await payload.db.commitTransaction(transactionID)
    }
  }
  phases.documentsMs = Math.round(performance.now() - started) - phases.bootAndUploadsMs
  const report: GenerateReport = { counts, ms: Math.round(performance.now() - started), phases, published }
  if (keepOpen) return { ...report, payload }
  await payload.destroy()
  return report
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = path.resolve(process.argv[2] ?? 'bench/out/data')
  const count = Number(process.argv[3] ?? 10_000)
  const report = await generate({ count, dataDir })
  process.stdout.write(`${JSON.stringify({ dataDir, ...report }, null, 2)}\n`)
  process.exit(0)
}
