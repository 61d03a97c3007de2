/**
 * `files:check` and its fix, and the refusals of a restore: what each does to a real database
 * and a real media folder.
 */
import type { Payload } from 'payload'

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'

import { createBackup } from '../../src/backup/backup.js'
import { checkFiles, fixFiles, missingFilesKey, type MissingFilesNotice } from '../../src/backup/filesCheck.js'
import type { Manifest } from '../../src/backup/manifest.js'
import { untilNext } from '../../src/backup/nightly.js'
import { restoreBackup, RestoreRefused } from '../../src/backup/restore.js'
import { archivesToPrune } from '../../src/backup/retention.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { userEnvironment } from '../helpers/server.js'
import { enrolSchool, type School } from '../leaks/school.js'

type StoredFile = { filename: string; id: number; sizes: Record<string, { filename?: null | string }> }

let payload: Payload
let school: School

const mediaDir = () => process.env.MEDIA_DIR!
const dataDir = () => process.env.DATA_DIR!

const uploadPhoto = async (name: string): Promise<StoredFile> => {
  const data = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2288cc' } }).jpeg().toBuffer()
  return (await payload.create({
    collection: 'media',
    data: { alt: 'Ảnh sân trường', accessLevel: 'public' },
    file: { data, mimetype: 'image/jpeg', name, size: data.length },
    overrideAccess: false,
    user: school.admin.user,
  })) as unknown as StoredFile
}

const freshFolder = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `truongso-${name}-`))
  return { dataDir: dir, mediaDir: path.join(dir, 'media'), backupDir: path.join(dir, 'backups') }
}

beforeAll(async () => {
  payload = await bootPayload('backup')
  school = await enrolSchool(payload)
})

afterAll(async () => shutdownPayload(payload))

describe('files:check', () => {
  it('finds a file no row names and a missing image size; the fix quarantines the first and shows the second to admins', async () => {
    const photo = await uploadPhoto('san-truong.jpg')
    const size = Object.values(photo.sizes).find((entry) => entry.filename)!.filename!
    rmSync(path.join(mediaDir(), size))
    writeFileSync(path.join(mediaDir(), 'con-sot-lai.pdf'), 'a file nobody named')

    const report = await checkFiles(payload)
    expect(report.missing).toEqual([{ collection: 'media', filename: size, id: photo.id, original: photo.filename }])
    expect(report.orphans).toEqual([{ collection: 'media', filename: 'con-sot-lai.pdf' }])

    const { quarantined } = await fixFiles(payload, report)
    expect(quarantined).toHaveLength(1)
    expect(readFileSync(quarantined[0]!, 'utf8')).toBe('a file nobody named')
    expect(existsSync(path.join(mediaDir(), 'con-sot-lai.pdf'))).toBe(false)
    await expect(payload.kv.get<MissingFilesNotice>(missingFilesKey)).resolves.toMatchObject({ missing: report.missing })

    const after = await checkFiles(payload)
    expect(after.orphans).toEqual([])
    expect(after.missing).toEqual(report.missing)
  })

  it('runs as `npm run files:check` without building the search index it never uses', () => {
    const run = spawnSync('npm', ['run', 'files:check'], {
      encoding: 'utf8',
      env: userEnvironment({ DATA_DIR: dataDir(), DATABASE_URL: process.env.DATABASE_URL, MEDIA_DIR: mediaDir(), PAYLOAD_SECRET: process.env.PAYLOAD_SECRET }) as NodeJS.ProcessEnv,
      timeout: 120_000,
    })
    expect(run.stdout).toMatch(/checked \d+ rows and \d+ files/)
    // The embedded index would log its build, or its failure when the script ends first.
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/embedded index/)
  })

  it('clears the dashboard notice once a check finds every file again', async () => {
    const { missing } = await checkFiles(payload)
    for (const file of missing) {
      const row = (await payload.findByID({ collection: 'media', id: file.id, overrideAccess: true })) as unknown as StoredFile
      await payload.delete({ collection: 'media', id: row.id, overrideAccess: true })
    }
    const report = await checkFiles(payload)
    expect(report).toMatchObject({ missing: [], orphans: [] })
    await fixFiles(payload, report)
    await expect(payload.kv.get(missingFilesKey)).resolves.toBeNull()
  })
})

