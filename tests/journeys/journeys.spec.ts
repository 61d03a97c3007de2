/**
 * The school's main journey in a real browser (Debian's Chromium driven by playwright-core) against
 * the real server: a teacher writes a learning material for parents and submits it, the reviewer
 * publishes it, a parent finds it on a phone, and an anonymous visitor never does. The journeys
 * share one server and run in order; each key step leaves a screenshot under `test-results/`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BrowserContext, Locator, Page } from 'playwright-core'
import sharp from 'sharp'

import { writePdf } from '../../src/seed/demo/pdf.js'
import { apiClient, closeSchoolInBrowser, eventually as waitFor, signInToAdmin, startSchoolInBrowser } from '../helpers/browser.js'
import type { RunningServer } from '../helpers/server.js'

const password = process.env.DEMO_PASSWORD ?? 'truongso-demo'
const teacher = 'giaovien@truongso.test'
const reviewer = 'totruong@truongso.test'
const parent = 'phuhuynh@truongso.test'

/** Payload's admin is slow on a small machine even in a production build. */
const stepTimeout = 60_000
const shots = path.resolve('test-results')

/** A title no demo content shares, with diacritics the parent will not type. */
const stamp = Date.now().toString(36)
const title = `Bé vui học đếm cùng gà con ${stamp}`
const folded = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
const query = folded(title)

type Material = { id: number | string; slug: string; _status: string; reviewStatus?: string; files?: Array<{ url?: string }> }

let server: RunningServer
let context: BrowserContext
let workDir: string
let pdfPath: string
let jpegPath: string
/** Filled by the teacher's journey, read by the ones after it. */
let material: Material | undefined

const api = apiClient(() => server.url)
const eventually = <T>(check: () => Promise<T | undefined>, what: string, timeout = stepTimeout) => waitFor(check, what, timeout)

const tokenOf = async (email: string): Promise<string> => {
  const response = await api('/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })

/** A fresh tab with no session: every journey starts signed out. */
const freshPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> => {
  await context.clearCookies()
  const page = await context.newPage()
  page.setDefaultTimeout(stepTimeout)
  page.setDefaultNavigationTimeout(stepTimeout)
  await page.setViewportSize(viewport)
  return page
}

/** Picks `label` in the react-select inside `field`. */
const choose = async (page: Page, field: Locator, label: string) => {
  await field.locator('.rs__control').click()
  await page.locator('.rs__option').filter({ hasText: new RegExp(`^${label}$`) }).click()
  await field.locator('.rs__single-value').filter({ hasText: new RegExp(`^${label}$`) }).waitFor()
}

/**
 * Uploads a new file through the upload field's "Tạo mới" drawer: the file goes into the drawer's
 * file input, an image's description is filled there (a PDF is asked none), and the drawer saves
 * it. A teacher's file stays at the level it starts at (staff): parents get it when the reviewer
 * publishes the material.
 */
const uploadThroughDrawer = async (page: Page, fieldId: string, file: string, alt?: string) => {
  const field = page.locator(`#${fieldId}`)
  await field.getByRole('button', { name: 'Tạo mới' }).click()
  // hasMany fields open the bulk-upload drawer, single ones a document drawer: both are the top dialog.
  const drawer = page.locator('dialog.drawer--is-open').last()
  await drawer.waitFor()
  await drawer.locator('input[type=file]').first().setInputFiles(file)
  if (alt) await drawer.locator('input[name="alt"]').fill(alt)
  await drawer.getByRole('button', { name: 'Lưu', exact: true }).click()
  await drawer.waitFor({ state: 'detached' })
  await field.getByText(path.basename(file)).first().waitFor()
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  workDir = mkdtempSync(path.join(tmpdir(), 'truongso-journeys-'))
  pdfPath = path.join(workDir, `dem-so-${stamp}.pdf`)
  jpegPath = path.join(workDir, `ga-con-${stamp}.jpg`)
  writeFileSync(
    pdfPath,
    await writePdf({ title, lines: [{ text: 'Phiếu bài tập', heading: true }, { text: 'Bé đếm số gà con và tô màu.' }] }),
  )
  await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 250, g: 200, b: 60 } } })
    .jpeg()
    .toFile(jpegPath)

  ;({ context, server } = await startSchoolInBrowser(workDir))
}, 15 * 60_000)

afterAll(() => closeSchoolInBrowser({ context, server }, workDir))

