/**
 * `P5`: a phone photo uploaded through the REST API, which stores it with every image size of
 * `media`, against a plain sharp script writing the same files; one after the other in each round.
 *
 *   NODE_OPTIONS=--conditions=development tsx bench/upload.ts
 */
import type { ImageSize } from 'payload'

import { mkdtempSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

import { generate } from './generate.js'
import { asSomeClient, login, ratio, startBenchServer, stats, stopChild, timed, type Stats } from './lib.js'

/** The photo of the measure, as its pixels are stored: a phone held upright stores them sideways. */
const stored = { width: 2725, height: 2225 }
/** EXIF "rotate 90° clockwise", what that phone writes; the upright photo is 2225×2725. */
const portraitOrientation = 6

/**
 * A photo-like JPEG made once in memory: sky and grass gradients with sensor grain, crossed by
 * hard-edged shapes, carrying the camera's EXIF and orientation, so sanitising has work to do.
 */
export const makePhonePhoto = async (): Promise<Buffer> => {
  const { width, height } = stored
  const pixels = Buffer.alloc(width * height * 3)
  let seed = 20261128
  const channel = (value: number) => Math.max(0, Math.min(255, value))
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      seed = (seed * 1664525 + 1013904223) >>> 0
      const grain = ((seed >>> 24) - 128) / 7
      // The orientation turns stored columns into rows: the sky is on the left of the stored pixels.
      const fromTop = x / width
      const sky = fromTop < 0.45
      pixels[i] = channel((sky ? 120 + fromTop * 120 : 70) + (y / height) * 30 + grain)
      pixels[i + 1] = channel((sky ? 170 + fromTop * 80 : 150 - fromTop * 40) + grain)
      pixels[i + 2] = channel((sky ? 235 - fromTop * 60 : 60) + grain)
    }
  }
  const colours = ['#e53935', '#fdd835', '#43a047', '#1e88e5', '#8e24aa', '#f5c7a0']
  const shapes = Array.from({ length: 120 }, (_, k) => {
    const radius = 20 + ((k * 37) % 180)
    return `<ellipse cx="${width * 0.35 + ((k * 613) % (width * 0.65))}" cy="${(k * 997) % height}" rx="${Math.round(radius * 1.6)}" ry="${radius}" fill="${colours[k % colours.length]}" fill-opacity="0.85"/>`
  })
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(svg) }])
    .withExif({ IFD0: { DateTime: '2025:11:20 08:15:02', Make: 'samsung', Model: 'Galaxy A15' } })
    .withMetadata({ orientation: portraitOrientation })
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** One stored file: `original` or the name of an image size. */
export type ProducedFile = { filename: string; height: number; size: string; width: number }

type StoredFile = { filename: string; height: number; width: number }
type MediaDoc = StoredFile & { id: number; sizes: Record<string, StoredFile> }