describe('a restore', () => {
  let archive: string
  let manifest: Manifest

  beforeAll(async () => {
    await uploadPhoto('le-khai-giang.jpg')
    const backup = await createBackup({ backupDir: path.join(dataDir(), 'backups'), dataDir: dataDir(), kind: 'manual', mediaDir: mediaDir() })
    archive = backup.archive
    manifest = backup.manifest
  })

  it('of a damaged archive is refused before anything is touched', async () => {
    const unpacked = mkdtempSync(path.join(tmpdir(), 'truongso-damaged-'))
    execFileSync('tar', ['-xf', archive, '-C', unpacked])
    const victim = manifest.files.find((file) => file.path.startsWith('media/'))!
    const bytes = readFileSync(path.join(unpacked, victim.path))
    bytes[bytes.length >> 1] ^= 0xff
    writeFileSync(path.join(unpacked, victim.path), bytes)
    const damaged = path.join(unpacked, 'damaged.tar')
    execFileSync('tar', ['-cf', damaged, '-C', unpacked, ...readdirSync(unpacked).filter((name) => name !== 'damaged.tar')])

    const target = freshFolder('damaged-target')
    await expect(restoreBackup({ ...target, archive: damaged, force: false })).rejects.toThrow(
      new RestoreRefused(`Tổng kiểm tra của ${victim.path} không khớp: bản sao lưu bị hỏng. / The checksum of ${victim.path} does not match: the archive is damaged.`),
    )
    expect(readdirSync(target.dataDir)).toEqual([])
  })

  it('of an archive cut short (a copy interrupted on the way to the USB disk) is refused before anything is touched', async () => {
    const cut = path.join(mkdtempSync(path.join(tmpdir(), 'truongso-cut-')), 'cut.tar')
    const whole = readFileSync(archive)
    writeFileSync(cut, whole.subarray(0, whole.length >> 1))
    const target = freshFolder('cut-target')
    await expect(restoreBackup({ ...target, archive: cut, force: false })).rejects.toThrow(RestoreRefused)
    expect(readdirSync(target.dataDir)).toEqual([])
  })

  it('keeps a file whose Vietnamese name outgrows a plain tar header, under its whole name, for any tar and for itself', async () => {
    const name = `bien-ban-hop-phu-huynh-${'lớp-mầm-'.repeat(12)}.pdf`
    const bytes = Buffer.from(`Biên bản họp phụ huynh\n`.repeat(500))
    writeFileSync(path.join(mediaDir(), name), bytes)
    const source = freshFolder('long-name')
    const { archive: longArchive } = await createBackup({ backupDir: source.backupDir, dataDir: dataDir(), kind: 'manual', mediaDir: mediaDir() })
    rmSync(path.join(mediaDir(), name))

    expect(execFileSync('tar', ['--quoting-style=literal', '-tf', longArchive], { encoding: 'utf8' }).split('\n')).toContain(`media/${name}`)
    const target = freshFolder('long-name-target')
    await restoreBackup({ ...target, archive: longArchive, force: false })
    expect(readFileSync(path.join(target.mediaDir, name))).toEqual(bytes)
  })

  it('into a folder that holds data is refused without --force, and with it backs that data up first', async () => {
    const target = freshFolder('occupied')
    await restoreBackup({ ...target, archive, force: false })
    const restoredFiles = readdirSync(target.mediaDir).sort()
    await expect(restoreBackup({ ...target, archive, force: false })).rejects.toThrow(RestoreRefused)

    const { backupOfReplaced } = await restoreBackup({ ...target, archive, force: true })
    expect(backupOfReplaced?.archive).toMatch(/truongso-before-restore-.*\.tar$/)
    expect(existsSync(backupOfReplaced!.archive)).toBe(true)
    expect(readdirSync(target.mediaDir).sort()).toEqual(restoredFiles)
  })
})

describe('nightly backups', () => {
  it('keep the newest archive of each of the last 7 days and of each of the last 4 weeks', () => {
    const nightly = Array.from({ length: 60 }, (_, day) => {
      const date = new Date(Date.UTC(2026, 9, 1 + day, 19, 0, 0))
      return `truongso-nightly-${date.toISOString().slice(0, 10).replace(/-/g, '')}-190000.tar`
    })
    const manual = 'truongso-manual-20261001-101010.tar'
    const pruned = archivesToPrune([...nightly, manual], { daily: 7, weekly: 4 })
    const kept = nightly.filter((name) => !pruned.includes(name))
    expect(kept.slice(-7)).toEqual(nightly.slice(-7))
    // 29 Nov 2026 is a Sunday: the newest of each of the four weeks up to it, the last seven days.
    expect(kept).toEqual([
      'truongso-nightly-20261108-190000.tar',
      'truongso-nightly-20261115-190000.tar',
      'truongso-nightly-20261122-190000.tar',
      ...nightly.slice(-7),
    ])
    expect(pruned).not.toContain(manual)
  })

  it('wait until the next occurrence of the configured time', () => {
    const now = new Date(2026, 10, 30, 14, 0, 0)
    expect(untilNext({ hour: 2, minute: 0 }, now)).toBe(12 * 3600_000)
    expect(untilNext({ hour: 14, minute: 30 }, now)).toBe(30 * 60_000)
  })
})
