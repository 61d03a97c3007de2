/**
 * The review in a real browser against the real server, which sends its mail to an SMTP server
 * running in this test: a teacher submits a lesson, the reviewer finds it in the queue and returns
 * it with a note, the teacher reads the note, fixes the lesson and submits it again, the reviewer
 * approves and publishes it. Each step's mail is read as it arrived; screenshots under
 * `test-results/`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'

import { apiClient, closeSchoolInBrowser, eventually as waitFor, signInToAdmin, startSchoolInBrowser } from '../helpers/browser.js'
import { startMailServer, type MailServer, type ReceivedMail } from '../helpers/mail.js'
import type { RunningServer } from '../helpers/server.js'

const password = process.env.DEMO_PASSWORD ?? 'truongso-demo'
const teacher = { email: 'giaovien@truongso.test', name: 'Vũ Thị Thu Trang' }
const reviewer = { email: 'totruong@truongso.test', name: 'Phạm Thị Lan' }
const otherTeacher = { email: 'giaovien2@truongso.test' }

const stepTimeout = 60_000
const shots = path.resolve('test-results')
const title = `Bé tìm hiểu về nước ${Date.now().toString(36)}`
const note = 'Cần thêm phần trò chơi thả vật chìm nổi và câu hỏi cuối giờ.'

type Material = { _status: string; id: number; reviewStatus: string; summary?: string }

let server: RunningServer
let context: BrowserContext
let smtp: MailServer
let workDir: string
let id: number

const api = apiClient(() => server.url)
const eventually = <T>(check: () => Promise<T | undefined>, what: string) => waitFor(check, what, stepTimeout)
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `review-${name}.png`), fullPage: true })

const tokenOf = async (email: string): Promise<string> =>
  ((await (await api('/users/login', { body: JSON.stringify({ email, password }), method: 'POST' })).json()) as { token: string }).token

const materialAs = async (email: string): Promise<Material> =>
  (await (await api(`/learning-materials/${id}?draft=true&depth=0`, { token: await tokenOf(email) })).json()) as Material

const reviewStatusBecomes = (status: string) =>
  eventually(async () => {
    const material = await materialAs(reviewer.email)
    return material.reviewStatus === status ? material : undefined
  }, `the lesson to be ${status}`)

/** The mail the server sends for a step (its queue is worked every 5 seconds). */
const mailTo = (address: string, subject: string): Promise<ReceivedMail> =>
  eventually(async () => smtp.received.find((mail) => mail.to.includes(address) && mail.subject === subject), `"${subject}" to ${address}`)

const signedIn = async (email: string): Promise<Page> => {
  await context.clearCookies()
  const page = await context.newPage()
  page.setDefaultTimeout(stepTimeout)
  page.setDefaultNavigationTimeout(stepTimeout)
  await page.setViewportSize({ height: 900, width: 1280 })
  await signInToAdmin(page, server.url, email, password)
  return page
}

/**
 * Leaves the lesson through the admin's own link, as a person does: Payload releases the lock it
 * holds on a document when its edit view closes, which a closed tab would leave to expire.
 */
const leaveLesson = async (page: Page) => {
  await page.locator('.step-nav').getByRole('link', { name: 'Học liệu số' }).click()
  await page.waitForURL(/\/admin\/collections\/learning-materials(\?|$)/)
  await page.waitForLoadState('networkidle')
  await page.close()
}

/** Writes a lesson plan under the journey's title in the admin, saves it as a draft, and answers its id. */
const saveDraftLesson = async (page: Page): Promise<number> => {
  await page.goto(`${server.url}/admin/collections/learning-materials/create`)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-materialType .rs__control').click()
  await page.locator('.rs__option').filter({ hasText: /^Giáo án$/ }).click()
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await page.waitForURL(/\/admin\/collections\/learning-materials\/\d+$/)
  return Number(new URL(page.url()).pathname.split('/').pop())
}

/**
 * The admin gives a lock back when its edit view closes, by a request a tab closed at once may not
 * finish: whoever opens the lesson next may meet the lock dialog, and takes the lesson over.
 */
const takeOverIfLocked = async (page: Page) => {
  const locked = page.locator('dialog#document-locked')
  if (await locked.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
    await locked.getByRole('button', { name: 'Tiếp quản' }).click()
    await locked.waitFor({ state: 'detached' })
  }
}

const openLesson = async (page: Page) => {
  await page.goto(`${server.url}/admin/collections/learning-materials/${id}`)
  await page.locator('#field-title').waitFor()
  await takeOverIfLocked(page)
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  workDir = mkdtempSync(path.join(tmpdir(), 'truongso-review-journey-'))
  smtp = await startMailServer()
  ;({ context, server } = await startSchoolInBrowser(workDir, {
    SMTP_FROM: 'Trường Số <thongbao@truongso.test>',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
  }))
}, 15 * 60_000)

afterAll(async () => {
  await closeSchoolInBrowser({ context, server }, workDir)
  await smtp?.close()
})