const uploadThroughApi = async (url: string, authorization: Record<string, string>, photo: Blob, filename: string) => {
  const form = new FormData()
  form.append('file', photo, filename)
  // Staff level, as a teacher uploads: files reach parents with the published document using them.
  form.append('_payload', JSON.stringify({ accessLevel: 'staff', alt: 'Các bé lớp Mẫu giáo lớn tập thể dục buổi sáng trên sân trường' }))
  const response = await fetch(`${url}/api/media?depth=0`, { method: 'POST', headers: { ...authorization, ...asSomeClient() }, body: form })
  const body = await response.text()
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${body.slice(0, 300)}`)
  return (JSON.parse(body) as { doc: MediaDoc }).doc
}

const filesOf = ({ filename, height, sizes, width }: MediaDoc): ProducedFile[] => [
  { filename, height, size: 'original', width },
  ...Object.entries(sizes).map(([size, file]) => ({ filename: file.filename, height: file.height, size, width: file.width })),
]

/**
 * What `media` stores for a JPEG, written by plain sharp: the upright original re-encoded without
 * metadata at sanitizeImage's quality (90), then every image size made from it as Payload does,
 * resized with its fit (cover unless it says otherwise), in its format; named as Payload names them.
 */
const writeWithSharp = async (photo: Buffer, imageSizes: ImageSize[], dir: string, filename: string): Promise<ProducedFile[]> => {
  const base = filename.replace(/\.jpg$/, '')
  const save = async (size: string, { data, info }: { data: Buffer; info: sharp.OutputInfo }): Promise<ProducedFile> => {
    const name = size === 'original' ? filename : `${base}-${info.width}x${info.height}.${info.format === 'jpeg' ? 'jpg' : info.format}`
    await writeFile(path.join(dir, name), data)
    return { filename: name, height: info.height, size, width: info.width }
  }
  const original = await sharp(photo).autoOrient().jpeg({ quality: 90 }).toBuffer({ resolveWithObject: true })
  const sizes = imageSizes.map(async ({ fit = 'cover', formatOptions, height, name, position, width, withoutEnlargement }) => {
    const resized = sharp(original.data).resize({ fit, height, position, width, withoutEnlargement })
    const encoded = formatOptions ? resized.toFormat(formatOptions.format, formatOptions.options) : resized.jpeg()
    return save(name, await encoded.toBuffer({ resolveWithObject: true }))
  })
  return Promise.all([save('original', original), ...sizes])
}

const shown = (file: ProducedFile) => `${file.filename} (${file.width}×${file.height})`
/** What both sides must produce alike: each size's dimensions and format (stored sizes get unique names, `sizeFileName`). */
const describe = (files: ProducedFile[]) => files.map((file) => `${file.size} ${file.width}×${file.height} ${path.extname(file.filename)}`).sort()

/** `files` are those of the last round; `leftBehind` the uploads whose DELETE failed. */
export type UploadSpeed = { api: Stats; files: Record<'api' | 'sharp', ProducedFile[]>; leftBehind: number[]; ratio: number; sameFiles: boolean; sharp: Stats; uploadedIds: number[] }

/**
 * Uploads the photo as a teacher would and waits for the 201, then writes the same files with
 * sharp, `rounds` times; the first two rounds warm both sides up. Deletes the uploads afterwards.
 *
 * @param authorization The header of an account that may upload media (a teacher's).
 */
export const measureUploadSpeed = async (url: string, authorization: Record<string, string>, rounds = 12): Promise<UploadSpeed> => {
  // Imported here, not at the top: the collection reads MEDIA_DIR when loaded, which generate() sets first.
  const { Media } = await import('../src/collections/Media/index.js')
  const imageSizes = typeof Media.upload === 'object' ? (Media.upload.imageSizes ?? []) : []
  const photo = await makePhonePhoto()
  const photoBlob = new Blob([new Uint8Array(photo)], { type: 'image/jpeg' })
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-p5-'))
  const samples = { api: [] as number[], sharp: [] as number[] }
  const uploadedIds: number[] = []
  const leftBehind: number[] = []
  const files: UploadSpeed['files'] = { api: [], sharp: [] }
  try {
    for (let i = 0; i < rounds; i++) {
      // A phone names every photo anew; a repeated name would make Payload look for a free one.
      const filename = `IMG_20251120_${String(81502 + i).padStart(6, '0')}.jpg`
      const api = await timed(() => uploadThroughApi(url, authorization, photoBlob, filename))
      uploadedIds.push(api.value.id)
      const reference = await timed(() => writeWithSharp(photo, imageSizes, dir, filename))
      files.api = filesOf(api.value)
      files.sharp = reference.value
      if (i < 2) continue
      samples.api.push(api.ms)
      samples.sharp.push(reference.ms)
    }
  } finally {
    rmSync(dir, { force: true, recursive: true })
    for (const id of uploadedIds) {
      // Deleting moves a file to the trash; the run's data folder goes with the run.
      const response = await fetch(`${url}/api/media/${id}`, {
        method: 'PATCH',
        headers: { ...authorization, ...asSomeClient(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ deletedAt: new Date().toISOString() }),
      })
      await response.arrayBuffer()
      if (!response.ok) leftBehind.push(id)
    }
  }
  const api = stats(samples.api)
  const reference = stats(samples.sharp)
  const sameFiles = describe(files.api).join() === describe(files.sharp).join()
  return { api, files, leftBehind, ratio: ratio(api.p50, reference.p50), sameFiles, sharp: reference, uploadedIds }
}

const main = async () => {
  const count = Number(process.env.BENCH_DOCS ?? 200)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-'))
  process.stdout.write(`generating ${count} documents into ${dataDir}…\n`)
  await generate({ count, dataDir })
  const server = await startBenchServer(dataDir)
  try {
    const teacher = await login(server.url, 'giaovien@truongso.test')
    const result = await measureUploadSpeed(server.url, teacher)
    const lines = [
      '| side | n | p50 ms | p95 ms | max ms |',
      '| --- | --- | --- | --- | --- |',
      ...([['POST /api/media (201)', result.api], ['plain sharp, same files', result.sharp]] as const).map(
        ([side, s]) => `| ${side} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`,
      ),
      '',
      `P5 = API p50 ÷ sharp p50 = ${result.ratio} (target ≤ 1.2)`,
      '',
      '| file | by the API | by sharp |',
      '| --- | --- | --- |',
      ...result.files.api.map((file) => {
        const twin = result.files.sharp.find((each) => each.size === file.size)
        return `| ${file.size} | ${shown(file)} | ${twin ? shown(twin) : 'missing'} |`
      }),
      '',
      `same sizes and formats: ${result.sameFiles ? 'yes' : 'NO'}; uploads ${result.uploadedIds.join(', ')} deleted, left behind: ${result.leftBehind.join(', ') || 'none'}`,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await stopChild(server.child)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
  process.exit(0)
}
