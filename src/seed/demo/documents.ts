import type { AccessLevel } from '../../access/accessLevels.js'
import type { AccountKey } from './accounts.js'
import { PLAN } from './plan.js'
import type { DocumentRelation, DocumentType } from './vocabulary.js'

/** A document of the register. `key` names it for the relations of later documents. */
export type DemoDocument = {
  key: string
  documentNumber: string
  documentType: DocumentType
  title: string
  titleEn?: string
  summary: string
  /** The English trích yếu; a document translated into English needs one, since it is required. */
  summaryEn?: string
  issuingBody: string
  signer?: string
  signerTitle?: string
  issueDate: string
  effectiveDate?: string
  expiryDate?: string
  direction: 'incoming' | 'internal' | 'outgoing'
  field: string
  recipients?: string[]
  accessLevel: AccessLevel
  /** Who files it: the clerk files what comes in; leadership documents are filed by the principal. */
  filedBy: AccountKey
  /** Documents listed earlier in {@link demoDocuments}: related targets are created first. */
  related?: Array<{ relation: DocumentRelation; key: string }>
  /** The text of the school's own documents, printed in their PDFs. */
  text?: string[]
}

const HAI_PHONG = 'Ủy ban nhân dân thành phố Hải Phòng'
const BGDDT = 'Bộ Giáo dục và Đào tạo'
const SCHOOL = 'Trường Mầm non Phục Lễ'

/**
 * The register, in creation order. The city's, the department's and the ministry's documents are
 * real (number, date, issuer and trích yếu as cited by the school's plan or as published); the
 * school's own numbers other than the plan's text are the demo's.
 */
