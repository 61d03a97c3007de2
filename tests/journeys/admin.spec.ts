/**
 * The admin as the school's staff meet it every day, in Chromium against the real server: every
 * word in Vietnamese in the Vietnamese admin and in English in the English one, alt text asked
 * of images only, the office's and the administrators' dashboards, and axe-core on the pages
 * teachers use. Also the library's live result count, announced for the words it answers. Each
 * step leaves a screenshot under `test-results/`; what axe finds in Payload's own components is
 * written to `test-results/admin-axe-payload.json` (the README lists it).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'

import { dayAndTime, size } from '../../src/components/dashboard/format.js'
import { folderBytes } from '../../src/components/dashboard/storage.js'
import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { writePdf } from '../../src/seed/demo/pdf.js'
import { apiClient, closeSchoolInBrowser, startSchoolInBrowser } from '../helpers/browser.js'
import type { RunningServer } from '../helpers/server.js'

type AxeNode = { ours: boolean; target: string[]; failureSummary?: string }
type AxeViolation = { id: string; help: string; nodes: AxeNode[] }

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source
/** Payload's admin is slow on a small machine even in a production build. */
const stepTimeout = 60_000
const shots = path.resolve('test-results')
const stamp = Date.now().toString(36)
const emailOf = (key: string) => demoAccounts.find((account) => account.key === key)!.email
/** English strings Payload writes whatever the admin's language (see AdminTextFixes). */
const hardCodedEnglish = ['Edit link', 'Remove link', 'Drag to move', 'Add block', 'Insert Paragraph', 'Add Row', 'Add Column']

let server: RunningServer
let context: BrowserContext
let workDir: string
let pdfPath: string
let jpegPath: string

const api = apiClient(() => server.url)

const tokenOf = async (key: string): Promise<string> => {
  const response = await api('/users/login', { method: 'POST', body: JSON.stringify({ email: emailOf(key), password: demoPassword() }) })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `admin-${name}.png`), fullPage: true })

/** A fresh tab with no session, in the admin language given (Payload reads it from its cookie). */
const freshPage = async (language: 'en' | 'vi' = 'vi'): Promise<Page> => {
  await context.clearCookies()
  await context.addCookies([{ name: 'payload-lng', value: language, url: server.url }])
  const page = await context.newPage()
  page.setDefaultTimeout(stepTimeout)
  page.setDefaultNavigationTimeout(stepTimeout)
  await page.setViewportSize({ width: 1280, height: 900 })
  return page
}

const signIn = async (page: Page, key: string, password = demoPassword()) => {
  await page.goto(`${server.url}/admin/login`)
  await page.locator('input[name="email"]').fill(emailOf(key))
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
}

const adminLogin = async (page: Page, key: string) => {
  await signIn(page, key)
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/login'))
}

const toasts = (page: Page) => page.locator('[data-sonner-toast]')

/**
 * What axe finds on the page now (WCAG 2.1 A and AA), each node marked as ours when it lies in a
 * component we render (our dashboard panels, `.truongso-panel`) rather than in Payload's.
 */
const axeOn = async (page: Page): Promise<AxeViolation[]> => {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    type Raw = { id: string; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Raw[] }> } }).axe
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        failureSummary: node.failureSummary,
        ours: Boolean(document.querySelector(node.target.join(' '))?.closest('.truongso-panel')),
        target: node.target,
      })),
    }))
  })
}

const describeNodes = (violations: AxeViolation[], ours: boolean): string[] =>
  violations.flatMap((violation) =>
    violation.nodes.filter((node) => node.ours === ours).map((node) => `${violation.id} (${violation.help}) at ${node.target.join(' ')}`),
  )

/** Every screen-reader label on the page. */
const ariaLabels = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label') ?? ''))

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  workDir = mkdtempSync(path.join(tmpdir(), 'truongso-admin-'))
  pdfPath = path.join(workDir, `ke-hoach-tuan-${stamp}.pdf`)
  jpegPath = path.join(workDir, `san-truong-${stamp}.jpg`)
  writeFileSync(pdfPath, await writePdf({ title: 'Kế hoạch tuần', lines: [{ text: 'Kế hoạch tuần', heading: true }, { text: 'Bé tập đếm.' }] }))
  await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 120, g: 180, b: 90 } } })
    .jpeg()
    .toFile(jpegPath)
  ;({ context, server } = await startSchoolInBrowser(workDir))
}, 15 * 60_000)

