/**
 * What the dashboards compute from the disk and the clock: sizes of folders and of the database,
 * and times as the school reads them, whatever the server's time zone.
 */
import type { Payload } from 'payload'

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { day, dayAndTime, size } from '../../src/components/dashboard/format.js'
import { databaseBytes, folderBytes } from '../../src/components/dashboard/storage.js'

const work = mkdtempSync(path.join(tmpdir(), 'truongso-dashboard-'))
const noPayload = {} as Payload

afterAll(() => rmSync(work, { force: true, recursive: true }))

describe('the size of a folder', () => {
  it('adds up every file below it, image sizes in subfolders included, and counts them', async () => {
    const media = path.join(work, 'media')
    mkdirSync(path.join(media, '.quarantine', '2026-11-30'), { recursive: true })
    writeFileSync(path.join(media, 'ke-hoach.pdf'), Buffer.alloc(1500))
    writeFileSync(path.join(media, 'anh-320x320-9f3a1c2e.webp'), Buffer.alloc(700))
    writeFileSync(path.join(media, '.quarantine', '2026-11-30', 'la.jpg'), Buffer.alloc(300))
    await expect(folderBytes(media)).resolves.toEqual({ bytes: 2500, files: 3 })
  })

  it('is nothing for a folder no upload has created yet', async () => {
    await expect(folderBytes(path.join(work, 'chua-co'))).resolves.toEqual({ bytes: 0, files: 0 })
  })
})

describe('the size of the embedded database', () => {
  it('is the file and its write-ahead log', async () => {
    const file = path.join(work, 'truongso.db')
    writeFileSync(file, Buffer.alloc(4096))
    writeFileSync(`${file}-wal`, Buffer.alloc(1024))
    await expect(databaseBytes(noPayload, `file:${file}`)).resolves.toBe(5120)
  })

  it('cannot be told when there is no file', async () => {
    await expect(databaseBytes(noPayload, `file:${path.join(work, 'khong-co.db')}`)).resolves.toBeUndefined()
  })
})

describe('times and sizes on the dashboard', () => {
  it('reads an instant on the school’s clock (UTC+7) as day/month/year hours:minutes', () => {
    expect(dayAndTime('2026-11-30T02:50:00Z')).toBe('30/11/2026 09:50')
    expect(dayAndTime('2026-12-31T17:05:00Z')).toBe('01/01/2027 00:05')
    expect(day('2026-12-31T17:05:00Z')).toBe('01/01/2027')
  })

  it('writes sizes in the unit a file manager would', () => {
    expect(size(512)).toBe('512 B')
    expect(size(1536)).toBe('1.5 KB')
    expect(size(12.34 * 1024 * 1024)).toBe('12.3 MB')
    expect(size(3 * 1024 ** 3)).toBe('3.0 GB')
  })
})
