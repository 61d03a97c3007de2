/**
 * P13: the public site on a cheap phone over a slow mobile link. Debian's Chromium (driven by
 * playwright-core) opens `/`, `/thu-vien` and a learning material cold — a new browser context each
 * time, nothing cached — with 400 kbit/s each way, 400 ms round trips and the CPU slowed 4×, and
 * records the largest contentful paint. The reference is the least that profile needs just to move
 * the page's HTML and CSS: their bytes as served (compressed, headers included) at 400 kbit/s, one
 * round trip to open the connection and one per request for them. (More connections opened side
 * by side overlap; Chromium's emulation adds its latency per request, not per connection.)
 * `npm run bench:pages` starts the demo school as a user's `npm start` would and measures it.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { type Browser, chromium } from 'playwright-core'

import { chromiumFlags, chromiumPath } from '../tests/helpers/browser.js'
import { startDemoServer, stopServer } from '../tests/helpers/server.js'

import { ratio, stats } from './lib.js'

/** The slow profile of issue 14. */
export const slowProfile = { downloadKbit: 400, uploadKbit: 400, rttMs: 400, cpuSlowdown: 4 }
const bytesPerMs = (slowProfile.downloadKbit * 1000) / 8 / 1000

/** A phone of the kind parents carry: small screen, 2 device pixels per CSS pixel. */
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' }

type Request = { url: string; type: string; bytes: number; failed?: string; prefetch: boolean }

export type PageRun = {
  lcpMs: number
  /** What the largest contentful paint painted: an element and its text or image. */
  lcpElement: string
  fcpMs: number
  loadMs: number
  /** When the last byte of anything the page asked for arrived. */
  quietMs: number
  referenceMs: number
  ratio: number
  bytes: { html: number; css: number; js: number; images: number; other: number }
  /** Bytes of the HTML that are the RSC payload Next inlines for its client runtime. */
  flightBytes: number
  requests: number
  prefetches: number
  aborted: number
  /** Times the page's own request was sent again: redirects, and Chromium's retry to add a hint the server named in `Critical-CH`. */
  resent: number
}

export type PageFigure = { path: string; runs: PageRun[]; lcp: number; ratio: number; referenceMs: number; quietMs: number }

declare global {
  interface Window {
    __paints?: { lcp: number; lcpElement: string; fcp: number }
  }
}

/** Records paints from the first byte of the page on. */
const observePaints = () => {
  const paints = { lcp: 0, lcpElement: '', fcp: 0 }
  window.__paints = paints
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { element?: Element; url?: string }>) {
      paints.lcp = entry.startTime
      const element = entry.element
      paints.lcpElement = element ? `${element.tagName.toLowerCase()}${entry.url ? ` ${entry.url}` : ` “${(element.textContent ?? '').trim().slice(0, 40)}”`}` : ''
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') paints.fcp = entry.startTime
  }).observe({ type: 'paint', buffered: true })
}

const kindOf = (request: Request): keyof PageRun['bytes'] => {
  if (request.type === 'Document') return 'html'
  if (request.type === 'Stylesheet') return 'css'
  if (request.type === 'Script') return 'js'
  if (request.type === 'Image') return 'images'
  return 'other'
}

export type VisitOptions = {
  /** Refuse Next's client scripts as they are asked for: what the page would cost served without them (its inlined RSC payload is still moved, and counted apart). */
  withoutRuntime?: boolean
  /** Open this page of the site first, in the same browser: the visit of a reader who already has the scripts and fonts cached. */
  after?: string
}

/** One visit of `url` under the slow profile, cold unless `after` is given. */
export const visit = async (browser: Browser, url: string, { withoutRuntime = false, after }: VisitOptions = {}): Promise<PageRun> => {
  const context = await browser.newContext(phone)
  try {
    const page = await context.newPage()
    await page.addInitScript(observePaints)
    const cdp = await context.newCDPSession(page)
    const requests = new Map<string, Request>()
    let resent = 0
    cdp.on('Network.requestWillBeSent', ({ requestId, request, type, redirectResponse }) => {
      if (redirectResponse && type === 'Document') resent++
      const headers = request.headers as Record<string, string>
      const prefetch = Boolean(headers['Next-Router-Prefetch'] ?? headers['next-router-prefetch'])
      requests.set(requestId, { url: request.url, type: type ?? 'Other', bytes: 0, prefetch })
    })
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const request = requests.get(requestId)
      if (request) request.bytes = encodedDataLength
    })
    cdp.on('Network.loadingFailed', ({ requestId, errorText, canceled }) => {
      const request = requests.get(requestId)
      if (request) request.failed = canceled ? 'canceled' : errorText
    })
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: slowProfile.rttMs,
      downloadThroughput: (slowProfile.downloadKbit * 1000) / 8,
      uploadThroughput: (slowProfile.uploadKbit * 1000) / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowProfile.cpuSlowdown })
    if (withoutRuntime) await cdp.send('Network.setBlockedURLs', { urls: ['*/_next/static/chunks/*'] })

    if (after) {
      await page.goto(after, { waitUntil: 'load', timeout: 120_000 })
      await page.waitForLoadState('networkidle', { timeout: 120_000 })
      requests.clear()
      resent = 0
    }
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    await page.waitForLoadState('networkidle', { timeout: 120_000 })
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const flight = [...document.scripts].filter((script) => !script.src && script.textContent?.includes('self.__next_f'))
      return {
        paints: window.__paints!,
        load: navigation.loadEventEnd,
        quiet: Math.max(navigation.responseEnd, ...resources.map((resource) => resource.responseEnd)),
        flightBytes: flight.reduce((sum, script) => sum + new TextEncoder().encode(script.outerHTML).length, 0),
      }
    })
    const all = [...requests.values()]
    const bytes = { html: 0, css: 0, js: 0, images: 0, other: 0 }
    for (const request of all) bytes[kindOf(request)] += request.bytes
    const essential = all.filter((request) => request.type === 'Document' || request.type === 'Stylesheet')
    const essentialBytes = essential.reduce((sum, request) => sum + request.bytes, 0)
    const referenceMs = Math.round((1 + essential.length) * slowProfile.rttMs + essentialBytes / bytesPerMs)
    const lcpMs = Math.round(timing.paints.lcp)
    return {
      lcpMs,
      lcpElement: timing.paints.lcpElement,
      fcpMs: Math.round(timing.paints.fcp),
      loadMs: Math.round(timing.load),
      quietMs: Math.round(timing.quiet),
      referenceMs,
      ratio: ratio(lcpMs, referenceMs),
      bytes,
      flightBytes: timing.flightBytes,
      requests: all.length,
      prefetches: all.filter((request) => request.prefetch || request.url.includes('_rsc=')).length,
      aborted: all.filter((request) => request.failed === 'canceled').length,
      resent,
    }
  } finally {
    await context.close()
  }
}

