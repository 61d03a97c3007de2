/**
 * What the browser suites and the fixtures share about Chromium: which one (Debian's, or the
 * one a runner names in `CHROMIUM_PATH`) and the flags it needs here — this machine's network is
 * closed, and Chromium's background connections would be refused many at a time.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'

import { type BrowserContext, chromium, type Page } from 'playwright-core'

import { type Environment, type RunningServer, startDemoServer, stopServer } from './server.js'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Waits for `check` to give a value, polling; fails with the last reason after `timeout` ms. */
export const eventually = async <T>(check: () => Promise<T | undefined>, what: string, timeout: number, everyMs = 250): Promise<T> => {
  const deadline = Date.now() + timeout
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
}

/** A JSON client of one server's REST API, with an optional session token. */
export const apiClient =
  (baseUrl: () => string) =>
  (route: string, init: RequestInit & { token?: string } = {}): Promise<Response> =>
    fetch(`${baseUrl()}/api${route}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(init.token ? { Authorization: `JWT ${init.token}` } : {}),
        ...init.headers,
      },
    })

/**
 * The demo school's real server (with `env` added to a user's environment) and a Vietnamese
 * Chromium profile in `workDir`, as the browser journeys start them. Against MongoDB the demo is loaded on request, as an operator would.
 */
export const startSchoolInBrowser = async (workDir: string, env: Environment = {}): Promise<{ context: BrowserContext; server: RunningServer }> => {
  const start = () => startDemoServer({ env })
  // Another process may be rebuilding `.next` at the same moment: one more try is enough.
  const server = await start().catch(start)
  const context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    locale: 'vi-VN',
    args: chromiumFlags,
  })
  return { context, server }
}

/** Closes what {@link startSchoolInBrowser} opened and removes `workDir`. */
export const closeSchoolInBrowser = async (school: { context?: BrowserContext; server?: RunningServer }, workDir?: string): Promise<void> => {
  await school.context?.close()
  if (school.server) await stopServer(school.server)
  if (workDir) rmSync(workDir, { recursive: true, force: true })
}

/** Signs in on the admin's own sign-in page, as a person does, and waits until the admin opens. */
export const signInToAdmin = async (page: Page, siteUrl: string, email: string, password: string): Promise<void> => {
  await page.goto(`${siteUrl}/admin`)
  await page.waitForURL(/\/admin\/login/)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/login'))
}