export const demoDocuments = (principal: string): DemoDocument[] => [
  {
    key: 'hp-227',
    documentNumber: '227/KH-UBND',
    documentType: 'KH',
    title: 'Kế hoạch chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030',
    titleEn: 'Digital transformation plan of Hải Phòng city to 2025, with orientation to 2030',
    summaryEn: 'On the digital transformation of Hải Phòng city to 2025, with orientation to 2030.',
    summary: 'Về chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030.',
    issuingBody: HAI_PHONG,
    issueDate: '2020-09-21',
    direction: 'incoming',
    field: 'Chuyển đổi số',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'sgd-554',
    documentNumber: '554/SGDĐT-VP',
    documentType: 'CV',
    title: 'Công văn về việc tuyên truyền chuyển đổi số trong các cơ sở giáo dục',
    summary: 'V/v tuyên truyền chuyển đổi số trong các cơ sở giáo dục.',
    issuingBody: 'Sở Giáo dục và Đào tạo Hải Phòng',
    issueDate: '2022-03-18',
    direction: 'incoming',
    field: 'Chuyển đổi số',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'tn-46',
    documentNumber: '46/KH-UBND',
    documentType: 'KH',
    title: 'Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn huyện Thủy Nguyên giai đoạn 2022-2025',
    summary: 'Tuyên truyền về chuyển đổi số trên địa bàn huyện Thuỷ Nguyên giai đoạn 2022-2025.',
    issuingBody: 'Ủy ban nhân dân huyện Thủy Nguyên',
    issueDate: '2022-03-25',
    direction: 'incoming',
    field: 'Chuyển đổi số',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'bgd-4725',
    documentNumber: '4725/QĐ-BGDĐT',
    documentType: 'QD',
    title: 'Quyết định ban hành Bộ chỉ số đánh giá chuyển đổi số cơ sở giáo dục phổ thông và giáo dục thường xuyên',
    summary: 'Ban hành Bộ chỉ số, tiêu chí đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và giáo dục thường xuyên, gồm hai nhóm tiêu chí: chuyển đổi số trong dạy, học và chuyển đổi số trong quản trị cơ sở giáo dục.',
    issuingBody: BGDDT,
    issueDate: '2022-12-30',
    effectiveDate: '2022-12-30',
    direction: 'incoming',
    field: 'Chuyển đổi số',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'hp-29',
    documentNumber: '29/KH-UBND',
    documentType: 'KH',
    title: 'Kế hoạch tuyên truyền chuyển đổi số trên địa bàn thành phố Hải Phòng giai đoạn 2022-2025',
    summary: 'Về tuyên truyền chuyển đổi số trên địa bàn thành phố Hải Phòng giai đoạn 2022-2025.',
    issuingBody: HAI_PHONG,
    issueDate: '2023-02-09',
    direction: 'incoming',
    field: 'Chuyển đổi số',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'plan',
    documentNumber: PLAN.number,
    documentType: 'KH',
    title: PLAN.title,
    titleEn: PLAN.titleEn,
    summaryEn: PLAN.summaryEn,
    summary: PLAN.summary,
    issuingBody: SCHOOL,
    signer: principal,
    signerTitle: 'Hiệu trưởng',
    issueDate: PLAN.issueDate,
    effectiveDate: PLAN.issueDate,
    direction: 'outgoing',
    field: 'Chuyển đổi số',
    recipients: [...PLAN.recipients],
    accessLevel: 'public',
    filedBy: 'admin',
    related: [
      { relation: 'implements', key: 'hp-227' },
      { relation: 'implements', key: 'hp-29' },
      { relation: 'implements', key: 'sgd-554' },
      { relation: 'implements', key: 'tn-46' },
      { relation: 'based-on', key: 'bgd-4725' },
    ],
  },
  {
    key: 'nd-13',
    documentNumber: '13/2023/NĐ-CP',
    documentType: 'ND',
    title: 'Nghị định về bảo vệ dữ liệu cá nhân',
    titleEn: 'Decree on personal data protection',
    summaryEn: 'On the protection of personal data and the responsibilities of the agencies, organisations and individuals concerned.',
    summary: 'Quy định về bảo vệ dữ liệu cá nhân và trách nhiệm bảo vệ dữ liệu cá nhân của cơ quan, tổ chức, cá nhân có liên quan.',
    issuingBody: 'Chính phủ',
    signerTitle: 'Phó Thủ tướng',
    issueDate: '2023-04-17',
    effectiveDate: '2023-07-01',
    direction: 'incoming',
    field: 'Bảo vệ dữ liệu cá nhân',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'tt-36',
    documentNumber: '36/2017/TT-BGDĐT',
    documentType: 'TT',
    title: 'Thông tư ban hành Quy chế thực hiện công khai đối với cơ sở giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân',
    // Translated too: linkReplacements re-saves it in the locale of the replacing document's edit.
    titleEn: 'Circular on the regulation on openness of educational institutions of the national education system',
    summaryEn: 'Promulgating the regulation on openness of educational institutions of the national education system.',
    summary: 'Ban hành Quy chế thực hiện công khai đối với cơ sở giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân.',
    issuingBody: BGDDT,
    issueDate: '2017-12-28',
    effectiveDate: '2018-02-12',
    direction: 'incoming',
    field: 'Công khai',
    accessLevel: 'public',
    filedBy: 'staff',
  },
  {
    key: 'tt-09',
    documentNumber: '09/2024/TT-BGDĐT',
    documentType: 'TT',
    title: 'Thông tư quy định về công khai trong hoạt động của các cơ sở giáo dục thuộc hệ thống giáo dục quốc dân',
    titleEn: 'Circular on openness in the activities of educational institutions of the national education system',
    summaryEn: 'On openness in the activities of educational institutions of the national education system.',
    summary: 'Quy định về công khai trong hoạt động của các cơ sở giáo dục thuộc hệ thống giáo dục quốc dân.',
    issuingBody: BGDDT,
    issueDate: '2024-06-03',
    effectiveDate: '2024-07-19',
    direction: 'incoming',
    field: 'Công khai',
    accessLevel: 'public',
    filedBy: 'staff',
    related: [{ relation: 'replaces', key: 'tt-36' }],
  },
  {
    key: 'qd-quy-che',
    documentNumber: '112/QĐ-MNPL',
    documentType: 'QD',
    title: 'Quyết định ban hành Quy chế quản lý, sử dụng kho học liệu số và thư viện số của Trường Mầm non Phục Lễ',
    summary: 'Ban hành Quy chế quản lý, sử dụng kho học liệu số và thư viện số: biên soạn, kiểm duyệt, phân quyền truy cập, bảo vệ dữ liệu cá nhân của trẻ và phụ huynh.',
    issuingBody: SCHOOL,
    signer: principal,
    signerTitle: 'Hiệu trưởng',
    issueDate: '2024-09-16',
    effectiveDate: '2024-09-16',
    direction: 'internal',
    field: 'Chuyển đổi số',
    recipients: ['Cán bộ, giáo viên, nhân viên (để thực hiện)', 'Lưu: VT'],
    accessLevel: 'staff',
    filedBy: 'admin',
    related: [
      { relation: 'implements', key: 'plan' },
      { relation: 'based-on', key: 'nd-13' },
      { relation: 'based-on', key: 'tt-09' },
    ],
    text: [
      'Căn cứ Điều lệ trường mầm non; căn cứ Kế hoạch số 45/KH-MNPL ngày 20/02/2023 triển khai thực hiện Chương trình chuyển đổi số của Trường Mầm non Phục Lễ giai đoạn 2022-2025;',
      'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân; Thông tư số 09/2024/TT-BGDĐT ngày 03/6/2024 của Bộ Giáo dục và Đào tạo quy định về công khai trong hoạt động của các cơ sở giáo dục thuộc hệ thống giáo dục quốc dân;',
      'Theo đề nghị của Tổ chuyên môn,',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý, sử dụng kho học liệu số và thư viện số của Trường Mầm non Phục Lễ.',
      'Điều 2. Học liệu do giáo viên biên soạn được tổ trưởng chuyên môn kiểm duyệt trước khi xuất bản; mỗi học liệu, tài liệu được gán mức truy cập: công khai, phụ huynh, nội bộ hoặc Ban giám hiệu. Ảnh có hình trẻ chỉ được đăng khi có sự đồng ý của cha mẹ trẻ.',
      'Điều 3. Quyết định có hiệu lực kể từ ngày ký. Cán bộ, giáo viên, nhân viên nhà trường chịu trách nhiệm thi hành Quyết định này.',
    ],
  },
  {
    key: 'bc-tu-danh-gia',
    documentNumber: '58/BC-MNPL',
    documentType: 'BC',
    title: 'Báo cáo kết quả tự đánh giá mức độ chuyển đổi số năm học 2023-2024',
    summary: 'Kết quả tự đánh giá theo Bộ chỉ số ban hành kèm theo Quyết định số 4725/QĐ-BGDĐT; tồn tại và giải pháp cho năm học 2024-2025.',
    issuingBody: SCHOOL,
    signer: principal,
    signerTitle: 'Hiệu trưởng',
    issueDate: '2024-05-27',
    direction: 'outgoing',
    field: 'Chuyển đổi số',
    recipients: ['Phòng GDĐT Thủy Nguyên (để báo cáo)', 'Lưu: VT'],
    accessLevel: 'leadership',
    filedBy: 'admin',
    related: [
      { relation: 'based-on', key: 'bgd-4725' },
      { relation: 'implements', key: 'plan' },
    ],
    text: [
      'Thực hiện Kế hoạch số 45/KH-MNPL và Bộ chỉ số ban hành kèm theo Quyết định số 4725/QĐ-BGDĐT, nhà trường tổ chức tự đánh giá mức độ chuyển đổi số năm học 2023-2024 như sau:',
      'I. Chuyển đổi số trong dạy, học: giáo viên sử dụng bài giảng điện tử trong hoạt động học; bước đầu xây dựng kho học liệu số dùng chung của trường.',
      'II. Chuyển đổi số trong quản trị: sử dụng phần mềm quản lý trường học, cơ sở dữ liệu ngành; thực hiện thu không dùng tiền mặt; văn bản đi, đến được số hóa.',
      'III. Tồn tại: hạ tầng mạng ở một số phòng học chưa ổn định; học liệu số chưa được phân loại, kiểm duyệt thống nhất.',
      'IV. Giải pháp năm học 2024-2025: ban hành quy chế quản lý kho học liệu số và thư viện số; bồi dưỡng giáo viên soạn bài giảng điện tử.',
    ],
  },
  {
    key: 'luat-91',
    documentNumber: '91/2025/QH15',
    documentType: 'L',
    title: 'Luật Bảo vệ dữ liệu cá nhân',
    titleEn: 'Law on Personal Data Protection',
    summaryEn: 'On personal data, its protection, and the rights, obligations and responsibilities of the agencies, organisations and individuals concerned.',
    summary: 'Luật quy định về dữ liệu cá nhân, bảo vệ dữ liệu cá nhân và quyền, nghĩa vụ, trách nhiệm của cơ quan, tổ chức, cá nhân có liên quan.',
    issuingBody: 'Quốc hội',
    issueDate: '2025-06-26',
    effectiveDate: '2026-01-01',
    direction: 'incoming',
    field: 'Bảo vệ dữ liệu cá nhân',
    accessLevel: 'public',
    filedBy: 'staff',
  },
]
