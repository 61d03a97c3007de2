/**
 * The public website as a reader meets it: the real server (`npm start`), pages fetched over HTTP
 * anonymously and as the demo parent, who logs in through the REST API like any client would.
 */
import { slugify } from '../../src/lib/slugify.js'
import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { demoAnnouncements } from '../../src/seed/demo/announcements.js'
import { demoLibraryItems } from '../../src/seed/demo/library.js'
import { demoMaterials } from '../../src/seed/demo/materials.js'
import type { Block } from '../../src/seed/demo/richText.js'
import { type RunningServer, startDemoServer, stopServer } from '../helpers/server.js'

type Doc = { id: number; slug?: string; title: string }

const readers = ['anonymous', 'parent'] as const
type Reader = (typeof readers)[number]

const parentAccount = demoAccounts.find((account) => account.key === 'parent')!
const teacherAccount = demoAccounts.find((account) => account.key === 'teacher')!

const parentsMaterial = demoMaterials.find((item) => item.accessLevel === 'parents' && item.status === 'published')!
const parentsBook = demoLibraryItems.find((item) => item.accessLevel === 'parents' && item.status === 'published')!
const now = new Date()
const announcements = demoAnnouncements(now)
/** Out now for parents: published, past its time, not expired. */
const parentsNotice = announcements.find(
  (item) =>
    item.accessLevel === 'parents' &&
    item.status === 'published' &&
    item.publishedInDays <= 0 &&
    (item.expiresInDays === undefined || item.expiresInDays > 0),
)!

/** Titles no anonymous reader or parent may ever see on the site. */
const hiddenTitles = [
  ...demoMaterials.filter((item) => item.status !== 'published').map((item) => item.title),
  ...demoLibraryItems.filter((item) => item.status !== 'published').map((item) => item.title),
  ...announcements.filter((item) => item.status !== 'published' || item.publishedInDays > 0).map((item) => item.title),
  ...[...demoMaterials, ...demoLibraryItems, ...announcements]
    .filter((item) => item.accessLevel === 'staff' || item.accessLevel === 'leadership')
    .map((item) => item.title),
]

let server: RunningServer
let parentToken: string
/** Every page of the site with a Vietnamese text it must show; filled once the demo is known. */
let pages: Array<{ path: string; shows: string[] }>

const cookieOf = (reader: Reader): Record<string, string> => (reader === 'parent' ? { Cookie: `payload-token=${parentToken}` } : {})

/** The page's text as a reader sees it: entities decoded, RSC payload quotes unescaped. */
const readable = (html: string): string =>
  html
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replaceAll('\\"', '"')

const get = async (path: string, reader: Reader, init: RequestInit = {}) => {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init, headers: { ...cookieOf(reader), ...init.headers } })
  return { response, html: readable(await response.text()) }
}

/** Which of `texts` the page lacks (or, with `shown: false`, shows); short failure messages instead of whole pages. */
const check = (html: string, texts: string[], shown = true): string[] => texts.filter((text) => html.includes(text) !== shown)

