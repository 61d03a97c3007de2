/**
 * The admin screens that keep the school's records, in a real browser (Debian's Chromium driven
 * by playwright-core) against the real demo server: the trash as a teacher and as the
 * administrator, the audit log with its filters and CSV export, and the dashboard's report of the
 * last backup and of files missing from disk. Each screen leaves a screenshot under `test-results/`.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'

import { apiClient, closeSchoolInBrowser, eventually as waitFor, signInToAdmin, startSchoolInBrowser } from '../helpers/browser.js'
import type { RunningServer } from '../helpers/server.js'

const password = process.env.DEMO_PASSWORD ?? 'truongso-demo'
const admin = 'admin@truongso.test'
const teacher = 'giaovien@truongso.test'
const otherTeacher = 'giaovien2@truongso.test'

/** Payload's admin is slow on a small machine even in a production build. */
const stepTimeout = 60_000
const shots = path.resolve('test-results')
const stamp = Date.now().toString(36)
const startedAt = new Date(Date.now() - 60_000).toISOString()

type Material = { id: number; title: string; deletedAt?: null | string }

const workDir = mkdtempSync(path.join(tmpdir(), 'truongso-admin-records-'))
const school: { context?: BrowserContext; server?: RunningServer } = {}
const api = apiClient(() => school.server!.url)
const eventually = <T>(check: () => Promise<T | undefined>, what: string) => waitFor(check, what, stepTimeout)
const tokens: Record<string, string> = {}
const names: Record<string, string> = {}
let own: Material
let others: Material

const signIn = async (email: string) => {
  const response = await api('/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
  expect(response.status).toBe(200)
  const { token, user } = (await response.json()) as { token: string; user: { name: string } }
  tokens[email] = token
  names[email] = user.name
}

const createMaterial = async (email: string, title: string): Promise<Material> => {
  const response = await api('/learning-materials', {
    method: 'POST',
    token: tokens[email],
    body: JSON.stringify({ title, materialType: 'video', accessLevel: 'public', _status: 'draft' }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: Material }).doc
}

const moveToTrash = async (email: string, material: Material) => {
  const response = await api(`/learning-materials/${material.id}`, { method: 'PATCH', token: tokens[email], body: JSON.stringify({ deletedAt: new Date().toISOString() }) })
  expect(response.status).toBe(200)
}

const stored = async (material: Material): Promise<Material> => {
  const response = await api(`/learning-materials/${material.id}?depth=0&trash=true`, { token: tokens[admin] })
  return (await response.json()) as Material
}

/** Runs an npm script the way the school's IT person would, with the server's environment. */
const npmRun = (args: string[]): Promise<{ code: number; output: string }> =>
  new Promise((resolve) => {
    execFile('npm', ['run', '--silent', ...args], { env: school.server!.env as NodeJS.ProcessEnv, timeout: 300_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    )
  })

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })

/** A fresh tab signed in to the admin as `email`, through the login form. */
const adminAs = async (email: string): Promise<Page> => {
  await school.context!.clearCookies()
  const page = await school.context!.newPage()
  page.setDefaultTimeout(stepTimeout)
  page.setDefaultNavigationTimeout(stepTimeout)
  await page.setViewportSize({ width: 1280, height: 900 })
  await signInToAdmin(page, school.server!.url, email, password)
  return page
}

/** The text of every cell of the list's table, row by row. */
const tableRows = (page: Page): Promise<string[][]> =>
  page.locator('.table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())))

/** Rows of a CSV as spreadsheets read it: quoted cells may hold commas, quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\n') {
      rows.push([...row, cell.replace(/\r$/, '')])
      row = []
      cell = ''
    } else cell += char
  }
  if (cell || row.length > 0) rows.push([...row, cell])
  return rows
}

/** The list's own URL form of filters, as its "Bộ lọc" panel writes them. */
const filtered = (conditions: Array<[field: string, operator: string, value: string]>): string =>
  conditions.map(([field, operator, value], index) => `where[or][0][and][${index}][${field}][${operator}]=${encodeURIComponent(value)}`).join('&')

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  Object.assign(school, await startSchoolInBrowser(workDir))
  for (const email of [admin, teacher, otherTeacher]) await signIn(email)
  own = await createMaterial(teacher, `Bé tập rửa tay đúng cách ${stamp}`)
  others = await createMaterial(otherTeacher, `Trò chơi gieo hạt ${stamp}`)
  await moveToTrash(teacher, own)
  await moveToTrash(otherTeacher, others)
}, 15 * 60_000)

afterAll(async () => closeSchoolInBrowser(school, workDir))

