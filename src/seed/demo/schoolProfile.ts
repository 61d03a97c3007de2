import type { Block } from './richText.js'
import type { ImageKey } from './vocabulary.js'

/** A text in both of the site's languages. */
type Both = { vi: string; en: string }

/**
 * What the website publishes about the school. Contact numbers and addresses on the `.test`
 * domain are placeholders: the real ones belong to the school and are entered by its staff.
 */
export const demoSchoolProfile = (principal: string) => ({
  name: { vi: 'Trường Mầm non Phục Lễ', en: 'Phục Lễ Kindergarten' } satisfies Both,
  motto: { vi: 'Mỗi ngày đến trường là một ngày vui', en: 'Every day at school is a happy day' } satisfies Both,
  address: 'Phục Lễ, Thủy Nguyên, thành phố Hải Phòng',
  contacts: {
    phone: '0225 3000 000',
    email: 'lienhe@mnphucle.truongso.test',
    website: 'https://mnphucle.truongso.test',
    hotline: '0900 000 000',
  },
  summary: {
    vi: 'Trường mầm non công lập chăm sóc, nuôi dưỡng và giáo dục trẻ từ 24 tháng đến 6 tuổi của Phục Lễ, Thủy Nguyên, Hải Phòng. Nhà trường đang thực hiện Chương trình chuyển đổi số với kho học liệu số, thư viện số và văn phòng điện tử.',
    en: 'A state kindergarten caring for and educating children from 24 months to 6 years old in Phục Lễ, Thủy Nguyên, Hải Phòng, now carrying out its digital transformation programme: digital learning materials, a digital library and an e-office.',
  } satisfies Both,
  history: [
    'Trường Mầm non Phục Lễ là trường công lập, chăm sóc, nuôi dưỡng và giáo dục trẻ em ở Phục Lễ — vùng quê ven sông Bạch Đằng lịch sử của Thủy Nguyên, Hải Phòng.',
    'Từ những nhóm trẻ, lớp mẫu giáo của các thôn, trường đã từng bước được đầu tư xây dựng tập trung, có phòng học kiên cố, bếp ăn một chiều, sân chơi và các phòng chức năng.',
    `Năm 2023, nhà trường ban hành Kế hoạch số 45/KH-MNPL triển khai thực hiện Chương trình chuyển đổi số giai đoạn 2022-2025, xây dựng kho học liệu số, thư viện số và thực hiện thu không dùng tiền mặt. Hiệu trưởng hiện nay là cô ${principal}.`,
  ] satisfies Block[],
  facilities: [
    {
      name: { vi: 'Phòng học nhóm, lớp', en: 'Classrooms' },
      quantity: 14,
      description: {
        vi: 'Phòng học kiên cố, có ti vi kết nối internet, góc hoạt động và khu vệ sinh khép kín.',
        en: 'Solid classrooms with an internet-connected TV, activity corners and their own toilets.',
      },
      photo: 'san-truong-mua-xuan',
    },
    {
      name: { vi: 'Phòng giáo dục thể chất – nghệ thuật', en: 'Movement and arts room' },
      quantity: 1,
      description: { vi: 'Đàn organ, gương múa, dụng cụ vận động, thảm xốp.', en: 'Keyboard, dance mirror, movement equipment and soft mats.' },
    },
    {
      name: { vi: 'Thư viện thân thiện', en: 'Friendly library' },
      quantity: 1,
      description: {
        vi: 'Góc đọc sách cho trẻ và giáo viên, kết nối thư viện số của trường.',
        en: 'A reading room for children and teachers, linked to the school’s digital library.',
      },
      photo: 'goc-thu-vien',
    },
    {
      name: { vi: 'Bếp ăn một chiều', en: 'One-way kitchen' },
      quantity: 1,
      description: {
        vi: 'Bếp đạt chuẩn vệ sinh an toàn thực phẩm, phục vụ bán trú cho toàn bộ trẻ.',
        en: 'A kitchen meeting food-safety standards, serving lunch to every child.',
      },
    },
    {
      name: { vi: 'Sân chơi ngoài trời', en: 'Outdoor playgrounds' },
      quantity: 2,
      description: {
        vi: 'Sân cỏ nhân tạo, đồ chơi liên hoàn, vườn cổ tích và góc trải nghiệm trồng rau.',
        en: 'Artificial grass, climbing frames, a fairy-tale garden and a vegetable patch.',
      },
    },
  ] satisfies Array<{ name: Both; quantity: number; description: Both; photo?: ImageKey }>,
  curriculum: [
    {
      title: { vi: 'Chương trình giáo dục mầm non', en: 'National preschool curriculum' },
      description: {
        vi: 'Chương trình của Bộ Giáo dục và Đào tạo cho nhà trẻ (3–36 tháng) và mẫu giáo (3–6 tuổi), thực hiện theo chủ đề gần gũi với trẻ.',
        en: 'The Ministry of Education and Training’s programme for nursery (3–36 months) and kindergarten (3–6 years), taught through themes close to children’s lives.',
      },
    },
    {
      title: { vi: 'Chuyên đề "Xây dựng trường mầm non lấy trẻ làm trung tâm"', en: 'Child-centred kindergarten' },
      description: {
        vi: 'Tạo môi trường để trẻ được lựa chọn, trải nghiệm và thể hiện mình.',
        en: 'Surroundings where children choose, explore and express themselves.',
      },
    },
    {
      title: { vi: 'Cho trẻ mẫu giáo làm quen với tiếng Anh', en: 'First steps in English' },
      description: {
        vi: 'Hoạt động làm quen tiếng Anh qua bài hát, trò chơi, sách tranh cho trẻ 4–6 tuổi, theo nguyện vọng của phụ huynh.',
        en: 'Songs, games and picture books in English for children aged 4–6, at their parents’ request.',
      },
    },
    {
      title: { vi: 'Giáo dục kỹ năng sống và an toàn giao thông', en: 'Life skills and road safety' },
      description: {
        vi: 'Lồng ghép vào các hoạt động hằng ngày và chủ đề Giao thông.',
        en: 'Woven into daily activities and the Transport theme.',
      },
    },
  ] satisfies Array<{ title: Both; description: Both }>,
  staff: [
    { name: principal, role: { vi: 'Hiệu trưởng', en: 'Principal' }, qualification: { vi: 'Thạc sĩ Quản lý giáo dục', en: 'MA in Educational Management' } },
    { name: 'Lê Thị Thanh Hà', role: { vi: 'Phó Hiệu trưởng phụ trách chuyên môn', en: 'Vice-principal, teaching' }, qualification: { vi: 'Cử nhân Giáo dục mầm non', en: 'BEd in Early Childhood Education' } },
    { name: 'Bùi Thị Hạnh', role: { vi: 'Phó Hiệu trưởng phụ trách nuôi dưỡng', en: 'Vice-principal, care and nutrition' }, qualification: { vi: 'Cử nhân Giáo dục mầm non', en: 'BEd in Early Childhood Education' } },
    { name: 'Phạm Thị Lan', role: { vi: 'Tổ trưởng chuyên môn khối Mẫu giáo', en: 'Head of the kindergarten teaching team' }, qualification: { vi: 'Cử nhân Giáo dục mầm non', en: 'BEd in Early Childhood Education' } },
    { name: 'Vũ Thị Thu Trang', role: { vi: 'Giáo viên lớp Mẫu giáo lớn A1', en: 'Teacher, class A1 (5–6 years)' }, qualification: { vi: 'Cử nhân Giáo dục mầm non', en: 'BEd in Early Childhood Education' } },
    { name: 'Đặng Thị Mai', role: { vi: 'Giáo viên nhóm Nhà trẻ D1', en: 'Teacher, nursery group D1' }, qualification: { vi: 'Cao đẳng Sư phạm mầm non', en: 'Diploma in Early Childhood Education' } },
    { name: 'Hoàng Thị Ngọc Anh', role: { vi: 'Văn thư – Thư viện', en: 'Clerk and librarian' }, qualification: { vi: 'Cử nhân Thông tin – Thư viện', en: 'BA in Library and Information Science' } },
  ] satisfies Array<{ name: string; role: Both; qualification: Both }>,
  statistics: { classes: 14, children: 420, staffCount: 42 },
})