/** The three pages of P13 on a running server: the home page, the library and the newest public learning material. */
export const pagesOf = async (siteUrl: string): Promise<string[]> => {
  const response = await fetch(`${siteUrl}/api/learning-materials?limit=1&depth=0&sort=-updatedAt&where[_status][equals]=published`)
  const { docs } = (await response.json()) as { docs: Array<{ slug: string }> }
  if (!docs[0]) throw new Error('no public learning material to open')
  return ['/', '/thu-vien', `/hoc-lieu/${docs[0].slug}`]
}

/**
 * Each page `runs` times, the pages taken in turn so a busy moment of the machine falls on all of
 * them alike; the figure of a page is the median run by LCP.
 */
export const measurePages = async (siteUrl: string, runs = 3, options: { warm?: boolean; withoutRuntime?: boolean } = {}): Promise<PageFigure[]> => {
  const paths = await pagesOf(siteUrl)
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags })
  try {
    // A first visit of each page outside the figures: the server compiles and caches on first use.
    for (const each of paths) await (await fetch(`${siteUrl}${each}`)).text()
    const byPath = new Map<string, PageRun[]>(paths.map((each) => [each, []]))
    for (let run = 0; run < runs; run++) for (const each of paths) byPath.get(each)!.push(
          await visit(browser, `${siteUrl}${each}`, { withoutRuntime: options.withoutRuntime, after: options.warm ? `${siteUrl}/gioi-thieu` : undefined }),
        )
    return paths.map((each) => {
      const visits = byPath.get(each)!
      const median = [...visits].sort((a, b) => a.lcpMs - b.lcpMs)[Math.floor(visits.length / 2)]
      return { path: each, runs: visits, lcp: stats(visits.map((v) => v.lcpMs)).p50, ratio: median.ratio, referenceMs: median.referenceMs, quietMs: median.quietMs }
    })
  } finally {
    await browser.close()
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** One line per page for a report: LCP, the reference, the ratio, and what the page moved. */
export const describePage = (figure: PageFigure): string => {
  const median = figure.runs.find((run) => run.ratio === figure.ratio) ?? figure.runs[0]
  const { bytes } = median
  return (
    `${figure.path}: LCP ${figure.lcp} ms (runs ${figure.runs.map((run) => run.lcpMs).join(', ')}; ${median.lcpElement}), ` +
    `FCP ${median.fcpMs} ms, load ${median.loadMs} ms, last byte ${median.quietMs} ms; HTML+CSS ${kb(bytes.html + bytes.css)} → ${figure.referenceMs} ms; ` +
    `ratio ${figure.ratio}; HTML ${kb(bytes.html)} (RSC payload ${kb(median.flightBytes)}), CSS ${kb(bytes.css)}, JS ${kb(bytes.js)}, images ${kb(bytes.images)}, ` +
    `${median.requests} requests, ${median.prefetches} prefetches, ${median.aborted} aborted, page request sent again ${median.resent} time(s)`
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 3)
  // `npm run bench:pages -- 3 served` measures only the cold visits as served.
  const variants = [
    { title: 'P13, the pages as served, cold:', options: {} },
    { title: 'the same pages, Next\'s client scripts refused:', options: { withoutRuntime: true } },
    { title: 'the same pages opened after /gioi-thieu (scripts cached):', options: { warm: true } },
  ].slice(0, process.argv[3] === 'served' ? 1 : 3)
  const server = await startDemoServer()
  try {
    for (const { title, options } of variants) {
      process.stdout.write(`${title}\n`)
      for (const figure of await measurePages(server.url, runs, options)) process.stdout.write(`${describePage(figure)}\n`)
    }
  } finally {
    await stopServer(server)
  }
  process.exit(0)
}
