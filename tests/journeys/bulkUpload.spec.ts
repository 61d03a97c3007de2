/**
 * A teacher brings a term's files to school in one go: she signs into the admin in a real browser
 * (Debian's Chromium driven by playwright-core) and drops them all into the media list's bulk
 * upload. The files are real (tests/fixtures/realFiles.ts): plans printed by Chromium up to 150
 * pages, Word and PowerPoint files by pandoc, 12-megapixel phone photos with GPS, a song and a
 * video. Then the server, on its own, reads the longest plan's text, and a parent finds its last
 * page without typing a diacritic. Key steps leave screenshots under `test-results/`.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BrowserContext, Locator, Page } from 'playwright-core'

import { type RealFiles, realFileList, realFiles } from '../fixtures/realFiles.js'
import { apiClient, closeSchoolInBrowser, eventually as waitFor, signInToAdmin, startSchoolInBrowser } from '../helpers/browser.js'
import type { RunningServer } from '../helpers/server.js'

const password = process.env.DEMO_PASSWORD ?? 'truongso-demo'
const teacher = 'giaovien@truongso.test'
const reviewer = 'totruong@truongso.test'
const parent = 'phuhuynh@truongso.test'

/** Payload's admin is slow on a small machine, and this drawer sends some 30 MB. */
const stepTimeout = 120_000
/** Files saved one after the other through the drawer: on a busy machine more than jest's default. */
const journeyTimeout = 15 * 60_000
const shots = path.resolve('test-results')

type Media = { alt?: null | string; filename: string; filesize: number; id: number | string; mimeType: string }

let server: RunningServer
let context: BrowserContext
let workDir: string
let files: RealFiles
/** Filled by the upload journey, read by the one after it. */
let uploaded: Media[] = []

const folded = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[()]/g, '').toLowerCase()

const api = apiClient(() => server.url)
const eventually = <T>(check: () => Promise<T | undefined>, what: string, timeout = stepTimeout) => waitFor(check, what, timeout)

const tokenOf = async (email: string): Promise<string> => {
  const response = await api('/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/**
 * Types a photo's description in the bulk-upload drawer. The drawer loads the chosen file's form
 * with its fields disabled, and on a busy machine that takes long: a person waits a while, then
 * opens another file and this one again (clicking sooner starts the loading over).
 */
const describePhoto = async (drawer: Locator, fileName: string, description: string) => {
  const alt = drawer.locator('input[name="alt"]')
  const row = drawer.locator('.file-selections__fileRowContainer').filter({ hasText: fileName })
  const another = drawer.locator('.file-selections__fileRowContainer').filter({ hasNotText: fileName }).first()
  let attempts = 0
  await eventually(async () => {
    if (attempts++ > 0 && (await another.count())) await another.locator('.file-selections__fileRow').click()
    await row.locator('.file-selections__fileRow').click()
    const ready = async () => ((await row.getAttribute('class'))?.includes('--active') && (await alt.isEnabled())) || undefined
    return (await waitFor(ready, `the form of ${fileName}`, 60_000).catch(() => false)) || undefined
  }, `the description of ${fileName} to open for typing`, 4 * stepTimeout)
  await alt.fill(description)
  await expect(alt.inputValue()).resolves.toBe(description)
}

/**
 * The teacher, signed in on a desktop browser, opens the media list's bulk upload; `onLink` sets up
 * the network her page sees before she opens it.
 */
const teachersBulkUpload = async (onLink?: (page: Page) => Promise<void>): Promise<{ drawer: Locator; page: Page }> => {
  const page = await context.newPage()
  page.setDefaultTimeout(stepTimeout)
  page.setDefaultNavigationTimeout(stepTimeout)
  await page.setViewportSize({ width: 1440, height: 960 })
  await signInToAdmin(page, server.url, teacher, password)
  await page.goto(`${server.url}/admin/collections/media`)
  await onLink?.(page)
  await page.getByRole('button', { name: 'Tải lên số lượng lớn' }).click()
  const drawer = page.locator('dialog.drawer--is-open').last()
  await drawer.waitFor()
  return { drawer, page }
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })

/** The teacher drops `paths` into a new bulk upload and describes the photos named in `photos`. */
const dropAndDescribe = async (paths: string[], photos: Array<[name: string, description: string]>): Promise<{ drawer: Locator; page: Page }> => {
  const opened = await teachersBulkUpload()
  await opened.drawer.locator('input[type=file]').first().setInputFiles(paths)
  const rows = opened.drawer.locator('.file-selections__fileRow')
  await eventually(async () => ((await rows.count()) === paths.length ? true : undefined), `${paths.length} files in the drawer`)
  await shoot(opened.page, `bulk-2-files-added-${paths.length}`)
  for (const [name, description] of photos) await describePhoto(opened.drawer, name, description)
  return opened
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  workDir = mkdtempSync(path.join(tmpdir(), 'truongso-bulk-upload-'))
  files = await realFiles()
  ;({ context, server } = await startSchoolInBrowser(workDir))
}, 15 * 60_000)

