import type { RequestHandler } from 'express'

/** How far the demo has loaded: parts done out of all; `undefined` once it is in (or not loading). */
export type DemoLoading = { done: number; total: number } | undefined

/** How long a client should wait before asking again; the demo loads in a few seconds. */
const RETRY_AFTER_SECONDS = 5

const message = {
  vi: 'Đang chuẩn bị dữ liệu mẫu… Trang sẽ sẵn sàng sau ít giây.',
  en: 'Preparing the demo content… The site will be ready in a few seconds.',
}

const englishRequested = (cookie: string | undefined) => /(^|;\s*)payload-lng=en/.test(cookie ?? '')

// Refreshes itself, so a person who opened the site during the first start lands on it once ready.
const preparingPage = ({ done, total }: NonNullable<DemoLoading>) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Đang chuẩn bị dữ liệu mẫu…</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;font-family:system-ui,sans-serif;background:#f6f8f4;color:#1d2b1f}
main{max-width:32rem;padding:2rem;text-align:center}
h1{font-size:1.5rem;margin:0 0 .75rem}
p{margin:0;line-height:1.5}
</style>
</head>
<body>
<main>
<h1>Đang chuẩn bị dữ liệu mẫu…</h1>
<p>Trường Số đang nạp nội dung minh họa cho lần chạy đầu tiên. Trang sẽ tự tải lại sau ít giây.</p>
${done > 0 ? `<p><progress max="${total}" value="${done}">${done}/${total}</progress> Đã xong ${done}/${total} phần.</p>` : ''}
</main>
</body>
</html>
`

/**
 * While the demo content loads on a first start, the site answers at once instead of waiting:
 * the content API with 503 and `Retry-After`, everything else with a page saying what is going
 * on. Next's static assets pass, so nothing cached half-way breaks afterwards.
 */
export const whileDemoLoads =
  (loading: () => DemoLoading): RequestHandler =>
  (req, res, next) => {
    const progress = loading()
    if (!progress || req.path.startsWith('/_next/')) return next()
    res.status(503).set({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' })
    if (req.path === '/api' || req.path.startsWith('/api/')) {
      const language = englishRequested(req.headers.cookie) ? 'en' : 'vi'
      return void res.json({ errors: [{ message: message[language] }], progress })
    }
    res.type('html').send(preparingPage(progress))
  }
