/**
 * Files as readers fetch them from the real server (`npm start`) over HTTP: `/api/media/file/<name>`
 * for originals and every image size, and the website pages that show them. A file missing or
 * unreadable on the server answers 404 in the reader's language and the page says so in place of
 * its viewer; access is checked before the disk, so a reader learns nothing about files she may
 * not see. The files are made by the programs teachers' files come from (Chromium, ffmpeg).
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { demoAccounts, demoPassword } from '../../src/seed/demo/accounts.js'
import { realFiles } from '../fixtures/realFiles.js'
import { filesTextRead, type RunningServer, startDemoServer, stopServer } from '../helpers/server.js'

type StoredFile = {
  filename: string
  filesize: number
  id: number
  sizes: Record<string, { filename: null | string; url: null | string }>
  url: string
}
type Doc = { id: number; slug?: string }

const notice = 'Tệp này hiện không mở được. Vui lòng báo nhà trường.'
const work = mkdtempSync(path.join(tmpdir(), 'truongso-files-'))

let server: RunningServer
let mediaDir: string
let adminToken: string
let staffToken: string
let lessonPlan: Buffer
let photo: Buffer
let song: Buffer

const ffmpeg = (args: string[], output: string): Buffer => {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, path.join(work, output)])
  return readFileSync(path.join(work, output))
}

const login = async (key: string): Promise<string> => {
  const account = demoAccounts.find((candidate) => candidate.key === key)!
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: demoPassword() }),
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token) throw new Error(`could not log in ${account.email}`)
  return token
}

const json = async <T>(response: Response, status: number): Promise<T> => {
  const body = await response.text()
  if (response.status !== status) throw new Error(`expected HTTP ${status}, got ${response.status}: ${body.slice(0, 500)}`)
  return JSON.parse(body) as T
}

/** Uploads through REST as the school's administrator. */
const upload = async (data: Buffer, name: string, type: string, fields: Record<string, unknown> = {}): Promise<StoredFile> => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ accessLevel: 'public', ...fields }))
  const response = await fetch(`${server.url}/api/media`, { method: 'POST', body: form, headers: { Authorization: `JWT ${adminToken}` } })
  return (await json<{ doc: StoredFile }>(response, 201)).doc
}

/** Publishes a public document through REST as the administrator. */
const publish = async (collection: string, data: Record<string, unknown>): Promise<Doc> => {
  const response = await fetch(`${server.url}/api/${collection}`, {
    method: 'POST',
    headers: { Authorization: `JWT ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ accessLevel: 'public', _status: 'published', ...data }),
  })
  return (await json<{ doc: Doc }>(response, 201)).doc
}

const onDisk = (filename: string) => path.join(mediaDir, filename)

/**
 * Takes reading away from the server: chmod 000. Root reads through permissions, so when the
 * suite runs as root (as in many containers) a directory of the same name takes the file's place.
 */
const makeUnreadable = (filename: string) => {
  if (process.getuid?.() === 0) {
    rmSync(onDisk(filename))
    mkdirSync(onDisk(filename))
  } else {
    chmodSync(onDisk(filename), 0o000)
  }
}

const statusOf = async (url: string, init: RequestInit = {}): Promise<number> => {
  const response = await fetch(`${server.url}${url}`, init)
  await response.arrayBuffer()
  return response.status
}

/** Retries `probe` until it returns a value: for what the server does after it has answered. */
const eventually = async <T>(probe: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Log entries (pretty-printed, one entry spans several lines) written after `from`, colours removed. */
const entriesSince = (from: number): string[] =>
  server
    .logs()
    .slice(from)
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split(/\n(?=\[\d\d:\d\d:\d\d\])/)
    .filter((entry) => entry.trim() !== '')

/** Fetches a file and collects the log entries about it, once the request itself has been logged. */
const fetchLogged = async (url: string) => {
  const from = server.logs().length
  const response = await fetch(`${server.url}${url}`)
  const body = await response.text()
  const entries = await eventually(() => {
    const about = entriesSince(from).filter((entry) => entry.includes(path.basename(url)))
    return about.some((entry) => entry.includes('request completed')) ? about : undefined
  }, `the request line for ${url}`)
  return { body, entries, response }
}

/** The first line of each entry without its time: level and message. */
const headlines = (entries: string[]) => entries.map((entry) => entry.split('\n')[0].replace(/^\[[^\]]+\] /, '').replace(/^(\w+) \(payload\):/, '$1:'))

/** The process answering HTTP: the child scripts/start.mjs runs the server in, or the started process itself. */
const serverPid = (): number => {
  const starter = server.process.pid!
  const [child] = readFileSync(`/proc/${starter}/task/${starter}/children`, 'utf8').trim().split(/\s+/)
  return child ? Number(child) : starter
}

/** The uploaded files the server holds open right now. */
const openMediaFiles = (): string[] => {
  const pid = serverPid()
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`)
      return target.startsWith(mediaDir + path.sep) ? [target] : []
    } catch {
      return []
    }
  })
}

