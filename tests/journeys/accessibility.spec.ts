/**
 * axe-core inside Chromium on every public page of the demo school, on a computer screen and on a
 * phone, anonymous and as a parent: WCAG 2.1 A and AA rules, zero violations.
 */
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'

import type { RunningServer } from '../helpers/server.js'

import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { apiClient, closeSchoolInBrowser, startSchoolInBrowser } from '../helpers/browser.js'

type AxeResult = { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }> }

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source
const workDir = mkdtempSync(path.join(tmpdir(), 'truongso-axe-'))
const school: { context?: BrowserContext; server?: RunningServer } = {}
const api = apiClient(() => school.server!.url)
let pages: string[] = []

const first = async (collection: string, query: string): Promise<Record<string, unknown>> => {
  const response = await api(`/${collection}?limit=1&depth=0&${query}`)
  const { docs } = (await response.json()) as { docs: Array<Record<string, unknown>> }
  if (!docs[0]) throw new Error(`no public ${collection} in the demo`)
  return docs[0]
}

/** What axe finds on the page now, as lines a person can act on. */
const violationsOn = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }),
  )
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  )
}

beforeAll(async () => {
  Object.assign(school, await startSchoolInBrowser(workDir))
  const [news, material, book, document] = await Promise.all([
    first('announcements', 'sort=-publishedAt'),
    first('learning-materials', 'where[files][exists]=true&sort=-updatedAt'),
    first('library-items', 'sort=-updatedAt'),
    first('regulatory-documents', 'sort=-issueDate'),
  ])
  pages = [
    '/',
    '/gioi-thieu',
    '/tin-tuc',
    `/tin-tuc/${news.slug}`,
    '/hoc-lieu',
    '/hoc-lieu?ageGroup=mau-giao-lon',
    `/hoc-lieu/${material.slug}`,
    '/thu-vien',
    '/thu-vien?q=truyen+co+tich',
    `/thu-vien/${book.id}`,
    '/van-ban',
    `/van-ban/${document.id}`,
    '/dang-nhap',
    '/trang-khong-co-that',
  ]
}, 15 * 60_000)

afterAll(async () => closeSchoolInBrowser(school, workDir))

const screens = [
  { name: 'a computer screen', viewport: { width: 1280, height: 800 } },
  { name: 'a phone', viewport: { width: 360, height: 740 } },
]

describe.each(screens)('the website on $name', ({ viewport }) => {
  it('has no WCAG 2.1 A or AA violation on any public page, anonymously', async () => {
    const page = await school.context!.newPage()
    await page.setViewportSize(viewport)
    const found: Record<string, string[]> = {}
    for (const address of pages) {
      await page.goto(`${school.server!.url}${address}`, { waitUntil: 'load' })
      const violations = await violationsOn(page)
      if (violations.length > 0) found[address] = violations
    }
    await page.close()
    expect(found).toEqual({})
  })
})

it('has no violation on the pages a parent sees once signed in', async () => {
  const parent = demoAccounts.find((account) => account.key === 'parent')!
  const page = await school.context!.newPage()
  await page.goto(`${school.server!.url}/dang-nhap`)
  await page.getByLabel('Thư điện tử').fill(parent.email)
  await page.getByLabel('Mật khẩu').fill(demoPassword())
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByText(`Xin chào, ${parent.name}`).first().waitFor()
  const found: Record<string, string[]> = {}
  for (const address of ['/', '/hoc-lieu', '/tin-tuc', '/thu-vien']) {
    await page.goto(`${school.server!.url}${address}`, { waitUntil: 'load' })
    const violations = await violationsOn(page)
    if (violations.length > 0) found[address] = violations
  }
  await page.close()
  expect(found).toEqual({})
})

describe('moving around the website', () => {
  it('fetches no page ahead until the visitor points at its link, then only that one', async () => {
    const page = await school.context!.newPage()
    const ahead: string[] = []
    page.on('request', (request) => {
      const headers = request.headers()
      if (headers['next-router-prefetch'] || (headers.rsc && request.url().includes('_rsc='))) ahead.push(new URL(request.url()).pathname)
    })
    await page.goto(`${school.server!.url}/`, { waitUntil: 'networkidle' })
    await page.mouse.wheel(0, 4000)
    await page.waitForLoadState('networkidle')
    expect(ahead).toEqual([])
    await page.getByRole('navigation', { name: 'Chuyên mục chính' }).getByRole('link', { name: 'Văn bản' }).hover()
    await page.waitForLoadState('networkidle')
    expect([...new Set(ahead)]).toEqual(['/van-ban'])
    await page.close()
  })

  it('puts focus on the new page’s heading after following a link, and leaves it in the search box while typing', async () => {
    const page = await school.context!.newPage()
    await page.goto(`${school.server!.url}/`)
    await page.getByRole('navigation', { name: 'Chuyên mục chính' }).getByRole('link', { name: 'Thư viện' }).click()
    await page.waitForURL(/\/thu-vien$/)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1')
    await page.getByLabel('Từ khóa').pressSequentially('truyen')
    await page.waitForURL(/q=truyen/)
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).resolves.toBe('q')
    await page.close()
  })
})
