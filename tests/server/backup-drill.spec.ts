/**
 * The restore drill a school office would run: a seeded school is backed up with `npm run
 * backup` while editors keep writing; the data folder is wiped; `npm run restore` puts the
 * archive into a fresh folder; every row (documents and versions) and every file is compared
 * with the archive, byte for byte, and the restored site answers the same searches with the
 * same hits.
 */
import { createClient } from '@libsql/client'
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { BSON, MongoClient } from 'mongodb'

import type { Manifest } from '../../src/backup/manifest.js'
import { filesTextRead, type RunningServer, startDemoServer, startServer, stopServer } from '../helpers/server.js'

const queries = ['học liệu', 'hoc lieu', 'trung thu', '227/KH-UBND', 'an toàn giao thông', 'bé']

let school: RunningServer | undefined
let restored: RunningServer | undefined

const run = (args: string[], env: RunningServer['env']): Promise<{ code: number; output: string }> =>
  new Promise((resolve) => {
    execFile('npm', ['run', '--silent', ...args], { env: env as NodeJS.ProcessEnv, timeout: 300_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    )
  })

const login = async (server: RunningServer): Promise<string> => {
  const response = await fetch(`${server.url}/api/users/login`, {
    body: JSON.stringify({ email: 'admin@truongso.test', password: 'truongso-demo' }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  return ((await response.json()) as { token: string }).token
}

/** Every hit of a query, page after page. */
const hitsFor = async (server: RunningServer, token: string, query: string): Promise<string[]> => {
  const hits: string[] = []
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(query)}&limit=50&page=${page}`, { headers: { Authorization: `JWT ${token}` } })
    const answer = (await response.json()) as { hits: Array<{ id: string }>; total: number }
    hits.push(...answer.hits.map((hit) => hit.id))
    if (answer.hits.length === 0 || hits.length >= answer.total) return hits
  }
}

/** Every row of every table, in a stable order, as the database stores it. */
const rowsOf = async (file: string): Promise<Record<string, unknown[]>> => {
  const client = createClient({ url: `file:${file}` })
  try {
    const { rows: tables } = await client.execute(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
    const all: Record<string, unknown[]> = {}
    for (const { name } of tables as unknown as Array<{ name: string }>) {
      const { rows } = await client.execute(`select * from "${name}" order by 1`)
      all[name] = rows.map((row) => ({ ...row }))
    }
    return all
  } finally {
    client.close()
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** An editor who keeps publishing announcements and uploading files until told to stop. */
const keepWriting = (server: RunningServer, token: string) => {
  let stopped = false
  const done = (async () => {
    let written = 0
    for (let n = 0; !stopped; n += 1) {
      const form = new FormData()
      form.append('file', new Blob([`Biên bản họp số ${n}\n`.repeat(200)], { type: 'text/plain' }), `bien-ban-${n}.txt`)
      form.append('_payload', JSON.stringify({ accessLevel: 'public' }))
      const [upload, announcement] = await Promise.all([
        fetch(`${server.url}/api/media`, { body: form, headers: { Authorization: `JWT ${token}` }, method: 'POST' }),
        fetch(`${server.url}/api/announcements`, {
          body: JSON.stringify({ title: `Ghi trong lúc sao lưu ${n}`, category: 'notice', accessLevel: 'public', _status: 'published' }),
          headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
          method: 'POST',
        }),
      ])
      await Promise.all([upload.arrayBuffer(), announcement.arrayBuffer()])
      if (announcement.status === 201) written += 1
    }
    return written
  })()
  return async () => {
    stopped = true
    return done
  }
}

afterAll(async () => {
  for (const server of [school, restored]) if (server) await stopServer(server)
})

const onMongo = /^mongodb/.test(process.env.DATABASE_URL ?? '')
const mongodumpInstalled = spawnSync('mongodump', ['--version'], { stdio: 'ignore' }).status === 0

// The drill reads the embedded database's rows; on MongoDB the archive holds a mongodump instead.
if (!onMongo)
  it(
  'on the embedded database, a school backed up while editors write, wiped and restored into a fresh folder, has every row, version and file of the archive and finds the same',
  async () => {
    school = await startServer()
    const token = await login(school)
    await filesTextRead(school)
    const before = Object.fromEntries(await Promise.all(queries.map(async (query) => [query, await hitsFor(school!, token, query)] as const)))
    expect(Object.values(before).some((hits) => hits.length > 0)).toBe(true)

    const stopWriting = keepWriting(school, token)
    const backup = await run(['backup'], school.env)
    const writtenMeanwhile = await stopWriting()
    expect(backup).toMatchObject({ code: 0 })
    expect(writtenMeanwhile).toBeGreaterThan(0)
    const backupDir = path.join(school.dataDir, 'backups')
    const [archiveName] = readdirSync(backupDir).filter((name) => name.endsWith('.tar'))
    // The archive is kept elsewhere, as it would be on the school's USB disk, before the wipe.
    const archive = path.join(mkdtempSync(path.join(tmpdir(), 'truongso-archive-')), archiveName!)
    copyFileSync(path.join(backupDir, archiveName!), archive)

    await stopServer(school)
    rmSync(school.dataDir, { force: true, recursive: true })
    school = undefined

    // What the archive promises, read from the archive itself.
    const unpacked = mkdtempSync(path.join(tmpdir(), 'truongso-unpacked-'))
    await new Promise<void>((resolve, reject) => execFile('tar', ['-xf', archive, '-C', unpacked], (error) => (error ? reject(error) : resolve())))
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest
    const promisedRows = await rowsOf(path.join(unpacked, manifest.database.path))

    const fresh = mkdtempSync(path.join(tmpdir(), 'truongso-restored-'))
    const restore = await run(['restore', '--', archive], environmentFor(fresh))
    expect(restore.code).toBe(0)
    expect(restore.output.split('\n').filter((line) => line.includes('≠'))).toEqual([])

    // Every row of every table, documents and versions alike, is the archive's.
    const restoredRows = await rowsOf(path.join(fresh, 'truongso.db'))
    for (const [table, rows] of Object.entries(promisedRows)) expect({ table, rows: restoredRows[table] }).toEqual({ table, rows })
    for (const [table, count] of Object.entries(manifest.documents)) expect({ table, count: restoredRows[table]?.length }).toEqual({ table, count })
    // Every file is there with the bytes the manifest promises, and no file more.
    const media = manifest.files.filter((file) => file.path.startsWith('media/'))
    for (const file of media) expect({ file: file.path, sha256: sha256(path.join(fresh, file.path)) }).toEqual({ file: file.path, sha256: file.sha256 })
    expect(readdirSync(path.join(fresh, 'media')).sort()).toEqual(media.map((file) => file.path.slice('media/'.length)).sort())
    expect(existsSync(path.join(fresh, '.payload-secret'))).toBe(true)

    restored = await startServer({ dataDir: fresh })
    const restoredToken = await login(restored)
    // The same hits; their order follows word statistics over all entries, and the restored school
    // also holds the announcements written before the snapshot, which none of these queries finds.
    for (const query of queries) expect({ query, hits: (await hitsFor(restored, restoredToken, query)).sort() }).toEqual({ query, hits: [...before[query]!].sort() })
    const files = await run(['files:check'], restored.env)
    expect(files).toMatchObject({ code: 0 })
  },
  20 * 60_000,
)

/** The collections the school writes and their versions: what a restore must bring back as it was. */
const contentCollections = ['announcements', 'learning-materials', 'library-items', 'regulatory-documents', 'media', 'users'].flatMap((slug) => [slug, `_${slug}_versions`])

/** Every document of the content collections, as canonical extended JSON keyed by collection and id. */
const mongoDocuments = async (url: string): Promise<Map<string, string>> => {
  const client = await MongoClient.connect(url)
  try {
    const documents = new Map<string, string>()
    for (const name of contentCollections) {
      for (const doc of await client.db().collection(name).find().toArray()) documents.set(`${name}/${String(doc._id)}`, BSON.EJSON.stringify(doc, { relaxed: false }))
    }
    return documents
  } finally {
    await client.close()
  }
}

const dropDatabase = async (url: string) => {
  const client = await MongoClient.connect(url)
  try {
    await client.db().dropDatabase()
  } finally {
    await client.close()
  }
}

const mongorestoreInstalled = spawnSync('mongorestore', ['--version'], { stdio: 'ignore' }).status === 0

// Without the MongoDB Database Tools the drill cannot run; the test says so in its name and checks
// that a backup then tells the office what to install, rather than being skipped.
if (onMongo) {
  it(
    mongodumpInstalled && mongorestoreInstalled
      ? 'on MongoDB, a school backed up while editors write, wiped and restored into a fresh folder, has every document and file of the archive and finds the same'
      : 'on MongoDB without the MongoDB Database Tools (mongodump, mongorestore), the drill cannot run: a backup says what to install and writes no archive',
    async () => {
      school = await startDemoServer()
      if (!mongodumpInstalled || !mongorestoreInstalled) {
        const backup = await run(['backup'], school.env)
        const backupDir = path.join(school.dataDir, 'backups')
        const archives = existsSync(backupDir) ? readdirSync(backupDir).filter((name) => name.endsWith('.tar')) : []
        if (!mongodumpInstalled) {
          expect(backup.code).toBe(1)
          expect(backup.output).toContain('Hãy cài MongoDB Database Tools')
          expect(archives).toEqual([])
        }
        // mongodump without mongorestore: the archive is written, and a restore would refuse it.
        else expect(backup.code).toBe(0)
        return
      }
      const databaseUrl = school.env.DATABASE_URL!
      const token = await login(school)
      const before = Object.fromEntries(await Promise.all(queries.map(async (query) => [query, await hitsFor(school!, token, query)] as const)))
      const beforeWrites = await mongoDocuments(databaseUrl)

      const stopWriting = keepWriting(school, token)
      const backup = await run(['backup'], school.env)
      expect(await stopWriting()).toBeGreaterThan(0)
      expect(backup).toMatchObject({ code: 0 })
      const backupDir = path.join(school.dataDir, 'backups')
      const [archiveName] = readdirSync(backupDir).filter((name) => name.endsWith('.tar'))
      const archive = path.join(mkdtempSync(path.join(tmpdir(), 'truongso-archive-')), archiveName!)
      copyFileSync(path.join(backupDir, archiveName!), archive)

      await stopServer(school)
      const afterWrites = await mongoDocuments(databaseUrl)
      rmSync(school.dataDir, { force: true, recursive: true })
      await dropDatabase(databaseUrl)
      const serverEnv = school.env
      school = undefined

      const unpacked = mkdtempSync(path.join(tmpdir(), 'truongso-unpacked-'))
      execFileSync('tar', ['-xf', archive, '-C', unpacked])
      const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest
      expect(manifest.database).toEqual({ kind: 'mongodb', path: 'database/mongodb.archive' })

      const fresh = mkdtempSync(path.join(tmpdir(), 'truongso-restored-'))
      // The school's own settings (database, search engine), pointed at the fresh folder.
      const restoreEnv: RunningServer['env'] = { ...serverEnv, DATA_DIR: fresh, MEDIA_DIR: path.join(fresh, 'media') }
      delete restoreEnv.PORT
      const restore = await run(['restore', '--', archive], restoreEnv)
      expect(restore.code).toBe(0)

      // mongodump reads while the editors write, so the archive holds every document from before
      // the writes began, and each document it holds is as it was then or written meanwhile.
      const restoredDocs = await mongoDocuments(databaseUrl)
      for (const key of beforeWrites.keys()) expect({ key, restored: restoredDocs.has(key) }).toEqual({ key, restored: true })
      for (const [key, doc] of restoredDocs) expect({ key, doc }).toEqual({ key, doc: afterWrites.get(key) })
      const media = manifest.files.filter((file) => file.path.startsWith('media/'))
      for (const file of media) expect({ file: file.path, sha256: sha256(path.join(fresh, file.path)) }).toEqual({ file: file.path, sha256: file.sha256 })
      expect(readdirSync(path.join(fresh, 'media')).sort()).toEqual(media.map((file) => file.path.slice('media/'.length)).sort())

      restored = await startServer({ dataDir: fresh, env: Object.fromEntries(Object.entries(restoreEnv).filter(([name]) => name === 'DATABASE_URL' || name.startsWith('MEILI_'))) })
      const restoredToken = await login(restored)
      for (const query of queries) expect({ query, hits: (await hitsFor(restored, restoredToken, query)).sort() }).toEqual({ query, hits: [...before[query]!].sort() })
      expect(await run(['files:check'], restored.env)).toMatchObject({ code: 0 })
    },
    20 * 60_000,
  )
}

/** The environment `npm run restore` gets: a user's, pointed at the fresh folder. */
const environmentFor = (dataDir: string): RunningServer['env'] => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATA_DIR: dataDir,
  MEDIA_DIR: path.join(dataDir, 'media'),
})