/** Another picture of the same size: the photo turned upside down. */
const sharpRotated = async (jpeg: Buffer): Promise<Buffer> => {
  const { default: sharp } = await import('sharp')
  return sharp(jpeg).rotate(180).jpeg().toBuffer()
}

/** A page's text as a reader sees it: entities decoded, RSC payload quotes unescaped. */
const page = async (pathname: string) => {
  const response = await fetch(`${server.url}${pathname}`)
  const html = (await response.text()).replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&amp;', '&').replaceAll('\\"', '"')
  return { html, status: response.status }
}

beforeAll(async () => {
  // A phone photo is larger than every image size, so each size is a file of its own.
  const files = await realFiles()
  ;[lessonPlan, photo, song] = [files.pdf1, files.photo, files.mp4].map((file) => readFileSync(file.path))
  server = await startDemoServer()
  // The jobs queue reads the demo's files in the order they came: an upload's text waits behind them.
  await filesTextRead(server)
  mediaDir = path.join(server.dataDir, 'media')
  ;[adminToken, staffToken] = await Promise.all([login('admin'), login('staff')])
}, 10 * 60_000)

afterAll(async () => {
  if (server) await stopServer(server)
  rmSync(work, { force: true, recursive: true })
})

describe('a file whose row is there but whose file is gone from the disk', () => {
  let file: StoredFile

  beforeAll(async () => {
    file = await upload(lessonPlan, 'ke-hoach-tuan-1.pdf', 'application/pdf')
    rmSync(onDisk(file.filename))
  })

  it('answers 404 with a Vietnamese message in Payload’s error shape, never 500', async () => {
    const response = await fetch(`${server.url}${file.url}`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('application/json')
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
    expect(errors).toEqual([{ message: expect.stringContaining(file.filename) }])
    expect(errors[0].message).toContain('hiện không mở được')
    expect(errors[0].message).toContain('Vui lòng báo nhà trường')
  })

  it('answers in English to a reader who chose English', async () => {
    const response = await fetch(`${server.url}${file.url}`, { headers: { Cookie: 'payload-lng=en' } })
    expect(response.status).toBe(404)
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
    expect(errors[0].message).toMatch(/^The file "ke-hoach-tuan-1\.pdf" cannot be opened right now/)
  })

  it('answers 404 to HEAD and to a range request too', async () => {
    const head = await fetch(`${server.url}${file.url}`, { method: 'HEAD' })
    expect(head.status).toBe(404)
    expect(await head.text()).toBe('')
    expect(await statusOf(file.url, { headers: { Range: 'bytes=0-99' } })).toBe(404)
  })

  it('logs one warning about the file, besides the request line, and no error or stack trace', async () => {
    // A file of its own: no earlier request's lines can reach the log while this one is read.
    const uploadedAt = server.logs().length
    const gone = await upload(lessonPlan, 'so-theo-doi-suc-khoe.pdf', 'application/pdf')
    // Its text is read by the jobs queue within seconds; removed before that, the job's own lines
    // about the missing file would join this request's.
    await eventually(() => entriesSince(uploadedAt).find((entry) => entry.includes(`media ${gone.id} (`) && entry.includes('characters of text')), 'the text of the upload read', 30_000)
    rmSync(onDisk(gone.filename))
    const { entries } = await fetchLogged(gone.url)
    expect(headlines(entries)).toEqual([`WARN: media: ${gone.filename} missing or unreadable on disk, answered 404`, 'WARN: request completed'])
    expect(entries[0]).toContain('"ENOENT"')
    expect(entries.join('\n')).not.toMatch(/^\s+at /m)
  })
})

describe('an image whose sizes are files of their own', () => {
  it('answers 404 for a size gone from the disk, and still serves the original and the other sizes', async () => {
    const picture = await upload(photo, 'san-choi.jpg', 'image/jpeg', { alt: 'Sân chơi của trường' })
    const sizes = Object.fromEntries(Object.entries(picture.sizes).map(([name, size]) => [name, size.url!]))
    expect(Object.keys(sizes).sort()).toEqual(['card', 'cardWebp', 'hero', 'heroWebp', 'thumbnail', 'thumbnailWebp'])
    expect(new Set(Object.values(sizes)).size).toBe(6)
    rmSync(onDisk(picture.sizes.card.filename!))
    rmSync(onDisk(picture.sizes.heroWebp.filename!))
    const statuses = Object.fromEntries(
      await Promise.all([['original', picture.url], ...Object.entries(sizes)].map(async ([name, url]) => [name, await statusOf(url)])),
    )
    expect(statuses).toEqual({ original: 200, thumbnail: 200, thumbnailWebp: 200, card: 404, cardWebp: 200, hero: 200, heroWebp: 404 })
    const card = await fetch(`${server.url}${sizes.card}`)
    expect(await card.json()).toEqual({ errors: [{ message: expect.stringContaining('hiện không mở được') }] })
  })
})

describe('a file the server cannot read', () => {
  it('answers 404 for a file it may not read (chmod 000; as root, which reads through permissions, a directory in its place)', async () => {
    const file = await upload(song, 'bai-hat-chu-ech-con.mp4', 'video/mp4')
    makeUnreadable(file.filename)
    const { body, entries, response } = await fetchLogged(file.url)
    expect(response.status).toBe(404)
    expect(JSON.parse(body)).toEqual({ errors: [{ message: expect.stringContaining('hiện không mở được') }] })
    expect(headlines(entries)).toEqual([`WARN: media: ${file.filename} missing or unreadable on disk, answered 404`, 'WARN: request completed'])
    expect(entries[0]).toMatch(/"(EACCES|EISDIR)"/)
    expect(entries.join('\n')).not.toMatch(/^\s+at /m)
  })

  it('answers 404 when a directory stands where the file was, where it used to break the connection', async () => {
    const file = await upload(lessonPlan, 'thu-moi-hop.pdf', 'application/pdf')
    rmSync(onDisk(file.filename))
    mkdirSync(onDisk(file.filename))
    expect(await statusOf(file.url)).toBe(404)
    expect(await statusOf(file.url, { headers: { Range: 'bytes=0-10' } })).toBe(404)
  })
})

describe('a request without a file name or with an unknown one', () => {
  it.each(['/api/media/file/', '/api/media/file'])('answers %s with 404 and a Vietnamese message, never 500', async (url) => {
    const response = await fetch(`${server.url}${url}`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ errors: [{ message: 'Hãy cho biết tệp cần mở: /api/media/file/ rồi đến tên tệp.' }] })
    expect(await statusOf(url, { method: 'HEAD' })).toBe(404)
    const english = await fetch(`${server.url}${url}`, { headers: { Cookie: 'payload-lng=en' } })
    expect(await english.json()).toEqual({ errors: [{ message: 'Say which file to open: /api/media/file/ followed by its name.' }] })
  })

  it('answers an unknown name as it answers a file the reader may not see, so names cannot be probed', async () => {
    const hidden = await upload(lessonPlan, 'danh-sach-luong.pdf', 'application/pdf', { accessLevel: 'leadership' })
    const answer = async (url: string) => {
      const response = await fetch(`${server.url}${url}`, { headers: { Authorization: `JWT ${staffToken}` } })
      return { body: await response.text(), status: response.status }
    }
    const unknown = await answer('/api/media/file/khong-co-tep-nay.pdf')
    expect(unknown).toEqual(await answer(hidden.url))
    expect(unknown.status).toBe(403)
    expect(JSON.parse(unknown.body).errors[0].message).toMatch(/không có quyền/)
  })
})