afterAll(() => closeSchoolInBrowser({ context, server }, workDir))

it('a teacher drops a term of real files into the bulk upload of the media list, and every one is saved', async () => {
  const list = realFileList(files)
  // Photos of the class need a description for those who cannot see them; documents do not.
  const photos = list.filter((file) => file.mime.startsWith('image/')).map((photo): [string, string] => [photo.name, `Ảnh lớp học ${photo.name}`])
  const { drawer, page } = await dropAndDescribe(list.map((file) => file.path), photos)
  await shoot(page, 'bulk-3-described')

  await drawer.locator('.bulk-upload--actions-bar__saveButtons').getByRole('button', { name: 'Lưu', exact: true }).click()
  await page.getByText(`Đã lưu ${list.length} tệp.`).waitFor({ timeout: 5 * stepTimeout })
  await drawer.waitFor({ state: 'detached' })
  await shoot(page, 'bulk-4-saved')

  const token = await tokenOf(teacher)
  const answer = (await (await api('/media?limit=100&depth=0&sort=-createdAt', { token })).json()) as { docs: Media[] }
  uploaded = list.map((file) => {
    const media = answer.docs.find((doc) => doc.filename === file.name)
    expect({ file: file.name, saved: media ? media.mimeType : 'missing' }).toEqual({ file: file.name, saved: file.mime })
    if (!file.mime.startsWith('image/')) expect({ file: file.name, size: media!.filesize }).toEqual({ file: file.name, size: file.bytes })
    return media!
  })
  await page.goto(`${server.url}/admin/collections/media?limit=50&sort=-createdAt`)
  for (const file of list) await page.getByText(file.name).first().waitFor()
  await shoot(page, 'bulk-5-media-list')
  await page.close()
}, journeyTimeout)

