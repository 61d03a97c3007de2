/**
 * The option values of the collections, as literal types, so demo data that names a value the
 * configs do not offer fails to compile instead of failing at seed time.
 */
export type MaterialType =
  | 'assessment'
  | 'audio'
  | 'e-lecture'
  | 'game'
  | 'lesson-plan'
  | 'pictures'
  | 'slides'
  | 'song-poem-story'
  | 'video'
  | 'worksheet'

export type AgeGroup = 'mau-giao-be' | 'mau-giao-lon' | 'mau-giao-nho' | 'nha-tre'

export type Domain = 'ngon-ngu' | 'nhan-thuc' | 'tham-my' | 'the-chat' | 'tinh-cam-xa-hoi'

export type LibraryItemType = 'audiobook' | 'book' | 'comic' | 'ebook' | 'magazine' | 'reference' | 'video'

export type AnnouncementCategory = 'enrolment' | 'event' | 'menu' | 'news' | 'notice'

/** ASCII keys (GraphQL enum names); the label carries the official spelling (QĐ, NĐ). */
export type DocumentType = 'BC' | 'CV' | 'KH' | 'L' | 'ND' | 'QD' | 'TT'

export type DocumentRelation = 'amends' | 'based-on' | 'implements' | 'replaces'

/** Whether a demo document ends up as a draft, submitted for review (materials only) or published. */
export type DemoStatus = 'draft' | 'published' | 'submitted'

/** The drawings of `images.ts`, by file name. */
export type ImageKey =
  | 'ao-ca-va-dan-vit'
  | 'goc-thu-vien'
  | 'hoa-dao-ngay-tet'
  | 'mua-va-cau-vong'
  | 'nga-tu-an-toan'
  | 'ngoi-nha-cua-be'
  | 'san-truong-mua-xuan'

/** The topics of the preschool programme used by the demo materials. */
export const TOPICS = {
  school: 'Trường mầm non',
  family: 'Gia đình',
  self: 'Bản thân',
  jobs: 'Nghề nghiệp',
  animals: 'Thế giới động vật',
  plants: 'Thế giới thực vật',
  traffic: 'Giao thông',
  water: 'Nước và hiện tượng tự nhiên',
  homeland: 'Quê hương – Đất nước – Bác Hồ',
  tet: 'Tết và mùa xuân',
} as const