describe('access, checked before the disk', () => {
  let present: StoredFile
  let gone: StoredFile

  beforeAll(async () => {
    ;[present, gone] = await Promise.all([
      upload(lessonPlan, 'ke-hoach-noi-bo.pdf', 'application/pdf', { accessLevel: 'staff' }),
      upload(lessonPlan, 'bien-ban-hop-to.pdf', 'application/pdf', { accessLevel: 'staff' }),
    ])
    rmSync(onDisk(gone.filename))
  })

  it('answers an anonymous reader the same 403 whether the staff file is on the disk or not', async () => {
    const answer = async (url: string) => {
      const response = await fetch(`${server.url}${url}`)
      return { body: await response.text(), status: response.status }
    }
    const [whenPresent, whenGone] = await Promise.all([answer(present.url), answer(gone.url)])
    expect(whenPresent.status).toBe(403)
    expect(whenGone).toEqual(whenPresent)
  })

  it('tells staff, who may open it, that the file is missing', async () => {
    const headers = { Authorization: `JWT ${staffToken}` }
    expect(await statusOf(present.url, { headers })).toBe(200)
    expect(await statusOf(gone.url, { headers })).toBe(404)
  })
})

describe('a file on the disk', () => {
  let file: StoredFile

  beforeAll(async () => {
    file = await upload(song, 'mua-xuan-den-roi.mp4', 'video/mp4')
  })

  it('is served whole, by range, and to HEAD without a body, with its stored type', async () => {
    const whole = await fetch(`${server.url}${file.url}`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('video/mp4')
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await whole.arrayBuffer()).equals(song)).toBe(true)

    const part = await fetch(`${server.url}${file.url}`, { headers: { Range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${song.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(song.subarray(100, 200))).toBe(true)

    const head = await fetch(`${server.url}${file.url}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(song.length))
    expect(await head.text()).toBe('')

    const outside = await fetch(`${server.url}${file.url}`, { headers: { Range: `bytes=${song.length + 10}-` } })
    expect(outside.status).toBe(416)
    expect(outside.headers.get('content-range')).toBe(`bytes */${song.length}`)
  })

  it('is closed after HEAD requests and after readers who leave mid-download', async () => {
    // Noise compresses badly: more megabytes than the sockets between server and reader hold, so
    // a reader who leaves really leaves the server mid-file.
    const large = ffmpeg(
      ['-f', 'lavfi', '-i', 'nullsrc=s=640x480:r=25,geq=random(1)*255:128:128', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p'],
      'tiet-hoc-mau.mp4',
    )
    expect(large.length).toBeGreaterThan(16 * 1024 * 1024)
    const video = await upload(large, 'tiet-hoc-mau.mp4', 'video/mp4')
    expect(openMediaFiles()).toEqual([])
    for (let request = 0; request < 10; request++) {
      const head = await fetch(`${server.url}${video.url}`, { method: 'HEAD' })
      expect(head.status).toBe(200)
      await head.arrayBuffer()
    }
    for (let reader = 0; reader < 5; reader++) {
      const leaving = new AbortController()
      const response = await fetch(`${server.url}${video.url}`, { signal: leaving.signal })
      await response.body!.getReader().read()
      leaving.abort()
    }
    await eventually(() => (openMediaFiles().length === 0 ? true : undefined), 'the server to close the files')
  })
})

describe('how a file opens', () => {
  it('opens a PDF in the browser, and saves it when the download link asks, under its name in both spellings', async () => {
    const plan = await upload(lessonPlan, 'kế-hoạch-tháng-12.pdf', 'application/pdf')
    const inline = await fetch(`${server.url}${plan.url}`)
    await inline.arrayBuffer()
    expect(inline.status).toBe(200)
    expect(inline.headers.get('content-type')).toBe('application/pdf')
    const name = plan.url.split('/').pop()!
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''[\w%.~-]+$/)
    const saved = await fetch(`${server.url}${plan.url}?download=1`)
    expect(Buffer.from(await saved.arrayBuffer()).equals(lessonPlan)).toBe(true)
    expect(saved.headers.get('content-disposition')).toBe(inline.headers.get('content-disposition')!.replace(/^inline/, 'attachment'))
    expect(decodeURIComponent(saved.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(decodeURIComponent(name))
  })

  it('links each PDF viewer on the website to the same file as a download beside it', async () => {
    const plan = await upload(lessonPlan, 'giao-an-be-tap-dem.pdf', 'application/pdf', { alt: 'Giáo án Bé tập đếm' })
    const material = await publish('learning-materials', { title: 'Bé tập đếm đến 5', materialType: 'lesson-plan', files: [plan.id] })
    const { html, status } = await page(`/hoc-lieu/${material.slug}`)
    expect(status).toBe(200)
    expect(html).toContain(`<iframe src="${plan.url}"`)
    expect(html).toMatch(/<a class="download" href="([^"]+)" download="[^"]+">Tải về/)
    expect(/<a class="download" href="([^"]+)"/.exec(html)![1]).toBe(`${plan.url}?download=1`)
  })
})

describe('caching of files', () => {
  let image: StoredFile
  let staffFile: StoredFile
  const sizeUrls = () => Object.values(image.sizes).map((size) => size.url!)

  beforeAll(async () => {
    ;[image, staffFile] = await Promise.all([
      upload(photo, 'san-choi-mua-xuan.jpg', 'image/jpeg', { alt: 'Sân chơi mùa xuân' }),
      upload(lessonPlan, 'ke-hoach-to-chuyen-mon.pdf', 'application/pdf', { accessLevel: 'staff' }),
    ])
  })

  it('names every image size once: the same photo uploaded again gets sizes of other names', async () => {
    const again = await upload(photo, 'san-choi-mua-xuan.jpg', 'image/jpeg', { alt: 'Sân chơi mùa xuân' })
    const names = (file: StoredFile) => Object.values(file.sizes).map((size) => size.filename!)
    expect(names(image)).toHaveLength(6)
    for (const name of [...names(image), ...names(again)]) expect(name).toMatch(/-\d+x\d+-[0-9a-f]{8}\.(jpg|webp)$/)
    expect(names(again).filter((name) => names(image).includes(name))).toEqual([])
  })

  it('lets anyone keep a public image size for a year, unchanged, and the original a few minutes', async () => {
    for (const url of sizeUrls()) {
      const response = await fetch(`${server.url}${url}`)
      await response.arrayBuffer()
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }
    const original = await fetch(`${server.url}${image.url}`)
    await original.arrayBuffer()
    expect(original.headers.get('cache-control')).toBe('public, max-age=300')
  })

  it('answers 304 without a body to a reader whose copy is current, by ETag or by date, for GET and HEAD', async () => {
    for (const url of [image.url, ...sizeUrls()]) {
      const first = await fetch(`${server.url}${url}`)
      await first.arrayBuffer()
      const etag = first.headers.get('etag')!
      const lastModified = first.headers.get('last-modified')!
      expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/)
      expect(new Date(lastModified).toUTCString()).toBe(lastModified)
      const conditions: Array<Record<string, string>> = [{ 'If-None-Match': etag }, { 'If-None-Match': `W/${etag}, "other"` }, { 'If-Modified-Since': lastModified }]
      for (const headers of conditions) {
        for (const method of ['GET', 'HEAD']) {
          const again = await fetch(`${server.url}${url}`, { headers, method })
          expect(await again.text()).toBe('')
          expect(again.status).toBe(304)
          expect(again.headers.get('etag')).toBe(etag)
          expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'))
        }
      }
      expect(await statusOf(url, { headers: { 'If-None-Match': '"another-version"' } })).toBe(200)
      expect(await statusOf(url, { headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() } })).toBe(200)
    }
  })

  it('sends the whole file, not the range, when the range was asked for another version (If-Range)', async () => {
    const first = await fetch(`${server.url}${image.url}`)
    const whole = Buffer.from(await first.arrayBuffer())
    const etag = first.headers.get('etag')!
    const current = await fetch(`${server.url}${image.url}`, { headers: { Range: 'bytes=0-99', 'If-Range': etag } })
    expect(current.status).toBe(206)
    expect((await current.arrayBuffer()).byteLength).toBe(100)
    const stale = await fetch(`${server.url}${image.url}`, { headers: { Range: 'bytes=0-99', 'If-Range': '"an-older-version"' } })
    expect(stale.status).toBe(200)
    expect(Buffer.from(await stale.arrayBuffer()).equals(whole)).toBe(true)
  })

  it('keeps a restricted file in its reader’s browser only, asking again each time', async () => {
    const headers = { Authorization: `JWT ${staffToken}` }
    const first = await fetch(`${server.url}${staffFile.url}`, { headers })
    await first.arrayBuffer()
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    const again = await fetch(`${server.url}${staffFile.url}`, { headers: { ...headers, 'If-None-Match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
    expect(await statusOf(staffFile.url, { headers: { 'If-None-Match': first.headers.get('etag')! } })).toBe(403)
  })

  it('gives a replaced image new sizes and a new tag for its original, so no cache serves the old picture', async () => {
    const before = await fetch(`${server.url}${image.url}`)
    await before.arrayBuffer()
    const form = new FormData()
    const replacement = await sharpRotated(photo)
    form.append('file', new Blob([new Uint8Array(replacement)], { type: 'image/jpeg' }), 'san-choi-mua-xuan.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Sân chơi mùa xuân' }))
    const response = await fetch(`${server.url}/api/media/${image.id}`, { method: 'PATCH', body: form, headers: { Authorization: `JWT ${adminToken}` } })
    const replaced = (await json<{ doc: StoredFile }>(response, 200)).doc
    const oldSizes = Object.values(image.sizes).map((size) => size.filename)
    for (const size of Object.values(replaced.sizes)) expect(oldSizes).not.toContain(size.filename)
    const after = await fetch(`${server.url}${replaced.url}`, { headers: { 'If-None-Match': before.headers.get('etag')! } })
    expect(after.status).toBe(200)
    expect(Buffer.from(await after.arrayBuffer()).equals(replacement)).toBe(false)
  })
})

describe('the website, where a file is missing or unreadable', () => {
  it('shows a notice in place of the PDF viewer of a material, keeps the files that open, and answers 200', async () => {
    const [missing, present] = await Promise.all([
      upload(lessonPlan, 'giao-an-rua-tay.pdf', 'application/pdf'),
      upload(song, 'bai-hat-rua-tay.mp4', 'video/mp4'),
    ])
    const material = await publish('learning-materials', { title: 'Bé rửa tay sạch', materialType: 'lesson-plan', files: [missing.id, present.id] })
    rmSync(onDisk(missing.filename))
    const { html, status } = await page(`/hoc-lieu/${material.slug}`)
    expect(status).toBe(200)
    expect(html).toContain(notice)
    expect(html).not.toContain(`src="${missing.url}"`)
    expect(html).toContain(`src="${present.url}"`)
  })

  it('shows a notice in place of a video that cannot be read', async () => {
    const video = await upload(song, 'video-the-duc-sang.mp4', 'video/mp4')
    const material = await publish('learning-materials', { title: 'Thể dục buổi sáng', materialType: 'video', files: [video.id] })
    makeUnreadable(video.filename)
    const { html, status } = await page(`/hoc-lieu/${material.slug}`)
    expect(status).toBe(200)
    expect(html).toContain(notice)
    expect(html).not.toMatch(/<video/)
  })

  it('shows a notice in place of a library image whose shown size is gone', async () => {
    const picture = await upload(photo, 'tranh-truyen-tam-cam.jpg', 'image/jpeg', { alt: 'Tranh truyện Tấm Cám' })
    const item = await publish('library-items', { title: 'Tranh truyện Tấm Cám', itemType: 'comic', files: [picture.id] })
    rmSync(onDisk(picture.sizes.heroWebp.filename!))
    const { html, status } = await page(`/thu-vien/${item.id}`)
    expect(status).toBe(200)
    expect(html).toContain(notice)
    expect(html).not.toContain(picture.sizes.hero.url!)
  })

  it('shows a notice in place of the full text of a document whose file is missing', async () => {
    const scan = await upload(lessonPlan, 'ke-hoach-45-kh-mnpl.pdf', 'application/pdf')
    const document = await publish('regulatory-documents', {
      documentNumber: '77/KH-MNPL',
      documentType: 'KH',
      title: 'Kế hoạch phòng chống dịch bệnh',
      summary: 'Kế hoạch phòng chống dịch bệnh mùa đông xuân trong nhà trường.',
      issuingBody: 'Trường Mầm non Phục Lễ',
      issueDate: '2025-09-05T00:00:00.000Z',
      file: scan.id,
    })
    rmSync(onDisk(scan.filename))
    const { html, status } = await page(`/van-ban/${document.id}`)
    expect(status).toBe(200)
    expect(html).toContain(notice)
    expect(html).not.toContain(`src="${scan.url}"`)
  })

  it('names a missing attachment of a news item with the notice instead of a link', async () => {
    const [missing, present] = await Promise.all([
      upload(lessonPlan, 'thuc-don-thang-10.pdf', 'application/pdf'),
      upload(lessonPlan, 'lich-hoat-dong-thang-10.pdf', 'application/pdf'),
    ])
    const news = await publish('announcements', { title: 'Thực đơn và lịch hoạt động tháng 10', category: 'news', attachments: [missing.id, present.id] })
    rmSync(onDisk(missing.filename))
    const { html, status } = await page(`/tin-tuc/${news.slug}`)
    expect(status).toBe(200)
    expect(html).toContain(notice)
    expect(html).not.toContain(`href="${missing.url}"`)
    expect(html).toContain(`href="${present.url}"`)
  })
})
