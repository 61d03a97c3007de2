/**
 * Queries as parents and teachers type them into the school's search box (whole sentences, no
 * marks, raw Telex or VNI from a phone without a Vietnamese keyboard, typos, the school's own
 * words), each with the demo documents that answer it: 2 for what was meant, 1 for related.
 * Documents are named by the start of their title (some titles carry the school year).
 */
export type Judged = { q: string; kind: 'natural' | 'school' | 'telex' | 'typo' | 'unaccented' | 'vni'; relevant: Record<string, 1 | 2> }

const comics = {
  'Truyện cổ tích Việt Nam: Tấm Cám': 2,
  'Truyện cổ tích Việt Nam: Sự tích Hồ Gươm': 2,
  'Truyện cổ tích Việt Nam: Thánh Gióng': 2,
  'Truyện cổ tích Việt Nam: Sơn Tinh, Thủy Tinh': 2,
  'Truyện cổ tích Việt Nam: Cây khế': 2,
  'Truyện cổ tích Việt Nam: Cây tre trăm đốt': 2,
} as const

const digital = {
  'Kế hoạch chuyển đổi số thành phố Hải Phòng': 2,
  'Kế hoạch tuyên truyền chuyển đổi số trên địa bàn thành phố Hải Phòng': 2,
  'Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn huyện Thủy Nguyên': 2,
  'Công văn về việc tuyên truyền chuyển đổi số': 2,
  'Quyết định ban hành Bộ chỉ số đánh giá chuyển đổi số': 2,
  'Kế hoạch triển khai thực hiện Chương trình chuyển đổi số': 2,
  'Báo cáo kết quả tự đánh giá mức độ chuyển đổi số': 2,
} as const

const enrolment = { 'Thông báo tuyển sinh trẻ mầm non': 2, 'Hướng dẫn đăng ký tuyển sinh trực tuyến': 2 } as const
const menus = { 'Thực đơn tuần này của các bé': 2, 'Thực đơn mùa đông': 2 } as const

