/**
 * Review finding 7: a Word file of a few hundred kilobytes that unpacks to 100 MB held the upload
 * and the server's memory, because the 50 MB limit counted compressed bytes only. The files here
 * are made as an attacker would: a real lesson plan written by pandoc, its document part replaced
 * with 100 MB of one repeated paragraph by the `zip` program.
 */
import type { Payload } from 'payload'

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type School } from '../leaks/school.js'

let payload: Payload
let school: School
let lessonPlan: Buffer
let bomb: Buffer
let bombPath: string

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const unpackedBytes = 100 * 1024 * 1024

/** A week's plan in Word, as pandoc writes it. */
const writeLessonPlan = (dir: string): string => {
  writeFileSync(
    path.join(dir, 'giao-an.md'),
    '---\ntitle: Giáo án tuần – Lớp Mẫu giáo nhỡ\nlang: vi\n---\n\n# Thứ Hai\n\nCô đón trẻ vào lớp, trò chuyện về chủ đề Gia đình thân yêu.\n',
  )
  execFileSync('pandoc', ['giao-an.md', '-o', 'giao-an.docx'], { cwd: dir })
  return path.join(dir, 'giao-an.docx')
}

/**
 * The same plan whose `word/document.xml` now holds 100 MB of one paragraph: still a valid Word
 * file (Word opens it), and deflate shrinks it a thousandfold.
 */
const writeBomb = (dir: string, plan: string): string => {
  const work = path.join(dir, 'bomb')
  mkdirSync(path.join(work, 'word'), { recursive: true })
  const original = execFileSync('unzip', ['-p', plan, 'word/document.xml']).toString('utf8')
  const paragraph = '<w:p><w:r><w:t>Bé vui học, bé chăm ngoan, bé lễ phép với cô giáo. </w:t></w:r></w:p>'
  const [head, tail] = original.split('</w:body>')
  const filler = paragraph.repeat(Math.ceil(unpackedBytes / Buffer.byteLength(paragraph)))
  writeFileSync(path.join(work, 'word', 'document.xml'), `${head}${filler}</w:body>${tail}`)
  const bombPath = path.join(dir, 'bom.docx')
  writeFileSync(bombPath, readFileSync(plan))
  execFileSync('zip', ['-9', '-q', bombPath, 'word/document.xml'], { cwd: work })
  rmSync(work, { recursive: true })
  return bombPath
}

const upload = (data: Buffer, name: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: docxType }), name)
  form.append('_payload', JSON.stringify({ alt: 'Giáo án', accessLevel: 'staff' }))
  return rest(payload, '/media', { body: form, headers: { 'Accept-Language': 'vi' }, method: 'POST', token: school.teacher.token })
}

type ErrorAnswer = { errors: Array<{ message: string }> }

const storedFiles = (): string[] => (existsSync(process.env.MEDIA_DIR!) ? readdirSync(process.env.MEDIA_DIR!) : [])

/** Where the central directory describes `name`: a lying archive changes the sizes declared there. */
const directoryEntryOf = (archive: Buffer, name: string): number => {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02])
  for (let at = archive.indexOf(signature); at >= 0; at = archive.indexOf(signature, at + 1)) {
    if (archive.toString('utf8', at + 46, at + 46 + archive.readUInt16LE(at + 28)) === name) return at
  }
  throw new Error(`no directory entry for ${name}`)
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-zip-bomb-'))
  const plan = writeLessonPlan(dir)
  lessonPlan = readFileSync(plan)
  bombPath = writeBomb(dir, plan)
  bomb = readFileSync(bombPath)
  payload = await bootPayload('review-zip-bomb')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

it('the bomb is a small Word file that unpacks to more than 100 MB', () => {
  expect(bomb.length).toBeLessThan(1024 * 1024)
  const listing = execFileSync('unzip', ['-l', bombPath]).toString()
  expect(Number(listing.trim().split('\n').at(-1)!.trim().split(/\s+/)[0])).toBeGreaterThan(unpackedBytes)
})

it('a teacher uploading a Word file that unpacks to 100 MB is refused with 413 in Vietnamese, and nothing is stored', async () => {
  const before = await payload.count({ collection: 'media', overrideAccess: true })
  const response = await upload(bomb, 'giao-an-tuan.docx')
  expect(response.status).toBe(413)
  const { errors } = await json<ErrorAnswer>(response, 413)
  expect(errors[0].message).toMatch(/^Tệp DOCX này khi giải nén sẽ lớn 100\.\d MB, vượt giới hạn 80 MB\./)
  await expect(payload.count({ collection: 'media', overrideAccess: true })).resolves.toEqual(before)
  expect(storedFiles()).toEqual([])
})

it('a bomb whose directory claims small sizes is refused with 422: the entry is held to what it declares', async () => {
  const lying = Buffer.from(bomb)
  lying.writeUInt32LE(4096, directoryEntryOf(lying, 'word/document.xml') + 24)
  const response = await upload(lying, 'giao-an-tuan.docx')
  expect(response.status).toBe(422)
  const { errors } = await json<ErrorAnswer>(response, 422)
  expect(errors[0].message).toMatch(/^Không đọc được tệp DOCX này/)
  expect(storedFiles()).toEqual([])
})

it('the lesson plan as pandoc wrote it is still accepted', async () => {
  const response = await upload(lessonPlan, 'giao-an-tuan.docx')
  expect(response.status).toBe(201)
})