it('a teacher writes a material for parents in the admin, submits it, and cannot publish it', async () => {
  const page = await freshPage()
  await page.goto(`${server.url}/admin`)
  await page.waitForURL(/\/admin\/login/)
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor()
  await shoot(page, '1-teacher-login')
  await signInToAdmin(page, server.url, teacher, password)
  await page.getByRole('link', { name: 'Học liệu số' }).first().waitFor()

  await page.goto(`${server.url}/admin/collections/learning-materials/create`)
  await page.locator('#field-title').fill(title)
  await choose(page, page.locator('#field-materialType'), 'Phiếu học tập')
  await choose(page, page.locator('#field-accessLevel'), 'Phụ huynh')
  await uploadThroughDrawer(page, 'field-cover', jpegPath, 'Gà con màu vàng trên nền nắng')
  await uploadThroughDrawer(page, 'field-files', pdfPath)
  await shoot(page, '1-teacher-filled')

  await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await page.waitForURL(/\/admin\/collections\/learning-materials\/(?!create)[^/?]+$/)
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
  await shoot(page, '1-teacher-draft')

  await page.getByRole('button', { name: 'Gửi duyệt' }).click()
  const token = await tokenOf(teacher)
  material = await eventually(async () => {
    const doc = (await (await api(`/learning-materials/${id}?draft=true&depth=1`, { token })).json()) as Material
    return doc.reviewStatus === 'submitted' ? doc : undefined
  }, 'the draft to be submitted for review')
  expect(material._status).toBe('draft')
  await shoot(page, '1-teacher-submitted')

  await expect(page.getByRole('button', { name: /Xuất bản/ }).count()).resolves.toBe(0)
  const publish = await api(`/learning-materials/${id}`, { method: 'PATCH', token, body: JSON.stringify({ _status: 'published' }) })
  expect(publish.status).toBe(403)
  await page.close()
})

it('the reviewer opens the submitted material and publishes it', async () => {
  expect(material).toBeDefined()
  const page = await freshPage()
  await signInToAdmin(page, server.url, reviewer, password)
  await page.goto(`${server.url}/admin/collections/learning-materials/${material!.id}`)
  await expect(page.locator('#field-title').inputValue()).resolves.toBe(title)
  await shoot(page, '2-reviewer-opens')

  await page.getByRole('button', { name: /Xuất bản/ }).first().click()
  const token = await tokenOf(reviewer)
  material = await eventually(async () => {
    const doc = (await (await api(`/learning-materials/${material!.id}?depth=1`, { token })).json()) as Material
    return doc._status === 'published' ? doc : undefined
  }, 'the material to be published')
  expect(material.reviewStatus).toBe('approved')
  await shoot(page, '2-reviewer-published')
  await page.close()
})

it('a parent on a phone finds the material by typing its title without diacritics and sees the PDF', async () => {
  expect(material?._status).toBe('published')
  const page = await freshPage({ width: 390, height: 844 })
  await page.goto(`${server.url}/dang-nhap`)
  await page.getByLabel('Thư điện tử').fill(parent)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await shoot(page, '3-parent-home')

  // The index is fed by a job queue: wait until the search answers the parent before typing.
  const token = await tokenOf(parent)
  await eventually(async () => {
    const answer = (await (await api(`/search?q=${encodeURIComponent(query)}`, { token })).json()) as { hits: Array<{ title: string }> }
    return answer.hits.some((hit) => hit.title === title) ? true : undefined
  }, 'the search index to hold the material')

  await page.goto(`${server.url}/thu-vien`)
  await page.getByLabel('Từ khóa').pressSequentially(query)
  const hit = page.getByRole('link', { name: title })
  await hit.waitFor()
  await shoot(page, '3-parent-search')

  await hit.click()
  await page.waitForURL(/\/hoc-lieu\//)
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
  const viewer = page.locator(`iframe[title="Xem tài liệu: ${path.basename(pdfPath)}"]`)
  await viewer.waitFor()
  const pdfUrl = new URL((await viewer.getAttribute('src'))!, server.url).href
  const pdf = await page.request.get(pdfUrl)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  await shoot(page, '3-parent-material')
  await page.close()
})

it('an anonymous visitor reads public news and documents but never meets the parents-level material', async () => {
  expect(material?._status).toBe('published')
  const page = await freshPage()
  const newest = async (collection: string, sort: string): Promise<string> => {
    const { docs } = (await (await api(`/${collection}?limit=1&depth=0&sort=${sort}&where[_status][equals]=published`)).json()) as {
      docs: Array<{ title: string }>
    }
    expect(docs[0]).toBeDefined()
    return docs[0].title
  }

  await page.goto(`${server.url}/tin-tuc`)
  await page.getByText(await newest('announcements', '-publishedAt')).first().waitFor()
  await shoot(page, '4-anonymous-news')

  await page.goto(`${server.url}/van-ban`)
  await page.getByText(await newest('regulatory-documents', '-issueDate')).first().waitFor()
  await shoot(page, '4-anonymous-documents')

  await page.goto(`${server.url}/hoc-lieu`)
  await page.getByRole('heading', { level: 1, name: 'Học liệu số' }).waitFor()
  await expect(page.getByText(title).count()).resolves.toBe(0)

  const detail = await page.goto(`${server.url}/hoc-lieu/${material!.slug}`)
  expect(detail?.status()).toBe(404)
  await shoot(page, '4-anonymous-detail-404')

  await page.goto(`${server.url}/thu-vien`)
  await page.getByLabel('Từ khóa').pressSequentially(query)
  await page.getByRole('status').filter({ hasText: `kết quả cho “${query}”` }).waitFor()
  await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(0)
  await shoot(page, '4-anonymous-search')

  const file = material!.files?.[0]?.url
  expect(file).toBeDefined()
  const pdf = await page.request.get(new URL(file!, server.url).href)
  expect(pdf.status()).not.toBe(200)
  await page.close()
})
