/**
 * Controlled vocabularies of the school's content. Values are stable ASCII keys (used in URLs,
 * filters and the search index); labels are what people read, Vietnamese first.
 * Values are ASCII because GraphQL enum names must be (document types: QD for QĐ, ND for NĐ).
 */
type Option = { label: { en: string; vi: string }; value: string }

const option = (value: string, vi: string, en: string): Option => ({ label: { en, vi }, value })

export const accessLevelOptions: Option[] = [
  option('public', 'Công khai', 'Public'),
  option('parents', 'Phụ huynh', 'Parents'),
  option('staff', 'Nội bộ', 'Staff'),
  option('leadership', 'Ban giám hiệu', 'Leadership'),
]

export const roleOptions: Option[] = [
  option('admin', 'Ban giám hiệu', 'Administrator'),
  option('reviewer', 'Tổ trưởng chuyên môn', 'Reviewer'),
  option('teacher', 'Giáo viên', 'Teacher'),
  option('staff', 'Nhân viên văn phòng', 'Office staff'),
  option('parent', 'Phụ huynh', 'Parent'),
]

export const materialTypeOptions: Option[] = [
  option('lesson-plan', 'Giáo án', 'Lesson plan'),
  option('e-lecture', 'Bài giảng điện tử', 'E-lecture'),
  option('slides', 'Bài trình chiếu', 'Slides'),
  option('video', 'Video', 'Video'),
  option('audio', 'Audio', 'Audio'),
  option('pictures', 'Tranh ảnh', 'Pictures'),
  option('worksheet', 'Phiếu học tập', 'Worksheet'),
  option('song-poem-story', 'Bài hát / thơ / truyện', 'Song, poem or story'),
  option('game', 'Trò chơi', 'Game'),
  option('assessment', 'Đánh giá', 'Assessment'),
]

export const ageGroupOptions: Option[] = [
  option('nha-tre', 'Nhà trẻ (24–36 tháng)', 'Nursery (24–36 months)'),
  option('mau-giao-be', 'Mẫu giáo bé (3–4 tuổi)', 'Kindergarten, youngest (3–4)'),
  option('mau-giao-nho', 'Mẫu giáo nhỡ (4–5 tuổi)', 'Kindergarten, middle (4–5)'),
  option('mau-giao-lon', 'Mẫu giáo lớn (5–6 tuổi)', 'Kindergarten, oldest (5–6)'),
]

export const domainOptions: Option[] = [
  option('the-chat', 'Phát triển thể chất', 'Physical development'),
  option('nhan-thuc', 'Phát triển nhận thức', 'Cognitive development'),
  option('ngon-ngu', 'Phát triển ngôn ngữ', 'Language development'),
  option('tinh-cam-xa-hoi', 'Phát triển tình cảm và kỹ năng xã hội', 'Social and emotional development'),
  option('tham-my', 'Phát triển thẩm mỹ', 'Aesthetic development'),
]

export const reviewStatusOptions: Option[] = [
  option('draft', 'Đang soạn', 'Being written'),
  option('submitted', 'Chờ duyệt', 'Submitted for review'),
  option('changes-requested', 'Cần chỉnh sửa', 'Changes requested'),
  option('approved', 'Đã duyệt', 'Approved'),
]

export const libraryItemTypeOptions: Option[] = [
  option('book', 'Sách', 'Book'),
  option('ebook', 'Sách điện tử', 'E-book'),
  option('comic', 'Truyện tranh', 'Comic'),
  option('magazine', 'Tạp chí', 'Magazine'),
  option('reference', 'Tài liệu tham khảo', 'Reference'),
  option('audiobook', 'Sách nói', 'Audiobook'),
  option('video', 'Video', 'Video'),
]

export const announcementCategoryOptions: Option[] = [
  option('news', 'Tin tức', 'News'),
  option('notice', 'Thông báo', 'Notice'),
  option('event', 'Sự kiện', 'Event'),
  option('menu', 'Thực đơn', 'Menu'),
  option('enrolment', 'Tuyển sinh', 'Enrolment'),
]

export const documentTypeOptions: Option[] = [
  option('KH', 'Kế hoạch', 'Plan'),
  option('QD', 'Quyết định', 'Decision'),
  option('CV', 'Công văn', 'Official letter'),
  option('TB', 'Thông báo', 'Notice'),
  option('BC', 'Báo cáo', 'Report'),
  option('TT', 'Thông tư', 'Circular'),
  option('ND', 'Nghị định', 'Decree'),
  option('CT', 'Chỉ thị', 'Directive'),
  option('HD', 'Hướng dẫn', 'Guidance'),
  option('TTr', 'Tờ trình', 'Submission'),
  option('BB', 'Biên bản', 'Minutes'),
  option('NQ', 'Nghị quyết', 'Resolution'),
  option('CTr', 'Chương trình', 'Programme'),
  option('QC', 'Quy chế', 'Regulation'),
  option('L', 'Luật', 'Law'),
  option('GM', 'Giấy mời', 'Invitation'),
]

export const documentDirectionOptions: Option[] = [
  option('incoming', 'Văn bản đến', 'Incoming'),
  option('outgoing', 'Văn bản đi', 'Outgoing'),
  option('internal', 'Nội bộ', 'Internal'),
]

export const documentRelationOptions: Option[] = [
  option('implements', 'Thực hiện', 'Implements'),
  option('based-on', 'Căn cứ', 'Based on'),
  option('replaces', 'Thay thế', 'Replaces'),
  option('amends', 'Sửa đổi', 'Amends'),
]

export const validityStatusOptions: Option[] = [
  option('not-yet-effective', 'Chưa có hiệu lực', 'Not yet in force'),
  option('in-force', 'Còn hiệu lực', 'In force'),
  option('expired', 'Hết hiệu lực', 'Expired'),
  option('replaced', 'Đã bị thay thế', 'Replaced'),
]

export const languageOptions: Option[] = [
  option('vi', 'Tiếng Việt', 'Vietnamese'),
  option('en', 'Tiếng Anh', 'English'),
  option('other', 'Ngôn ngữ khác', 'Other'),
]
