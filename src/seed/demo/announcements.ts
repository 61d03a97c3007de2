import type { AccessLevel } from '../../access/accessLevels.js'
import type { Block } from './richText.js'
import type { AnnouncementCategory, ImageKey } from './vocabulary.js'

/** An announcement of the demo; its dates are days from the moment of seeding. */
export type DemoAnnouncement = {
  title: string
  titleEn?: string
  excerpt: string
  body: Block[]
  category: AnnouncementCategory
  accessLevel: AccessLevel
  status: 'draft' | 'published'
  /** Days from now: negative in the past, positive schedules the announcement. */
  publishedInDays: number
  expiresInDays?: number
  pinned?: boolean
  cover?: ImageKey
  /** Attach the plan's PDF, or a PDF made from `body` under this file name. */
  attachment?: 'plan' | { name: string; title: string }
}

/** "2026-2027" for any day from August 2026 to July 2027. */
export const schoolYearAt = (date: Date): string => {
  const start = date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1
  return `${start}-${start + 1}`
}

/**
 * The announcements, dated around `now` so that the pinned, expired and scheduled ones stay so
 * whenever the demo is loaded.
 */
export const demoAnnouncements = (now: Date): DemoAnnouncement[] => {
  const year = schoolYearAt(now)
  const [, end] = year.split('-').map(Number)
  const nextYear = `${end}-${end + 1}`
  return [
    {
      title: 'Trường Mầm non Phục Lễ ra mắt kho học liệu số và thư viện số',
      titleEn: 'Phục Lễ Kindergarten opens its digital learning library',
      excerpt: 'Phụ huynh và giáo viên có thể xem bài giảng, truyện, bài hát và sách điện tử của nhà trường mọi lúc, mọi nơi.',
      body: [
        'Thực hiện Kế hoạch số 45/KH-MNPL triển khai Chương trình chuyển đổi số giai đoạn 2022-2025, nhà trường chính thức đưa vào sử dụng kho học liệu số và thư viện số trên trang thông tin điện tử của trường.',
        'Kho học liệu gồm giáo án, bài giảng điện tử, video, bài hát, truyện và trò chơi do giáo viên nhà trường biên soạn, được tổ chuyên môn duyệt trước khi đăng.',
        'Phụ huynh đăng nhập bằng tài khoản nhà trường cấp để xem thêm các học liệu dành riêng cho phụ huynh, như cẩm nang chuẩn bị cho bé vào lớp 1.',
      ],
      category: 'news',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: -12,
      pinned: true,
      cover: 'goc-thu-vien',
      attachment: 'plan',
    },
    {
      title: `Lễ khai giảng năm học ${year}: Bé vui đến trường`,
      excerpt: 'Hơn 400 cháu cùng phụ huynh và thầy cô đã dự lễ khai giảng trong không khí tươi vui.',
      body: [
        `Sáng ngày 5 tháng 9, Trường Mầm non Phục Lễ long trọng tổ chức lễ khai giảng năm học ${year}.`,
        'Các bé lớp mẫu giáo lớn biểu diễn văn nghệ chào mừng; Hiệu trưởng đánh trống khai trường và gửi lời chúc các bé một năm học vui, khỏe, ngoan.',
      ],
      category: 'news',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: -80,
      cover: 'san-truong-mua-xuan',
    },
    {
      title: 'Thông báo thu các khoản đóng góp không dùng tiền mặt',
      excerpt: 'Từ tháng này, phụ huynh nộp các khoản thu qua chuyển khoản hoặc ứng dụng ngân hàng theo mã của từng cháu.',
      body: [
        'Thực hiện chủ trương trường học không dùng tiền mặt, nhà trường thu tiền ăn và các khoản thỏa thuận qua tài khoản ngân hàng của trường.',
        'Mỗi cháu có một mã thanh toán riêng, giáo viên chủ nhiệm gửi qua sổ liên lạc điện tử. Phụ huynh ghi đúng nội dung chuyển khoản: mã cháu – họ tên – lớp.',
        'Mọi thắc mắc xin liên hệ bộ phận kế toán nhà trường trong giờ hành chính.',
      ],
      category: 'notice',
      accessLevel: 'parents',
      status: 'published',
      publishedInDays: -20,
    },
    {
      title: 'Thông báo lịch họp phụ huynh đầu năm học',
      excerpt: 'Các lớp họp phụ huynh vào sáng thứ Bảy; phụ huynh vui lòng đến đúng giờ.',
      body: [
        'Nội dung: thông qua kế hoạch năm học, các khoản thu, bầu Ban đại diện cha mẹ trẻ của lớp.',
        'Thời gian: 7 giờ 30 sáng thứ Bảy; địa điểm: tại các lớp học.',
      ],
      category: 'notice',
      accessLevel: 'parents',
      status: 'published',
      publishedInDays: -70,
      expiresInDays: -55,
    },
    {
      title: 'Lịch tập huấn ứng dụng công nghệ thông tin cho giáo viên',
      excerpt: 'Tập huấn soạn bài giảng điện tử và sử dụng kho học liệu số vào chiều thứ Tư hằng tuần.',
      body: [
        'Thành phần: toàn thể giáo viên. Nội dung: soạn bài giảng điện tử, quay dựng video ngắn, đăng học liệu và gửi duyệt trên hệ thống.',
        'Giáo viên mang theo máy tính xách tay đã cài đặt phần mềm trình chiếu.',
      ],
      category: 'notice',
      accessLevel: 'staff',
      status: 'published',
      publishedInDays: -6,
      expiresInDays: 30,
    },
    {
      title: 'Ngày hội "Bé vui Tết Trung thu"',
      excerpt: 'Rước đèn, phá cỗ, múa lân — đêm hội trăng rằm của các bé.',
      body: [
        'Các lớp tự bày mâm cỗ Trung thu từ hoa quả, bánh nướng, bánh dẻo; các bé làm đèn ông sao cùng cô.',
        'Chương trình văn nghệ do các bé và giáo viên biểu diễn, kết thúc bằng rước đèn quanh sân trường.',
      ],
      category: 'event',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: -60,
      cover: 'san-truong-mua-xuan',
    },
    {
      title: 'Hội thi "Bé khỏe – Bé ngoan" cấp trường',
      titleEn: 'School contest "Healthy and good children"',
      excerpt: 'Hội thi dành cho trẻ mẫu giáo lớn với các phần thi vận động, kỹ năng và năng khiếu.',
      body: [
        'Mỗi lớp mẫu giáo lớn cử 5 bé tham dự. Phần thi: chào hỏi làm quen, vận động "Bé nhanh nhẹn", kỹ năng tự phục vụ và năng khiếu.',
        'Kính mời phụ huynh đến cổ vũ các bé.',
      ],
      category: 'event',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: 5,
    },
    {
      title: 'Thực đơn tuần này của các bé',
      excerpt: 'Thực đơn bữa trưa, bữa chiều cho nhà trẻ và mẫu giáo; xem tệp đính kèm để in.',
      body: [
        { h: 'Bữa trưa' },
        {
          ul: [
            'Thứ Hai: cơm, thịt lợn rim tôm, canh bí xanh nấu thịt.',
            'Thứ Ba: cơm, cá basa sốt cà chua, canh rau ngót.',
            'Thứ Tư: cơm, trứng đúc thịt, canh cải nấu tôm.',
            'Thứ Năm: cơm, gà kho nấm, canh bầu nấu tôm.',
            'Thứ Sáu: bún bò, chuối tiêu.',
          ],
        },
        { h: 'Bữa chiều' },
        { ul: ['Sữa chua, bánh quy (thứ Hai, thứ Tư, thứ Sáu).', 'Cháo thịt bằm, sữa (thứ Ba, thứ Năm).'] },
      ],
      category: 'menu',
      accessLevel: 'parents',
      status: 'published',
      publishedInDays: -2,
      expiresInDays: 5,
      attachment: { name: 'thuc-don-tuan.pdf', title: 'Thực đơn tuần' },
    },
    {
      title: 'Thực đơn mùa đông: món ăn ấm nóng cho bé',
      excerpt: 'Nhà bếp bổ sung các món canh, cháo ấm nóng và tăng rau xanh trong những ngày trời lạnh.',
      body: [
        'Bếp một chiều của trường xây dựng thực đơn theo mùa, bảo đảm cân đối chất đạm, chất béo, tinh bột và vitamin.',
        'Phụ huynh có thể góp ý thực đơn qua giáo viên chủ nhiệm hoặc hộp thư góp ý của nhà trường.',
      ],
      category: 'menu',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: -15,
    },
    {
      title: `Thông báo tuyển sinh trẻ mầm non năm học ${nextYear}`,
      titleEn: `Enrolment for the ${nextYear} school year`,
      excerpt: 'Nhà trường tuyển sinh trẻ từ 24 tháng đến 5 tuổi; đăng ký trực tuyến hoặc trực tiếp tại văn phòng.',
      body: [
        'Đối tượng: trẻ sinh sống trên địa bàn Phục Lễ, từ 24 tháng tuổi trở lên.',
        'Hồ sơ: đơn đăng ký, bản sao giấy khai sinh, thông tin cư trú (mã định danh cá nhân của trẻ).',
        'Hình thức: đăng ký trực tuyến trên cổng tuyển sinh của thành phố hoặc nộp trực tiếp tại văn phòng trường trong giờ hành chính.',
      ],
      category: 'enrolment',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: -3,
      attachment: { name: 'thong-bao-tuyen-sinh.pdf', title: `Thông báo tuyển sinh năm học ${nextYear}` },
    },
    {
      title: 'Hướng dẫn đăng ký tuyển sinh trực tuyến',
      excerpt: 'Các bước đăng ký tuyển sinh trực tuyến cho trẻ vào trường mầm non.',
      body: [
        {
          ol: [
            'Truy cập cổng tuyển sinh trực tuyến của thành phố.',
            'Nhập mã định danh cá nhân của trẻ và thông tin cha mẹ.',
            'Chọn Trường Mầm non Phục Lễ, độ tuổi và nhóm lớp.',
            'Kiểm tra, xác nhận và ghi lại mã hồ sơ để tra cứu kết quả.',
          ],
        },
      ],
      category: 'enrolment',
      accessLevel: 'public',
      status: 'published',
      publishedInDays: -3,
    },
    {
      title: 'Tổng kết hoạt động tháng (bản nháp)',
      excerpt: 'Bản nháp tin tổng kết tháng, chờ bổ sung ảnh hoạt động.',
      body: ['Văn thư đang tổng hợp hoạt động của các khối lớp trong tháng.'],
      category: 'news',
      accessLevel: 'public',
      status: 'draft',
      publishedInDays: 0,
    },
  ]
}