afterAll(() => closeSchoolInBrowser({ context, server }, workDir))

describe('signing in', () => {
  it('clears the wrong-password message once the teacher signs in with the right one', async () => {
    const page = await freshPage()
    await signIn(page, 'teacher', 'not-her-password')
    await toasts(page).filter({ hasText: 'Email hoặc mật khẩu không đúng.' }).waitFor()
    await shoot(page, 'login-wrong-password')
    await page.locator('input[name="password"]').fill(demoPassword())
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin')
    await toasts(page).first().waitFor({ state: 'detached', timeout: 5_000 })
    await shoot(page, 'login-dashboard-without-toast')
    await page.close()
  })
})

describe('the Vietnamese admin', () => {
  it('asks no alt text for a PDF in the upload drawer and says in Vietnamese that the file was saved', async () => {
    const page = await freshPage()
    await adminLogin(page, 'teacher')
    await page.goto(`${server.url}/admin/collections/learning-materials/create`)
    await page.locator('#field-files').getByRole('button', { name: 'Tạo mới' }).click()
    const drawer = page.locator('dialog.drawer--is-open').last()
    await drawer.locator('input[type=file]').first().setInputFiles(pdfPath)
    await drawer.getByText(path.basename(pdfPath)).first().waitFor()
    await expect(drawer.locator('input[name="alt"]').count()).resolves.toBe(0)
    await shoot(page, 'upload-drawer-pdf')
    await drawer.getByRole('button', { name: 'Lưu', exact: true }).click()
    await toasts(page).filter({ hasText: 'Đã lưu 1 tệp.' }).waitFor()
    await expect(toasts(page).filter({ hasText: /Successfully|Failed/ }).count()).resolves.toBe(0)
    await shoot(page, 'upload-drawer-saved')
    await page.close()
  })

  it('asks alt text of an image, and names the missing field in Vietnamese, once', async () => {
    const page = await freshPage()
    await adminLogin(page, 'teacher')
    await page.goto(`${server.url}/admin/collections/media/create`)
    await page.locator('input[type=file]').first().setInputFiles(jpegPath)
    const alt = page.locator('input[name="alt"]')
    await alt.waitFor()
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    const error = toasts(page).filter({ hasText: 'Mô tả ảnh (alt)' })
    await error.waitFor()
    const text = (await error.innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('Trường sau chưa hợp lệ:')
    expect(text).not.toMatch(/\bfields?\b|Field/i)
    await shoot(page, 'image-without-alt')
    // The hint under the field says the same once; the toast names the field.
    await expect(page.getByText('Hãy mô tả ảnh cho người không nhìn thấy (văn bản thay thế).').count()).resolves.toBeLessThanOrEqual(1)
    await alt.fill('Sân trường buổi sáng')
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    await page.waitForURL(/\/admin\/collections\/media\/(?!create)[^/?]+$/)
    await page.close()
  })

  it('writes dates as 30/11/2026 09:50 and calls a draft "Bản nháp", on the document and its versions', async () => {
    const token = await tokenOf('admin')
    const { docs } = (await (await api('/learning-materials?limit=1&depth=0&sort=-updatedAt', { token })).json()) as { docs: Array<{ id: number }> }
    const page = await freshPage()
    await adminLogin(page, 'admin')
    await page.goto(`${server.url}/admin/collections/learning-materials/${docs[0].id}`)
    await page.locator('#field-title').waitFor()
    // The sidebar's dates are filled in once the document's state has loaded.
    await page.getByText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).first().waitFor()
    const editView = await page.locator('body').innerText()
    expect(editView).toMatch(/\b\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\b/)
    expect(editView).not.toMatch(/tháng \d+ \d+ \d{4}|\b(AM|PM)\b/)
    await shoot(page, 'edit-dates')
    await page.goto(`${server.url}/admin/collections/learning-materials/${docs[0].id}/versions`)
    await page.locator('table').first().waitFor()
    // Each version's date cell reads "Đang tải..." until the list has loaded it.
    await page.getByText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).first().waitFor()
    const versions = await page.locator('body').innerText()
    expect(versions).toMatch(/\b\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\b/)
    expect(versions).not.toContain('Bản thảo')
    await shoot(page, 'versions')
    await page.close()
  })

  it('names the rich-text editor’s controls in Vietnamese for screen readers', async () => {
    const page = await freshPage()
    await adminLogin(page, 'teacher')
    // A new material: the editor's controls exist only where she may edit.
    await page.goto(`${server.url}/admin/collections/learning-materials/create`)
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.waitFor()
    await editor.hover()
    await page.locator('[aria-label="Kéo để di chuyển"]').first().waitFor({ state: 'attached' })
    expect((await ariaLabels(page)).filter((label) => hardCodedEnglish.includes(label))).toEqual([])
    await page.close()
  })

  it('names the two language controls for what they choose', async () => {
    const page = await freshPage()
    await adminLogin(page, 'teacher')
    await page.goto(`${server.url}/admin/collections/learning-materials`)
    // The header holds it, and a copy hidden for narrow screens.
    await page.getByText('Ngôn ngữ nội dung').locator('visible=true').first().waitFor()
    await page.goto(`${server.url}/admin/account`)
    await page.getByText('Ngôn ngữ giao diện').locator('visible=true').first().waitFor()
    await shoot(page, 'account-language')
    await page.close()
  })
})