export const judgedQueries: Judged[] = [
  // Whole sentences, as typed on a phone.
  { kind: 'natural', q: 'sach tranh cho be 3 tuoi', relevant: { 'Chú sâu háu ăn': 2, 'Kỹ năng sống cho bé: Bé tự mặc quần áo': 2, 'Đồng dao cho bé': 2, 'Bé vui đón Tết': 1, 'Bé học an toàn giao thông': 1 } },
  { kind: 'natural', q: 'hoc lieu ve giao thong', relevant: { 'Bé học an toàn giao thông': 2, 'Bài trình chiếu: Bé tìm hiểu biển báo giao thông': 2, 'Trò chơi vận động: Đèn xanh, đèn đỏ': 2 } },
  { kind: 'natural', q: 'bai hat ve mua', relevant: { 'Dạy hát: Cho tôi đi làm mưa với': 2, 'Bài giảng điện tử: Vòng tuần hoàn của nước': 1 } },
  { kind: 'natural', q: 'truyen co tich cho be', relevant: { ...comics, 'Truyện: Ba cô gái': 1 } },
  { kind: 'natural', q: 'giao an kham pha truong mam non', relevant: { 'Giáo án khám phá: Trường mầm non của bé': 2, 'Kế hoạch giáo dục tháng 9 – Chủ đề Trường mầm non': 1 } },
  { kind: 'natural', q: 'video day be rua tay', relevant: { 'Video: Bé tập rửa tay bằng xà phòng': 2, 'Hướng dẫn vệ sinh răng miệng cho trẻ (video)': 1 } },
  { kind: 'natural', q: 'thi nghiem voi nuoc cho tre lop la', relevant: { 'Video thí nghiệm: Cây hút nước': 2, 'Giáo án thí nghiệm: Vật chìm – vật nổi': 2, 'Bài giảng điện tử: Vòng tuần hoàn của nước': 1 } },
  { kind: 'natural', q: 'con vat nuoi trong nha', relevant: { 'Bộ tranh: Con vật nuôi trong gia đình': 2, 'Âm thanh: Tiếng kêu của các con vật': 1 } },
  { kind: 'natural', q: 'thuc don cua be tuan nay', relevant: { 'Thực đơn tuần này của các bé': 2, 'Thực đơn mùa đông': 1 } },
  { kind: 'natural', q: 'lich tap huan cho giao vien', relevant: { 'Lịch tập huấn ứng dụng công nghệ thông tin cho giáo viên': 2 } },
  { kind: 'natural', q: 'nop tien khong dung tien mat', relevant: { 'Thông báo thu các khoản đóng góp không dùng tiền mặt': 2 } },
  { kind: 'natural', q: 'tro choi dan gian cho be', relevant: { 'Trò chơi dân gian: Rồng rắn lên mây': 2, 'Đồng dao cho bé': 1 } },
  { kind: 'natural', q: 'day be tu mac quan ao', relevant: { 'Kỹ năng sống cho bé: Bé tự mặc quần áo': 2 } },
  { kind: 'natural', q: 'chuan bi cho be vao lop 1', relevant: { 'Cẩm nang phụ huynh: Chuẩn bị cho bé vào lớp 1': 2 } },
  { kind: 'natural', q: 'ke chuyen cho be truoc khi ngu', relevant: { 'Truyện kể cho bé trước giờ ngủ (sách nói)': 2 } },
  { kind: 'natural', q: 'bai tho ve co giao', relevant: { 'Thơ: Bàn tay cô giáo': 2 } },
  { kind: 'natural', q: 'cach danh rang cho tre', relevant: { 'Hướng dẫn vệ sinh răng miệng cho trẻ (video)': 2 } },
  { kind: 'natural', q: 'quy dinh ve bao ve du lieu ca nhan', relevant: { 'Nghị định về bảo vệ dữ liệu cá nhân': 2, 'Luật Bảo vệ dữ liệu cá nhân': 2 } },
  { kind: 'natural', q: 'ke hoach chuyen doi so cua hai phong', relevant: { ...digital, 'Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn huyện Thủy Nguyên': 1, 'Công văn về việc tuyên truyền chuyển đổi số': 1, 'Quyết định ban hành Bộ chỉ số đánh giá chuyển đổi số': 1, 'Kế hoạch triển khai thực hiện Chương trình chuyển đổi số': 1, 'Báo cáo kết quả tự đánh giá mức độ chuyển đổi số': 1 } },
  { kind: 'natural', q: 'cong khai trong co so giao duc', relevant: { 'Thông tư quy định về công khai': 2, 'Thông tư ban hành Quy chế thực hiện công khai': 2 } },
  { kind: 'natural', q: 'le khai giang cua truong', relevant: { 'Lễ khai giảng năm học': 2 } },
  { kind: 'natural', q: 'trung thu cua be', relevant: { 'Ngày hội "Bé vui Tết Trung thu"': 2 } },
  { kind: 'natural', q: 'be lam gi ngay tet', relevant: { 'Giáo án: Bé gói bánh chưng ngày Tết': 2, 'Bé vui đón Tết': 2 } },
  // Without marks.
  { kind: 'unaccented', q: 'ruoc den trung thu', relevant: { 'Ngày hội "Bé vui Tết Trung thu"': 2 } },
  { kind: 'unaccented', q: 'chuong trinh giao duc mam non', relevant: { 'Chương trình giáo dục mầm non (Văn bản hợp nhất)': 2, 'Hướng dẫn tổ chức thực hiện chương trình giáo dục mầm non': 2 } },
  { kind: 'unaccented', q: 'tuyen sinh nam hoc moi', relevant: enrolment },
  { kind: 'unaccented', q: 'danh lam thang canh hai phong', relevant: { 'Bộ tranh: Danh lam thắng cảnh Hải Phòng': 2 } },
  { kind: 'unaccented', q: 'qua trinh phat trien cua cay', relevant: { 'Giáo án khám phá: Quá trình phát triển của cây': 2, 'Video thí nghiệm: Cây hút nước': 1 } },
  // Raw Telex.
  { kind: 'telex', q: 'truyeenj coor tichs', relevant: comics },
  { kind: 'telex', q: 'bacs hoof', relevant: { 'Bài giảng điện tử: Bác Hồ kính yêu': 2 } },
  { kind: 'telex', q: 'banhs chuwng', relevant: { 'Giáo án: Bé gói bánh chưng ngày Tết': 2 } },
  { kind: 'telex', q: 'dees meen', relevant: { 'Dế Mèn phiêu lưu ký': 2 } },
  { kind: 'telex', q: 'an toanf giao thoong', relevant: { 'Bé học an toàn giao thông': 2, 'Bài trình chiếu: Bé tìm hiểu biển báo giao thông': 1, 'Trò chơi vận động: Đèn xanh, đèn đỏ': 1 } },
  { kind: 'telex', q: 'vongf tuaanf hoanf cuar nuwowcs', relevant: { 'Bài giảng điện tử: Vòng tuần hoàn của nước': 2 } },
  { kind: 'telex', q: 'thuwcj ddown', relevant: menus },
  { kind: 'telex', q: 'tuyeenr sinh', relevant: enrolment },
  { kind: 'telex', q: 'ddoongf dao', relevant: { 'Đồng dao cho bé': 2 } },
  // Raw VNI.
  { kind: 'vni', q: 'ho5c lie6u5', relevant: { 'Trường Mầm non Phục Lễ ra mắt kho học liệu số': 2, 'Quyết định ban hành Quy chế quản lý, sử dụng kho học liệu số': 2 } },
  { kind: 'vni', q: 'ba1c ho62', relevant: { 'Bài giảng điện tử: Bác Hồ kính yêu': 2 } },
  { kind: 'vni', q: 'chu1 sa6u ha1u a8n', relevant: { 'Chú sâu háu ăn': 2 } },
  { kind: 'vni', q: 'thu7c5 d9o7n', relevant: menus },
  { kind: 'vni', q: 'so7n tinh thu3y tinh', relevant: { 'Truyện cổ tích Việt Nam: Sơn Tinh, Thủy Tinh': 2 } },
  // Typos.
  { kind: 'typo', q: 'rua tay bang xa phongg', relevant: { 'Video: Bé tập rửa tay bằng xà phòng': 2 } },
  { kind: 'typo', q: 'phieu hoc tapp', relevant: { 'Phiếu học tập: Tô màu các loại quả': 2 } },
  { kind: 'typo', q: 'thanh giongg', relevant: { 'Truyện cổ tích Việt Nam: Thánh Gióng': 2 } },
  { kind: 'typo', q: 'thi nghiemm vat chim', relevant: { 'Giáo án thí nghiệm: Vật chìm – vật nổi': 2 } },
  { kind: 'typo', q: 'chuyn doi so', relevant: digital },
  // The school's own words.
  { kind: 'school', q: 'giao an lop la', relevant: { 'Giáo án khám phá: Quá trình phát triển của cây': 2, 'Giáo án: Bé gói bánh chưng ngày Tết': 2, 'Kế hoạch giáo dục tháng 9 – Chủ đề Trường mầm non': 2 } },
  { kind: 'school', q: 'tro choi lop choi', relevant: { 'Trò chơi âm nhạc: Tìm bạn thân': 2, 'Trò chơi vận động: Đèn xanh, đèn đỏ': 2, 'Trò chơi dân gian: Rồng rắn lên mây': 2 } },
  { kind: 'school', q: 'video cho tre 5-6 tuoi', relevant: { 'Video thí nghiệm: Cây hút nước': 2, 'Hướng dẫn vệ sinh răng miệng cho trẻ (video)': 2, 'Video: Bé tập rửa tay bằng xà phòng': 1 } },
  { kind: 'school', q: 'nha tre', relevant: { 'Bộ tranh: Các thành viên trong gia đình': 2, 'Dạy hát: Cái mũi': 2, 'Bộ tranh: Con vật nuôi trong gia đình': 2, 'Âm thanh: Tiếng kêu của các con vật': 2, 'Đồng dao cho bé': 1 } },
  { kind: 'school', q: 'bai giang dien tu lop la', relevant: { 'Bài giảng điện tử: Khám phá động vật sống dưới nước': 2, 'Bài giảng điện tử: Vòng tuần hoàn của nước': 2, 'Bài giảng điện tử: Bác Hồ kính yêu': 2 } },
  { kind: 'school', q: 'van ban ve chuyen doi so', relevant: digital },
  { kind: 'school', q: 'day hat cho nha tre', relevant: { 'Dạy hát: Cái mũi': 2, 'Âm thanh: Tiếng kêu của các con vật': 1 } },
  { kind: 'school', q: 'sach cho tre 4 tuoi', relevant: { 'Góc sân và khoảng trời': 2, 'Chú sâu háu ăn': 2, 'Bé học an toàn giao thông': 2, 'Bé vui đón Tết': 1, 'Truyện cổ tích Việt Nam: Tấm Cám': 1 } },
  { kind: 'school', q: 'tap huan cong nghe thong tin cho GV', relevant: { 'Lịch tập huấn ứng dụng công nghệ thông tin cho giáo viên': 2 } },
  { kind: 'school', q: 'nhap hoc truc tuyen', relevant: enrolment },
  { kind: 'school', q: 'ke hoach cua truong MN', relevant: { 'Kế hoạch triển khai thực hiện Chương trình chuyển đổi số': 2, 'Kế hoạch giáo dục tháng 9 – Chủ đề Trường mầm non': 2 } },
]

/** The grade of a hit: of the first judged title it starts with, 0 when none. */
export const gradeOf = (relevant: Judged['relevant'], title: string): number =>
  Object.entries(relevant).find(([start]) => title.startsWith(start))?.[1] ?? 0

/** nDCG at `k` of a ranking of titles (gains 2^grade − 1, log2 discount), against every judged grade. */
export const ndcgAt = (k: number, relevant: Judged['relevant'], titles: string[]): number => {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0)
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a))
  return ideal === 0 ? 0 : dcg(titles.map((title) => gradeOf(relevant, title))) / ideal
}