it('the server reads the 150-page plan on its own, and a parent finds its last page typed without diacritics', async () => {
  const plan = uploaded.find((media) => media.filename === files.pdf150.name)
  expect(plan).toBeDefined()
  const teacherToken = await tokenOf(teacher)
  const created = await api('/learning-materials?draft=true', {
    method: 'POST',
    token: teacherToken,
    body: JSON.stringify({ _status: 'draft', accessLevel: 'parents', files: [plan!.id], materialType: 'lesson-plan', title: 'Kế hoạch giáo dục học kỳ I (bản đầy đủ)' }),
  })
  expect(created.status).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: number | string } }
  const published = await api(`/learning-materials/${doc.id}`, { method: 'PATCH', token: await tokenOf(reviewer), body: JSON.stringify({ _status: 'published' }) })
  expect(published.status).toBe(200)

  const parentToken = await tokenOf(parent)
  for (const phrase of Object.values(files.pdf150.phrases)) {
    await eventually(async () => {
      const answer = (await (await api(`/search?q=${encodeURIComponent(folded(phrase))}`, { token: parentToken })).json()) as { hits: Array<{ docId: string }> }
      return answer.hits.some((hit) => String(hit.docId) === String(doc.id)) ? true : undefined
    }, `the search to find "${folded(phrase)}"`)
  }

  // The teacher's admin session is still in the browser; the parent signs in on her own phone.
  await context.clearCookies()
  const page = await context.newPage()
  page.setDefaultTimeout(stepTimeout)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${server.url}/dang-nhap`)
  await page.getByLabel('Thư điện tử').fill(parent)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await page.goto(`${server.url}/thu-vien`)
  await page.getByLabel('Từ khóa').pressSequentially(folded(files.pdf150.phrases.last))
  await page.getByRole('link', { name: 'Kế hoạch giáo dục học kỳ I (bản đầy đủ)' }).waitFor()
  await shoot(page, 'bulk-6-parent-finds-last-page')
  await page.close()
})

it('a photo left without its description is refused with the reason in Vietnamese, stays in the drawer, and is saved once described', async () => {
  const described = path.join(workDir, 'anh-san-truong.jpg')
  const forgotten = path.join(workDir, 'anh-buoi-sang.jpg')
  copyFileSync(files.photo.path, described)
  copyFileSync(files.photoPortrait.path, forgotten)
  await context.clearCookies()
  const { drawer, page } = await dropAndDescribe([described, forgotten], [['anh-san-truong.jpg', 'Sân trường buổi sáng']])
  const rows = drawer.locator('.file-selections__fileRow')

  const save = drawer.locator('.bulk-upload--actions-bar__saveButtons').getByRole('button', { name: 'Lưu', exact: true })
  await save.click()
  await page.getByText('Đã lưu 1 tệp.').waitFor({ timeout: 5 * stepTimeout })
  await page.getByText('Không lưu được 1 tệp.').waitFor()
  await expect(page.getByText(/Failed to save|Successfully saved/).count()).resolves.toBe(0)
  // What was refused is still there to mend, with the reason beside the field.
  await eventually(async () => ((await rows.count()) === 1 ? true : undefined), 'only the undescribed photo to stay in the drawer')
  await expect(rows.first().textContent()).resolves.toContain('anh-buoi-sang.jpg')
  await drawer.getByText('Hãy mô tả ảnh cho người không nhìn thấy (văn bản thay thế).').first().waitFor()
  await shoot(page, 'bulk-7-refused-photo')

  await describePhoto(drawer, 'anh-buoi-sang.jpg', 'Các bé tập thể dục buổi sáng')
  await save.click()
  await drawer.waitFor({ state: 'detached', timeout: 5 * stepTimeout })

  const answer = (await (await api('/media?limit=100&depth=0&sort=-createdAt', { token: await tokenOf(teacher) })).json()) as { docs: Media[] }
  const saved = Object.fromEntries(answer.docs.map((doc) => [doc.filename, doc.alt]))
  expect({ described: saved['anh-san-truong.jpg'], forgotten: saved['anh-buoi-sang.jpg'] }).toEqual({
    described: 'Sân trường buổi sáng',
    forgotten: 'Các bé tập thể dục buổi sáng',
  })
  await page.close()
}, journeyTimeout)

it('on a slow link, where the upload permissions come after the drawer’s form, the photo’s description can still be typed and is saved', async () => {
  const photo = path.join(workDir, 'anh-cong-truong.jpg')
  copyFileSync(files.photo.path, photo)
  await context.clearCookies()
  // The drawer asks for its form and for the permissions to upload (POST /api/media/access) at
  // once; here the permissions come seconds after the form's state, as on a slow or busy link.
  // That state was then built without them, and once the drawer showed it the description stayed
  // read-only however long one waited. (The drawer shows no form before the permissions come.)
  const { drawer, page } = await teachersBulkUpload((page) =>
    page.route('**/api/media/access**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5000))
      await route.continue()
    }),
  )
  await drawer.locator('input[type=file]').first().setInputFiles([photo])
  const alt = drawer.locator('input[name="alt"]')
  await eventually(async () => (await alt.isEnabled({ timeout: 1000 }).catch(() => false)) || undefined, 'the description to open for typing', 60_000)
  await alt.fill('Cổng trường Phục Lễ')
  await drawer.locator('.bulk-upload--actions-bar__saveButtons').getByRole('button', { name: 'Lưu', exact: true }).click()
  await drawer.waitFor({ state: 'detached', timeout: 5 * stepTimeout })

  const answer = (await (await api('/media?limit=100&depth=0&sort=-createdAt', { token: await tokenOf(teacher) })).json()) as { docs: Media[] }
  expect(answer.docs.find((doc) => doc.filename === 'anh-cong-truong.jpg')?.alt).toBe('Cổng trường Phục Lễ')
  await page.close()
}, journeyTimeout)