const api = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}/api${path}`)).json()) as T

/** A document an anonymous reader can read, found through the public API. */
const findPublic = async (collection: string, field: string, value: string): Promise<Doc> => {
  const { docs } = await api<{ docs: Doc[] }>(`/${collection}?limit=1&depth=0&where[${field}][equals]=${encodeURIComponent(value)}`)
  if (!docs[0]) throw new Error(`no public ${collection} with ${field} = ${value}`)
  return docs[0]
}

const isPublished = (item: { accessLevel: string; status: string }) => item.accessLevel === 'public' && item.status === 'published'

/** A sentence of a demo document's rich text (a paragraph or a list item): shown only where the body is. */
const sentenceOf = (body: Block[]): string => {
  for (const block of body) {
    if (typeof block === 'string') return block
    if ('ul' in block) return block.ul[0]
    if ('ol' in block) return block.ol[0]
  }
  throw new Error('no sentence in this body')
}

const loginToken = async (email: string): Promise<string> => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword() }),
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token) throw new Error(`could not log in ${email}`)
  return token
}

/** The id React gives a server action in a form rendered without JavaScript. */
const actionField = (html: string): string => {
  const name = html.match(/name="(\$ACTION_ID_[0-9a-f]+)"/)?.[1]
  if (!name) throw new Error('no server action form on the page')
  return name
}

const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  return fetch(`${server.url}${path}`, { method: 'POST', body: form, redirect: 'manual', headers })
}

beforeAll(async () => {
  server = await startDemoServer()
  parentToken = await loginToken(parentAccount.email)
  const demoNews = announcements.find((item) => isPublished(item) && item.attachment && item.publishedInDays <= 0)!
  const demoMaterial = demoMaterials.find((item) => isPublished(item) && item.pdf)!
  const [news, material, book, document] = await Promise.all([
    findPublic('announcements', 'title', demoNews.title),
    findPublic('learning-materials', 'title', demoMaterial.title),
    findPublic('library-items', 'title', demoLibraryItems.find(isPublished)!.title),
    findPublic('regulatory-documents', 'documentNumber', '45/KH-MNPL'),
  ])
  pages = [
    { path: '/', shows: ['Tin tức – Thông báo mới', 'Học liệu mới'] },
    { path: '/gioi-thieu', shows: ['Giới thiệu', 'Cơ sở vật chất', 'Đội ngũ'] },
    { path: '/tin-tuc', shows: ['Tin tức – Thông báo', 'Tất cả'] },
    { path: '/tin-tuc?category=enrolment', shows: ['Tuyển sinh'] },
    // Read by slug through a list, which leaves the body out unless the page names it in `select`.
    { path: `/tin-tuc/${news.slug}`, shows: [news.title, 'Tệp đính kèm', sentenceOf(demoNews.body)] },
    { path: '/hoc-lieu', shows: ['Học liệu số', 'Độ tuổi', 'Lĩnh vực phát triển', 'Chủ đề'] },
    { path: '/hoc-lieu?ageGroup=mau-giao-lon&type=lesson-plan', shows: ['Giáo án', 'Mẫu giáo lớn'] },
    { path: `/hoc-lieu/${material.slug}`, shows: [material.title, 'Xem và tải về', 'Tải về', 'Nội dung', sentenceOf(demoMaterial.body)] },
    { path: '/thu-vien', shows: ['Thư viện số', 'Từ khóa'] },
    { path: '/thu-vien?q=truyen+co+tich', shows: ['Tấm Cám', '<mark>'] },
    { path: `/thu-vien/${book.id}`, shows: [book.title, 'Tác giả'] },
    { path: '/van-ban', shows: ['Số, ký hiệu', 'Cơ quan ban hành', '45/KH-MNPL'] },
    { path: '/van-ban?type=KH', shows: ['Kế hoạch'] },
    { path: `/van-ban/${document.id}`, shows: ['45/KH-MNPL', 'Văn bản liên quan', 'Thực hiện', 'Còn hiệu lực'] },
    { path: '/dang-nhap', shows: ['Đăng nhập'] },
  ]
}, 10 * 60_000)

afterAll(async () => {
  if (server) await stopServer(server)
})

describe.each(readers)('the website for an %s reader', (reader) => {
  it('answers every page in Vietnamese, in a document marked lang="vi"', async () => {
    for (const page of pages) {
      const { response, html } = await get(page.path, reader)
      expect({ path: page.path, status: response.status }).toEqual({ path: page.path, status: 200 })
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(html).toMatch(/<html lang="vi"/)
      expect({ path: page.path, missing: check(html, page.shows) }).toEqual({ path: page.path, missing: [] })
    }
  })

  it('never shows a draft, a scheduled announcement or staff-only content on any page', async () => {
    expect(hiddenTitles.length).toBeGreaterThan(5)
    for (const page of [...pages, { path: '/hoc-lieu?page=2' }, { path: '/hoc-lieu?page=3' }, { path: '/thu-vien?q=' }]) {
      const { html } = await get(page.path, reader)
      expect({ path: page.path, leaked: check(html, hiddenTitles, false) }).toEqual({ path: page.path, leaked: [] })
    }
  })

  it('greets a logged-in reader and offers everyone else the login page', async () => {
    const { html } = await get('/', reader)
    if (reader === 'parent') {
      expect(check(html, [`Xin chào, ${parentAccount.name}`, 'Đăng xuất'])).toEqual([])
      expect(check(html, ['Trang quản trị'], false)).toEqual([])
    } else {
      expect(check(html, ['href="/dang-nhap"'])).toEqual([])
      expect(check(html, ['Xin chào', 'Đăng xuất'], false)).toEqual([])
    }
  })

  it('explains an unknown address with a Vietnamese 404', async () => {
    for (const path of ['/trang-khong-co-that', '/hoc-lieu/khong-co-hoc-lieu-nay', '/thu-vien/999999', '/van-ban/999999', '/tin-tuc/khong-co-tin-nay']) {
      const { response, html } = await get(path, reader)
      expect({ path, status: response.status, missing: check(html, ['Không tìm thấy trang']) }).toEqual({ path, status: 404, missing: [] })
    }
  })
})

/** The `<img>` of each card on a page, in order. */
const cardImages = (html: string): string[] => [...html.matchAll(/<article class="card"><picture class="card-image">.*?(<img [^>]*>)/g)].map((match) => match[1]!)

describe('the pictures of a list of cards', () => {
  it.each(['/', '/tin-tuc', '/hoc-lieu'])('%s loads the picture of its first card at once and ahead of the scripts, the others as the reader scrolls near them', async (path) => {
    const { html } = await get(path, 'anonymous')
    const [first, ...others] = cardImages(html)
    expect(first).toBeDefined()
    expect(first).toMatch(/loading="eager"/)
    expect(first).toMatch(/fetchPriority="high"/)
    expect(others.length).toBeGreaterThan(0)
    for (const image of others) expect(image).toMatch(/loading="lazy"/)
    for (const image of others) expect(image).not.toMatch(/fetchPriority/)
  })
})

describe('the register of documents (/van-ban)', () => {
  it('gives each row one link, and never says the type twice ("Kế hoạch Kế hoạch …")', async () => {
    const { html } = await get('/van-ban', 'anonymous')
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, row]) => row).filter((row) => row.includes('<td'))
    expect(rows.length).toBeGreaterThan(5)
    for (const row of rows) expect((row.match(/<a /g) ?? []).length).toBe(1)
    const text = readable(html).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(text).not.toMatch(/\b(Luật|Kế hoạch|Quyết định|Thông tư|Nghị định|Công văn|Báo cáo) \1\b/i)
  })
})

describe("parents' content", () => {
  it("lists and opens a parents' material for the parent only", async () => {
    const list = `/hoc-lieu?type=${parentsMaterial.materialType}`
    expect(check((await get(list, 'parent')).html, [parentsMaterial.title, 'Dành cho phụ huynh'])).toEqual([])
    expect(check((await get(list, 'anonymous')).html, [parentsMaterial.title], false)).toEqual([])

    const detail = `/hoc-lieu/${slugify(parentsMaterial.title)}`
    const forParent = await get(detail, 'parent')
    expect({ status: forParent.response.status, missing: check(forParent.html, [parentsMaterial.title]) }).toEqual({ status: 200, missing: [] })
    const forAnonymous = await get(detail, 'anonymous')
    expect({ status: forAnonymous.response.status, leaked: check(forAnonymous.html, [parentsMaterial.title], false) }).toEqual({ status: 404, leaked: [] })
  })

  it("shows the parents' notice on the home page and in the news to the parent only", async () => {
    for (const path of ['/', '/tin-tuc']) {
      expect({ path, missing: check((await get(path, 'parent')).html, [parentsNotice.title]) }).toEqual({ path, missing: [] })
      expect({ path, leaked: check((await get(path, 'anonymous')).html, [parentsNotice.title], false) }).toEqual({ path, leaked: [] })
    }
  })

  it("finds a parents' book in the library search, typed without diacritics, for the parent only", async () => {
    const words = slugify(parentsBook.title).split('-').slice(0, 4).join('+')
    expect(check((await get(`/thu-vien?q=${words}`, 'parent')).html, [parentsBook.title])).toEqual([])
    expect(check((await get(`/thu-vien?q=${words}`, 'anonymous')).html, [parentsBook.title], false)).toEqual([])
  })
})

describe('an editor browsing the website', () => {
  it('sees only published work there, not the drafts the API lets her read', async () => {
    const token = await loginToken(teacherAccount.email)
    const answer = await fetch(`${server.url}/api/learning-materials?limit=100&depth=0&where[_status][equals]=draft`, {
      headers: { Authorization: `JWT ${token}` },
    })
    const drafts = ((await answer.json()) as { docs: Doc[] }).docs
    expect(drafts.length).toBeGreaterThan(0)
    const titles = drafts.map((draft) => draft.title)
    for (const path of ['/', '/hoc-lieu', '/hoc-lieu?page=2', '/hoc-lieu?page=3', ...drafts.map((draft) => `/hoc-lieu/${draft.slug}`)]) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: `payload-token=${token}` } })
      expect({ path, leaked: check(readable(await response.text()), titles, false) }).toEqual({ path, leaked: [] })
    }
  })
})

describe('logging in and out through the website', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site and sends a parent home', async () => {
    const form = await get('/dang-nhap', 'anonymous')
    const response = await postForm('/dang-nhap', { [actionField(form.html)]: '', email: parentAccount.email, password: demoPassword() })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=[^;]+;/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=lax/i)
  })

  it('says in Vietnamese when the password is wrong', async () => {
    const form = await get('/dang-nhap', 'anonymous')
    const response = await postForm('/dang-nhap', { [actionField(form.html)]: '', email: teacherAccount.email, password: 'not-the-password' })
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(response.headers.get('set-cookie') ?? '').not.toContain('payload-token=ey')
    const { html } = await get(location, 'anonymous')
    expect(check(html, ['Thư điện tử hoặc mật khẩu không đúng'])).toEqual([])
  })

  it.each(['//example.com/', '/\t/evil.example/pwned', '/\\evil.example', '/..//evil.example', 'https://evil.example/'])(
    'keeps the return address %j on this site after a login without JavaScript',
    async (tiep) => {
      const form = await get('/dang-nhap', 'anonymous')
      const response = await postForm('/dang-nhap', {
        [actionField(form.html)]: '',
        email: parentAccount.email,
        password: demoPassword(),
        tiep,
      })
      expect(response.headers.get('location')).toBe('/')
    },
  )

  it('drops a hostile return address from the login link before the form carries it', async () => {
    const { html } = await get(`/dang-nhap?tiep=${encodeURIComponent('/\t/evil.example/pwned')}`, 'anonymous')
    expect(html).not.toContain('evil.example')
  })

  it.each(['/%09/evil.example', '//evil.example', '/%5Cevil.example', '/..//evil.example'])(
    "sends a signed-in teacher from the admin login with ?redirect=%s to the admin, not away",
    async (redirect) => {
      const token = await loginToken(teacherAccount.email)
      const response = await fetch(`${server.url}/admin/login?redirect=${encodeURIComponent(decodeURIComponent(redirect))}`, {
        headers: { Cookie: `payload-token=${token}` },
        redirect: 'manual',
      })
      expect(response.status).toBeGreaterThanOrEqual(300)
      expect(new URL(response.headers.get('location') ?? '', server.url).origin).toBe(new URL(server.url).origin)
    },
  )

  it('points a teacher to the admin panel', async () => {
    const token = await loginToken(teacherAccount.email)
    const response = await fetch(`${server.url}/dang-nhap`, { headers: { Cookie: `payload-token=${token}` } })
    expect(check(await response.text(), ['href="/admin"', 'Vào trang quản trị'])).toEqual([])
  })

  it('logs out by ending the session on the server and clearing the cookie', async () => {
    const token = await loginToken(parentAccount.email)
    const page = await fetch(`${server.url}/dang-xuat`, { headers: { Cookie: `payload-token=${token}` } })
    const response = await postForm('/dang-xuat', { [actionField(await page.text())]: '' }, { Cookie: `payload-token=${token}` })
    expect(response.status).toBe(303)
    expect(response.headers.get('set-cookie')).toMatch(/^payload-token=;/)
    const me = (await (await fetch(`${server.url}/api/users/me`, { headers: { Authorization: `JWT ${token}` } })).json()) as { user: unknown }
    expect(me.user).toBeNull()
  })
})

describe('next to the admin panel', () => {
  it('leaves /admin and /api to Payload', async () => {
    const admin = await fetch(`${server.url}/admin/login`)
    expect(admin.status).toBe(200)
    expect(check(await admin.text(), ['lang="vi"'])).toEqual([])
    const search = await fetch(`${server.url}/api/search?q=truyen&collections=library-items,learning-materials`)
    expect(search.status).toBe(200)
    expect(((await search.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0)
  })
})

describe('the topics the materials page offers', () => {
  it('come from every published material, not only the first page the API gives', async () => {
    const adminAccount = demoAccounts.find((account) => account.key === 'admin')!
    const token = await loginToken(adminAccount.email)
    // More than the API's largest page (100), the first and the last with a topic of their own.
    const topics = ['Chủ đề của tài liệu đầu tiên', 'Chủ đề của tài liệu cuối cùng']
    for (let index = 0; index < 101; index++) {
      const topic = index === 0 ? topics[0] : index === 100 ? topics[1] : 'Chủ đề chung'
      const response = await fetch(`${server.url}/api/learning-materials`, {
        method: 'POST',
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Phiếu bài tập số ${index + 1}`, materialType: 'worksheet', topic, accessLevel: 'public', _status: 'published' }),
      })
      expect(response.status).toBe(201)
    }
    const { html } = await get('/hoc-lieu', 'anonymous')
    expect(check(html, topics)).toEqual([])
  })
})