describe('the English admin', () => {
  it('lists every material under its English title, or its Vietnamese one where it has none, and names the language controls', async () => {
    const token = await tokenOf('admin')
    // The API falls back to Vietnamese by itself: the titles a reader of English is given.
    const { docs } = (await (await api('/learning-materials?limit=10&depth=0&draft=true&locale=en&sort=-updatedAt', { token })).json()) as {
      docs: Array<{ title: string }>
    }
    const page = await freshPage('en')
    await adminLogin(page, 'admin')
    await page.goto(`${server.url}/admin/collections/learning-materials?locale=en&limit=10&sort=-updatedAt`)
    await page.getByText('Content language').locator('visible=true').first().waitFor()
    const table = page.locator('table').first()
    await table.waitFor()
    expect(await table.innerText()).not.toContain('<No Title>')
    for (const doc of docs) await table.getByRole('link', { name: doc.title }).first().waitFor()
    await shoot(page, 'english-list')
    await page.goto(`${server.url}/admin/account`)
    await page.getByText('Interface language').locator('visible=true').first().waitFor()
    await page.close()
  })
})

describe('the dashboards', () => {
  it('shows office staff the documents expiring soon and the announcements scheduled to appear', async () => {
    const token = await tokenOf('staff')
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString()
    const documentTitle = `Kế hoạch phòng chống dịch ${stamp}`
    const announcementTitle = `Thông báo nghỉ Tết ${stamp}`
    const expiry = inDays(20)
    const publishAt = inDays(2)
    const created = await Promise.all([
      api('/regulatory-documents', {
        method: 'POST',
        token,
        body: JSON.stringify({
          _status: 'published',
          accessLevel: 'staff',
          documentNumber: `${Number.parseInt(stamp.slice(-4), 36)}/KH-MNPL`,
          documentType: 'KH',
          expiryDate: expiry,
          issueDate: inDays(-30),
          issuingBody: 'Trường Mầm non Phục Lễ',
          summary: 'Kế hoạch phòng chống dịch bệnh trong trường.',
          title: documentTitle,
        }),
      }),
      api('/announcements', {
        method: 'POST',
        token,
        body: JSON.stringify({ _status: 'published', accessLevel: 'public', category: 'notice', publishedAt: publishAt, title: announcementTitle }),
      }),
    ])
    for (const response of created) expect([response.status, await response.text()]).toEqual([201, expect.any(String)])
    const page = await freshPage()
    await adminLogin(page, 'staff')
    const panel = page.locator('section.truongso-panel', { hasText: 'Việc của văn phòng' })
    await panel.getByRole('link', { name: documentTitle }).waitFor()
    const text = await panel.innerText()
    expect(text).toContain(`${documentTitle} — hết hiệu lực ngày ${dayAndTime(expiry).slice(0, 10)}`)
    expect(text).toContain(`${announcementTitle} — đăng lúc ${dayAndTime(publishAt)}`)
    await shoot(page, 'dashboard-office')
    expect(describeNodes(await axeOn(page), true)).toEqual([])
    await page.close()
  })

  it('shows administrators what the files and the database take and the state of search', async () => {
    const page = await freshPage()
    await adminLogin(page, 'admin')
    const panel = page.locator('section.truongso-panel', { hasText: 'Tình trạng hệ thống' })
    await panel.waitFor()
    const media = await folderBytes(path.join(server.dataDir, 'media'))
    const text = await panel.innerText()
    expect(text).toContain(`${size(media.bytes)} (${media.files} tệp, kể cả các cỡ ảnh)`)
    expect(text).toMatch(/Cơ sở dữ liệu\s+\d+(\.\d)? (KB|MB|GB)/)
    expect(text).toMatch(/Tìm kiếm\s+tìm kiếm nội bộ, chỉ mục đầy đủ/)
    await shoot(page, 'dashboard-admin')
    expect(describeNodes(await axeOn(page), true)).toEqual([])
    await page.close()
  })
})