it('a teacher saves a lesson and submits it with "Gửi duyệt"; the status is a read-only badge, and the reviewer is mailed', async () => {
  const page = await signedIn(teacher.email)
  id = await saveDraftLesson(page)

  const submit = page.getByRole('button', { name: 'Gửi duyệt' })
  await submit.waitFor()
  // The status is the server's to move: the teacher cannot pick "Đã duyệt" from a dropdown.
  await page.locator('#field-reviewStatus.read-only').waitFor({ state: 'attached' })
  await expect(page.getByRole('button', { name: 'Duyệt và xuất bản' }).count()).resolves.toBe(0)
  await expect(page.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).count()).resolves.toBe(0)
  await submit.click()
  await reviewStatusBecomes('submitted')
  await submit.waitFor({ state: 'detached' })
  await shoot(page, '1-teacher-submitted')

  const mail = await mailTo(reviewer.email, `Học liệu chờ duyệt: ${title}`)
  expect(mail.text).toContain(`${teacher.name} vừa gửi duyệt học liệu "${title}".`)
  expect(mail.html).toContain(`${teacher.name} vừa gửi duyệt học liệu "${title}".`)
  await leaveLesson(page)
})

it('the reviewer finds it in her queue, counted in the navigation, and returns it with a note (none is refused)', async () => {
  const page = await signedIn(reviewer.email)
  await page.goto(`${server.url}/admin`)
  const queue = page.getByRole('region', { name: /Học liệu chờ duyệt/ })
  await queue.getByRole('link', { name: title }).waitFor()
  await expect(page.locator('#nav-review-queue').textContent()).resolves.toMatch(/Chờ duyệt\s*\d+/)
  await shoot(page, '2-reviewer-queue')

  await queue.getByRole('link', { name: title }).click()
  await page.locator('#field-title').waitFor()
  await takeOverIfLocked(page)
  await page.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click()
  await page.getByRole('button', { name: 'Trả lại', exact: true }).click()
  await page.getByText('Hãy ghi nhận xét để tác giả biết cần sửa gì.').waitFor()
  // The dialog asks again for the note, as it was.
  await page.locator('#review-note').fill(note)
  await shoot(page, '2-reviewer-note')
  await page.getByRole('button', { name: 'Trả lại', exact: true }).click()
  await reviewStatusBecomes('changes-requested')
  await shoot(page, '2-reviewer-returned')

  const mail = await mailTo(teacher.email, `Học liệu cần chỉnh sửa: ${title}`)
  expect(mail.text).toContain(note)
  expect(mail.html).toContain(note)
  await leaveLesson(page)
})

it('the teacher reads the note at the top of her lesson, fixes it and submits it again', async () => {
  const page = await signedIn(teacher.email)
  await page.goto(`${server.url}/admin`)
  await page.getByRole('region', { name: /Được trả lại để sửa/ }).getByText(note).waitFor()
  await shoot(page, '3-teacher-dashboard')

  await openLesson(page)
  await page.getByRole('note').getByText(note).waitFor()
  await page.getByRole('region', { name: 'Lịch sử duyệt' }).getByText(note).waitFor()
  await shoot(page, '3-teacher-note')
  await page.locator('#field-summary').fill('Bé thả vật vào chậu nước, đoán vật chìm hay nổi, rồi trả lời câu hỏi cuối giờ.')
  await page.getByRole('button', { name: 'Gửi duyệt' }).click()
  const material = await reviewStatusBecomes('submitted')
  expect(material.summary).toContain('vật chìm hay nổi')
  await page.getByRole('note').waitFor({ state: 'detached' })
  await shoot(page, '3-teacher-resubmitted')
  await expect(mailTo(reviewer.email, `Học liệu chờ duyệt: ${title}`)).resolves.toBeDefined()
  await leaveLesson(page)
})

it('the reviewer approves and publishes it; the teacher is mailed and the history tells the whole review', async () => {
  const page = await signedIn(reviewer.email)
  await openLesson(page)
  await page.getByRole('button', { name: 'Duyệt và xuất bản' }).click()
  const material = await eventually(async () => {
    const doc = await materialAs(reviewer.email)
    return doc._status === 'published' && doc.reviewStatus === 'approved' ? doc : undefined
  }, 'the lesson to be approved and published')
  expect(material.id).toBe(id)
  // As the reviewer finds the lesson when she comes back to it: the history as stored.
  await openLesson(page)
  const history = page.getByRole('region', { name: 'Lịch sử duyệt' })
  await history.getByText('Duyệt', { exact: true }).waitFor()
  await expect(history.getByRole('listitem').count()).resolves.toBe(4)
  await shoot(page, '4-reviewer-published')

  const mail = await mailTo(teacher.email, `Học liệu đã được duyệt và xuất bản: ${title}`)
  expect(mail.text).toContain(`${reviewer.name} đã duyệt và xuất bản học liệu "${title}"`)
  expect(mail.mimeType).toBe('multipart/alternative')
  await page.close()
})

it('another teacher saves a lesson under the same title: it gets a numbered address, never an error', async () => {
  const page = await signedIn(otherTeacher.email)
  const secondId = await saveDraftLesson(page)
  await shoot(page, '5-same-title')
  expect(await page.locator('body').innerText()).not.toMatch(/trùng lặp|không hợp lệ/)
  // Read as the reviewer, who may read both drafts' addresses.
  const token = await tokenOf(reviewer.email)
  const slugOf = async (materialId: number) =>
    ((await (await api(`/learning-materials/${materialId}?draft=true&depth=0`, { token })).json()) as { slug: string }).slug
  expect(await slugOf(secondId)).toBe(`${await slugOf(id)}-2`)
  await page.close()
})

it("a teacher's lesson names its reviewer in the history, never as an account number she cannot open", async () => {
  const page = await signedIn(teacher.email)
  await openLesson(page)
  await page.getByRole('region', { name: 'Lịch sử duyệt' }).getByText(reviewer.name).first().waitFor()
  expect(await page.locator('body').innerText()).not.toMatch(/ID: \d+/)
  await page.close()
})
