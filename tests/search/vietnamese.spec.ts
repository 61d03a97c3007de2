import type { Payload } from 'payload'

import type { User } from '../../src/payload-types.js'

import { PLAN } from '../../src/seed/demo/plan.js'
import { richText } from '../../src/seed/demo/richText.js'
import { seedDemo } from '../../src/seed/seedDemo.js'
import { tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { runSearchQueue, search } from './support.js'

let payload: Payload
let admin: User
let token: string

/** Titles of our own, where the demo has no document written with the abbreviation. */
const own = {
  bac: 'Bác Hồ với thiếu nhi',
  bac2: 'Bạc Liêu – quê hương cây đàn kìm',
  gddt: 'Công văn của Phòng GDĐT Kiến Thụy về an toàn trường học',
  kh: 'KH hoạt động tháng 11 của tổ Nhà trẻ',
  mn: 'Lịch tham quan trường MN Hoa Sen',
  pgddt: 'Công văn PGDĐT về lịch nghỉ Tết Nguyên đán',
  script: 'Bài hát <script>alert("xss")</script> vui nhộn',
  ubnd: 'Thông báo của UBND xã Lưu Kiếm về tiêm chủng',
}

const hp227 = 'Kế hoạch chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030'
const sgd554 = 'Công văn về việc tuyên truyền chuyển đổi số trong các cơ sở giáo dục'
const tn46 = 'Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn huyện Thủy Nguyên giai đoạn 2022-2025'
const launch = 'Trường Mầm non Phục Lễ ra mắt kho học liệu số và thư viện số'

beforeAll(async () => {
  payload = await bootPayload('search-vietnamese')
  await seedDemo(payload)
  admin = (await payload.find({ collection: 'users', overrideAccess: true, where: { email: { equals: 'admin@truongso.test' } } })).docs[0]
  token = await tokenFor(payload, 'admin@truongso.test', 'truongso-demo')
  for (const title of Object.values(own)) {
    await payload.create({
      collection: 'announcements',
      data: {
        _status: 'published',
        accessLevel: 'public',
        body: title === own.script ? richText(['Lời bài hát có thẻ <b>đậm</b> và <img src=x onerror=alert(1)> trong nội dung.']) : undefined,
        category: 'news',
        excerpt: title === own.script ? 'Tóm tắt <iframe src="//evil.example"></iframe> bài hát' : undefined,
        title,
      },
      depth: 0,
      overrideAccess: false,
      user: admin,
    })
  }
  await runSearchQueue(payload)
})
afterAll(async () => shutdownPayload(payload))

const titlesFor = async (q: string, limit = 20) => (await search(payload, { limit: String(limit), q }, { token })).hits.map((hit) => hit.title)

describe.each([
  // With and without diacritics, and decomposed (NFD) as some keyboards and PDFs produce.
  ['học liệu', launch, 3],
  ['hoc lieu', launch, 3],
  ['học liệu'.normalize('NFD'), launch, 3],
  ['vòng tuần hoàn', 'Bài giảng điện tử: Vòng tuần hoàn của nước', 1],
  ['vong tuan hoan', 'Bài giảng điện tử: Vòng tuần hoàn của nước', 1],
  ['bánh chưng', 'Giáo án: Bé gói bánh chưng ngày Tết', 1],
  ['banh chung', 'Giáo án: Bé gói bánh chưng ngày Tết', 3],
  ['Thủy Nguyên'.normalize('NFD'), tn46, 3],
  ['thuy nguyen', tn46, 3],
  ['Dế Mèn', 'Dế Mèn phiêu lưu ký', 1],
  ['de men phieu luu', 'Dế Mèn phiêu lưu ký', 1],
  ['Tô Hoài', 'Dế Mèn phiêu lưu ký', 1],
  ['rua tay xa phong', 'Video: Bé tập rửa tay bằng xà phòng', 1],
  ['an toan giao thong', 'Bé học an toàn giao thông', 3],
  ['bảo vệ dữ liệu cá nhân', 'Nghị định về bảo vệ dữ liệu cá nhân', 2],
  ['bao ve du lieu ca nhan', 'Luật Bảo vệ dữ liệu cá nhân', 2],
  ['thuc don mua dong', 'Thực đơn mùa đông: món ăn ấm nóng cho bé', 1],
  ['son tinh thuy tinh', 'Truyện cổ tích Việt Nam: Sơn Tinh, Thủy Tinh', 1],
  ['ĐỒNG DAO', 'Đồng dao cho bé', 1],
  // A typo in a longer word is forgiven.
  ['tuyển sinhh', 'Hướng dẫn đăng ký tuyển sinh trực tuyến', 3],
  ['thí nghim', 'Video thí nghiệm: Cây hút nước', 3],
  ['chuyn đổi số Hải Phòng', hp227, 3],
  ['Thủy Nguyeen', tn46, 3],
  ['bánh chưnh', 'Giáo án: Bé gói bánh chưng ngày Tết', 3],
  ['phieeu luu', 'Dế Mèn phiêu lưu ký', 1],
  // Abbreviations, both ways.
  ['trường MN', 'Giáo án khám phá: Trường mầm non của bé', 5],
  ['mầm non Hoa Sen', own.mn, 1],
  ['mam non hoa sen', own.mn, 1],
  ['KH chuyển đổi số Hải Phòng', hp227, 2],
  ['kế hoạch tháng 11 tổ nhà trẻ', own.kh, 1],
  ['GDĐT', 'Thông tư ban hành Quy chế thực hiện công khai đối với cơ sở giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân', 3],
  ['GDĐT Kiến Thụy', own.gddt, 1],
  ['giáo dục và đào tạo Kiến Thụy', own.gddt, 3],
  ['giao duc va dao tao kien thuy', own.gddt, 3],
  ['UBND Thủy Nguyên', tn46, 1],
  ['ủy ban nhân dân xã Lưu Kiếm', own.ubnd, 1],
  ['uy ban nhan dan xa luu kiem', own.ubnd, 1],
  ['phòng giáo dục và đào tạo nghỉ Tết', own.pgddt, 1],
  // Official document numbers, however they are typed.
  ['227/KH-UBND', hp227, 1],
  ['227/kh-ubnd', hp227, 1],
  ['Số 227/KH-UBND', hp227, 1],
  ['554/SGDĐT-VP', sgd554, 1],
  ['554/SGDDT-VP', sgd554, 1],
  ['4725/QD-BGDDT', 'Quyết định ban hành Bộ chỉ số đánh giá chuyển đổi số cơ sở giáo dục phổ thông và giáo dục thường xuyên', 1],
  ['13/2023/NĐ-CP', 'Nghị định về bảo vệ dữ liệu cá nhân', 1],
  ['45/KH-MNPL', PLAN.title, 1],
  // Search as you type: the last word may be unfinished.
  ['khám ph', 'Giáo án khám phá: Trường mầm non của bé', 5],
  ['bánh chư', 'Giáo án: Bé gói bánh chưng ngày Tết', 1],
  ['vòng tuần ho', 'Bài giảng điện tử: Vòng tuần hoàn của nước', 1],
  ['truyện cổ tí', 'Truyện cổ tích Việt Nam: Tấm Cám', 8],
] as const)('the query %j', (query, expected, top) => {
  it(`finds “${expected}” in the top ${top}`, async () => {
    expect((await titlesFor(query)).slice(0, top)).toContain(expected)
  })
})

describe('exact tones', () => {
  it('rank "Bác" before "Bạc" for the query "bác"', async () => {
    const titles = await titlesFor('bác')
    expect(titles).toContain(own.bac2)
    expect(titles.indexOf(own.bac)).toBeLessThan(titles.indexOf(own.bac2))
  })

  it('rank "Bạc" first for the query "bạc", before every "Bác"', async () => {
    const titles = await titlesFor('bạc')
    expect(titles[0]).toBe(own.bac2)
    expect(titles).toContain(own.bac)
  })

  it('find both with the toneless query "bac"', async () => {
    expect(await titlesFor('bac')).toEqual(expect.arrayContaining([own.bac, own.bac2]))
  })
})

describe('highlights', () => {
  const hitTitled = async (q: string, title: string) => {
    const hit = (await search(payload, { q }, { token })).hits.find((each) => each.title === title)
    if (!hit) throw new Error(`${JSON.stringify(q)} does not find “${title}”`)
    return hit
  }

  it.each([
    ['hoc lieu', launch, 'Trường Mầm non Phục Lễ ra mắt kho <mark>học</mark> <mark>liệu</mark> số và thư viện số'],
    ['học liệu'.normalize('NFD'), launch, 'Trường Mầm non Phục Lễ ra mắt kho <mark>học</mark> <mark>liệu</mark> số và thư viện số'],
    ['VONG TUAN HOAN', 'Bài giảng điện tử: Vòng tuần hoàn của nước', 'Bài giảng điện tử: <mark>Vòng</mark> <mark>tuần</mark> <mark>hoàn</mark> của nước'],
    ['de men', 'Dế Mèn phiêu lưu ký', '<mark>Dế</mark> <mark>Mèn</mark> phiêu lưu ký'],
  ])('mark the words of %j in the title as the document spells them', async (q, title, marked) => {
    expect((await hitTitled(q, title)).highlights.title).toBe(marked)
  })

  it('escape markup written in a title, a summary or a body, and mark only the matches', async () => {
    const hit = await hitTitled('bài hát vui nhộn alert', own.script)
    expect(hit.highlights.title).toBe(
      '<mark>Bài</mark> <mark>hát</mark> &#60;script&#62;<mark>alert</mark>(&#34;xss&#34;)&#60;/script&#62; <mark>vui</mark> <mark>nhộn</mark>',
    )
    for (const fragment of Object.values(hit.highlights)) {
      expect(fragment?.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    }
    expect(hit.highlights.summary).toContain('&#60;iframe')
  })

  it('crop body text around the match and escape it', async () => {
    const hit = await hitTitled('lời bài hát thẻ đậm', own.script)
    expect(hit.highlights.text).toContain('<mark>Lời</mark>')
    expect(hit.highlights.text).toContain('&#60;b&#62;<mark>đậm</mark>&#60;/b&#62;')
    expect(hit.highlights.text).not.toContain('<img')
  })
})