describe('the trash', () => {
  it('shows a teacher what she may edit and lets her restore it; the administrator sees everything and restores too', async () => {
    const page = await adminAs(teacher)
    await page.goto(`${school.server!.url}/admin/collections/learning-materials/trash`)
    await page.getByText(own.title).first().waitFor()
    await expect(page.getByText(others.title).count()).resolves.toBe(0)
    await shoot(page, 'admin-trash-teacher')

    await page.goto(`${school.server!.url}/admin/collections/learning-materials/trash/${own.id}`)
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).first().click()
    await page.getByRole('button', { name: 'Xác nhận' }).click()
    await page.waitForURL(new RegExp(`/admin/collections/learning-materials/${own.id}$`))
    await expect(stored(own).then((doc) => doc.deletedAt ?? null)).resolves.toBeNull()
    await page.close()

    const office = await adminAs(admin)
    await office.goto(`${school.server!.url}/admin/collections/learning-materials/trash`)
    await office.getByText(others.title).first().waitFor()
    await expect(office.getByText(own.title).count()).resolves.toBe(0)
    await shoot(office, 'admin-trash-administrator')
    await office.goto(`${school.server!.url}/admin/collections/learning-materials/trash/${others.id}`)
    await office.getByRole('button', { name: 'Khôi phục', exact: true }).first().click()
    await office.getByRole('button', { name: 'Xác nhận' }).click()
    await office.waitForURL(new RegExp(`/admin/collections/learning-materials/${others.id}$`))
    await expect(stored(others).then((doc) => doc.deletedAt ?? null)).resolves.toBeNull()
    await office.close()
  })
})

describe('the audit log', () => {
  const restores: Array<[string, string, string]> = [
    ['action', 'equals', 'restore-from-trash'],
    ['targetCollection', 'equals', 'learning-materials'],
    ['at', 'greater_than_equal', startedAt],
  ]

  it('lets the administrator filter by action, collection and date, then by person, and export exactly the rows shown as CSV', async () => {
    const page = await adminAs(admin)
    // Entries are queued with the change they record: the list shows them once the queue ran.
    const both = await eventually(async () => {
      await page.goto(`${school.server!.url}/admin/collections/audit-log?${filtered(restores)}`)
      await page.locator('.table, .collection-list__no-results').first().waitFor()
      const rows = await tableRows(page)
      return rows.length === 2 ? rows : undefined
    }, 'both restores in the audit log')
    for (const row of both) expect(row).toContain('Khôi phục từ thùng rác')
    expect(both.map((row) => row.find((cell) => cell.includes(stamp))).sort()).toEqual([others.title, own.title].sort())
    await shoot(page, 'admin-audit-log-restores')

    await page.goto(`${school.server!.url}/admin/collections/audit-log?${filtered([...restores, ['userName', 'equals', names[teacher]!]])}`)
    await page.locator('.table').waitFor()
    const hers = await tableRows(page)
    expect(hers).toHaveLength(1)
    expect(hers[0]).toEqual(expect.arrayContaining([names[teacher], 'Khôi phục từ thùng rác', own.title]))
    await shoot(page, 'admin-audit-log-by-person')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất CSV' }).click()])
    const [header, ...lines] = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''))
    expect(header).toEqual(expect.arrayContaining(['Thời điểm (UTC)', 'Người thực hiện', 'Hành động', 'Mục', 'Tiêu đề lúc đó']))
    const column = (name: string) => header!.indexOf(name)
    expect(lines.map((line) => [line[column('Người thực hiện')], line[column('Hành động')], line[column('Mục')], line[column('Tiêu đề lúc đó')]])).toEqual([
      [names[teacher], 'Khôi phục từ thùng rác', 'Học liệu số', own.title],
    ])
    await page.close()
  })

  it('is not in the navigation of a teacher, and is in the administrator’s', async () => {
    const page = await adminAs(teacher)
    await page.locator('nav').first().waitFor()
    await expect(page.locator('a[href$="/collections/learning-materials"]').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('a[href$="/collections/audit-log"]').count()).resolves.toBe(0)
    await expect(page.getByText('Nhật ký hoạt động').count()).resolves.toBe(0)
    await page.close()

    const office = await adminAs(admin)
    await office.locator('a[href$="/collections/audit-log"]').first().waitFor({ state: 'attached' })
    await office.close()
  })
})

describe('the dashboard', () => {
  it('tells the administrator how the last backup went, and which files a check found missing from disk; a teacher sees neither', async () => {
    const page = await adminAs(admin)
    await page.getByText('Chưa có bản sao lưu nào.').waitFor()

    const backup = await npmRun(['backup'])
    expect(backup).toMatchObject({ code: 0 })
    const media = (await (await api('/media?depth=0&limit=100', { token: tokens[admin] })).json()) as {
      docs: Array<{ id: number; filename: string; sizes?: Record<string, { filename?: null | string }> }>
    }
    const photo = media.docs.find((doc) => Object.values(doc.sizes ?? {}).some((size) => size.filename))!
    const lost = Object.values(photo.sizes!).find((size) => size.filename)!.filename!
    rmSync(path.join(school.server!.dataDir, 'media', lost))
    const check = await npmRun(['files:check', '--', '--fix'])
    expect(check.code).toBe(1)
    expect(check.output).toContain(lost)

    await page.reload()
    await page.getByText(/^Sao lưu gần nhất: .*, \d+\.\d MB, thành công\.$/).waitFor()
    const alert = page.getByRole('alert').filter({ hasText: '1 tệp bị thiếu trên đĩa' })
    await alert.waitFor()
    await expect(alert.locator(`a[href="/admin/collections/media/${photo.id}"]`).textContent()).resolves.toContain(photo.filename)
    await shoot(page, 'admin-dashboard-backup-and-files')
    await page.close()

    const teacherPage = await adminAs(teacher)
    await teacherPage.locator('nav').first().waitFor()
    await expect(teacherPage.getByText(/Sao lưu gần nhất|tệp bị thiếu trên đĩa/).count()).resolves.toBe(0)
    await teacherPage.close()
  })
})