describe('accessibility of the admin', () => {
  it('has no axe violation in what we render on the pages teachers use, and records Payload’s own', async () => {
    const token = await tokenOf('teacher')
    const { docs } = (await (await api('/learning-materials?limit=1&depth=0&draft=true', { token })).json()) as { docs: Array<{ id: number }> }
    const page = await freshPage()
    await adminLogin(page, 'teacher')
    const pages: Record<string, string> = {
      dashboard: '/admin',
      list: '/admin/collections/learning-materials',
      edit: `/admin/collections/learning-materials/${docs[0].id}`,
      upload: '/admin/collections/media/create',
    }
    const ours: Record<string, string[]> = {}
    const payloads: Record<string, string[]> = {}
    for (const [name, address] of Object.entries(pages)) {
      await page.goto(`${server.url}${address}`, { waitUntil: 'load' })
      await page.locator('.template-default').first().waitFor()
      await page.waitForLoadState('networkidle')
      const violations = await axeOn(page)
      if (describeNodes(violations, true).length) ours[name] = describeNodes(violations, true)
      payloads[name] = violations.flatMap((violation) => {
        const theirs = violation.nodes.filter((node) => !node.ours)
        return theirs.length ? [`${violation.id}: ${violation.help} (${theirs.length}×, e.g. ${theirs[0].target.join(' ')})`] : []
      })
      await shoot(page, `axe-${name}`)
    }
    writeFileSync(path.join(shots, 'admin-axe-payload.json'), `${JSON.stringify(payloads, null, 2)}\n`)
    expect(ours).toEqual({})
    await page.close()
  })
})

describe('the library on the website', () => {
  it('announces the count of the results on screen with the words they answer, never the old total beside new words', async () => {
    const page = await freshPage()
    await page.goto(`${server.url}/thu-vien`)
    await page.getByRole('status').filter({ hasText: 'tài liệu' }).waitFor()
    await page.evaluate(() => {
      const status = document.querySelector('.search-status')!
      const heard: string[] = []
      ;(window as unknown as { heard: string[] }).heard = heard
      new MutationObserver(() => heard.push(status.textContent ?? '')).observe(status, { characterData: true, childList: true, subtree: true })
    })
    const query = 'truyen co tich'
    await page.getByLabel('Từ khóa').pressSequentially(query, { delay: 150 })
    await page.getByRole('status').filter({ hasText: `kết quả cho “${query}”` }).waitFor()
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard)
    const counts = heard.flatMap((text) => {
      const match = /^(\d+) kết quả cho “(.*)”$/.exec(text)
      return match ? [{ query: match[2], total: Number(match[1]) }] : []
    })
    expect(counts.length).toBeGreaterThan(0)
    for (const count of counts) {
      const answer = (await (await api(`/search?q=${encodeURIComponent(count.query)}&collections=library-items,learning-materials&limit=12`)).json()) as {
        total: number
      }
      expect(count).toEqual({ query: count.query, total: answer.total })
    }
    await page.close()
  })
})
