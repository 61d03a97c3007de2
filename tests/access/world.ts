/**
 * The world the matrix is checked in: one account per actor, documents at every level and state
 * (all authored by the owner teacher), and per-row arrangements. Everything here is system work
 * done with `overrideAccess`, so it decides nothing about access: it only sets the scene and reads
 * back what a call really changed.
 */
import type { CollectionSlug, Payload } from 'payload'

import sharp from 'sharp'

import { freeAttempts, isSlowed, tryToSignIn } from '../../src/collections/Users/hooks/loginThrottle.js'

import {
  actors,
  contentPolicy,
  contentSlugs,
  type Actor,
  type ContentSlug,
  type GlobalSlug,
  type Level,
  levels,
  owner,
  roleOf,
  type Row,
  type SignedInActor,
  type State,
} from './matrix.js'

export type Id = number | string
export type Doc = { id: Id } & Record<string, unknown>

/** What a surface needs to act as someone. */
export type Session = { token?: string; user?: Doc & { collection: 'users' } }

export type Upload = { data: Buffer; mimetype: string; name: string; size: number }

/** One call a surface makes for a row. */
export type Call =
  | { kind: 'find'; collection: CollectionSlug; id: Id; trash?: boolean }
  | { kind: 'findByID'; collection: CollectionSlug; id: Id }
  | { kind: 'readVersions'; collection: CollectionSlug; id: Id }
  | { kind: 'readVersionByID'; collection: CollectionSlug; versionId: Id }
  | { kind: 'download'; collection: CollectionSlug; filename: string }
  | { kind: 'create'; collection: CollectionSlug; data: Record<string, unknown>; file?: Upload }
  | { kind: 'update'; collection: CollectionSlug; id: Id; data: Record<string, unknown>; trash?: boolean }
  | { kind: 'delete'; collection: CollectionSlug; id: Id; trash?: boolean }
  | { kind: 'unlock'; email: string }
  | { kind: 'canEnterAdmin' }
  | { kind: 'readGlobal'; slug: GlobalSlug }
  | { kind: 'updateGlobal'; slug: GlobalSlug; data: Record<string, unknown> }
  | { kind: 'readGlobalVersions'; slug: GlobalSlug }

/** A prepared row: the call to make, and how to tell afterwards whether it changed anything. */
export type Arrangement = {
  call: Call
  /** For writes: true when the database shows the change the call asked for. */
  written?: () => Promise<boolean>
  /** Puts back what a write to the actor's own account changed, whatever the outcome. */
  restore?: () => Promise<void>
}

const password = 'secret-123'
const emailOf = (name: string) => `${name.toLowerCase()}@truongso.test`

const day = 24 * 60 * 60 * 1000

export type World = {
  payload: Payload
  sessions: Record<Actor, Session>
  arrange: (row: Row) => Promise<Arrangement>
}

/** Builds the world on a freshly booted Payload. */
export const buildWorld = async (payload: Payload): Promise<World> => {
  let serial = 0
  const next = () => ++serial

  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#88aa44' } }).png().toBuffer()
  const pngFile = (): Upload => ({ data: png, mimetype: 'image/png', name: `a-${next()}.png`, size: png.length })

  /** An account that never signs in, written below the operation layer: no password to hash. */
  const createBystander = async (name: string, roles = ['parent']): Promise<Doc> =>
    (await payload.db.create({ collection: 'users', data: { email: emailOf(name), name, roles } })) as unknown as Doc

  const createUser = async (name: string, roles: string[]): Promise<Doc> =>
    (await payload.create({
      collection: 'users',
      data: { email: emailOf(name), password, name, roles } as never,
      overrideAccess: true,
    })) as unknown as Doc

  const sessions = { anonymous: {} } as Record<Actor, Session>
  for (const actor of actors.filter((each): each is SignedInActor => each !== 'anonymous')) {
    await createUser(actor, [roleOf[actor]])
    const { token, user } = await payload.login({ collection: 'users', data: { email: emailOf(actor), password } })
    sessions[actor] = { token, user: user as unknown as Session['user'] }
  }
  const ownerId = sessions[owner].user!.id
  const bystander = await createBystander('bystander')
  // A lock is taken only for someone who may edit what it locks: another administrator at work.
  const lockHolder = await createBystander('lock-holder', ['admin'])

  /** The fields each collection requires, with a title unique in the world. */
  const contentData = (collection: ContentSlug, level: Level, title: string): Record<string, unknown> => {
    switch (collection) {
      case 'learning-materials':
        return { title, materialType: 'video', accessLevel: level }
      case 'library-items':
        return { title, itemType: 'book', accessLevel: level }
      case 'announcements':
        return { title, category: 'news', accessLevel: level }
      case 'regulatory-documents':
        return {
          title,
          documentNumber: `${next()}/KH-UBND`,
          documentType: 'KH',
          summary: `Trích yếu ${title}`,
          issuingBody: 'UBND xã',
          issueDate: '2025-03-01T00:00:00.000Z',
          accessLevel: level,
        }
      case 'media':
        return { alt: title, accessLevel: level }
    }
  }

  const stateData = (state: State): Record<string, unknown> => {
    const now = Date.now()
    switch (state) {
      case 'draft':
        return { _status: 'draft' }
      case 'published':
        return { _status: 'published' }
      case 'scheduled':
        return { _status: 'published', publishedAt: new Date(now + day).toISOString() }
      case 'expired':
        return { _status: 'published', publishedAt: new Date(now - 2 * day).toISOString(), expiresAt: new Date(now - day).toISOString() }
    }
  }

  /** A document authored by the owner teacher (for media: uploaded by her). */
  const seedContent = async (collection: ContentSlug, level: Level, state: State = 'draft'): Promise<Doc> => {
    const title = `${collection} ${state} ${level} #${next()}`
    const ownership = collection === 'media' ? { uploadedBy: ownerId } : collection === 'learning-materials' ? { author: ownerId } : {}
    return (await payload.create({
      collection,
      data: { ...contentData(collection, level, title), ...(collection === 'media' ? {} : stateData(state)), ...ownership } as never,
      ...(collection === 'media' ? { file: pngFile() } : {}),
      overrideAccess: true,
    })) as unknown as Doc
  }

  const seeded = new Map<string, Doc>()
  const keyOf = (collection: ContentSlug, state: State | undefined, level: Level) => `${collection}/${state ?? 'stored'}/${level}`
  for (const collection of contentSlugs) {
    for (const state of contentPolicy[collection].states ?? [undefined]) {
      for (const level of levels) seeded.set(keyOf(collection, state, level), await seedContent(collection, level, state))
    }
  }
  const seededDoc = (collection: ContentSlug, state: State | undefined, level: Level): Doc =>
    seeded.get(keyOf(collection, collection === 'media' ? undefined : state, level))!

  await payload.updateGlobal({ slug: 'school-profile', data: { name: 'Trường Mầm non Hoa Sen' } as never, overrideAccess: true })
  await payload.updateGlobal({ slug: 'search-vocabulary', data: { abbreviations: [{ abbreviation: 'HS', meaning: 'Hoa Sen' }] }, overrideAccess: true })

  const readBack = async (collection: CollectionSlug, id: Id): Promise<Doc | null> =>
    (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, showHiddenFields: true })) as Doc | null

  const foundBy = async (collection: CollectionSlug, field: string, value: unknown): Promise<Doc | undefined> =>
    (await payload.find({ collection, where: { [field]: { equals: value } }, depth: 0, overrideAccess: true, limit: 1 })).docs[0] as unknown as Doc | undefined

  const changedTo = (collection: CollectionSlug, id: Id, field: string, value: unknown) => async () =>
    JSON.stringify((await readBack(collection, id))?.[field]) === JSON.stringify(value)

  /** The row as stored, in the trash or not. */
  const storedRow = (collection: CollectionSlug, id: Id) => payload.db.findOne<Doc>({ collection, where: { id: { equals: id } } })

  /** A draft of the owner's, put in the trash by the system. */
  const seedTrashed = async (collection: ContentSlug, level: Level): Promise<Doc> => {
    const doc = await seedContent(collection, level)
    await payload.db.updateOne({ collection, id: doc.id, data: { deletedAt: new Date().toISOString() } })
    return doc
  }

  /** One public draft per collection that every `raiseLevel` row starts again from. */
  const toRaise = new Map<ContentSlug, Doc>()
  for (const collection of contentSlugs) toRaise.set(collection, await seedContent(collection, 'public'))

  const arrangeContent = async (row: Extract<Row, { kind: 'content' }>): Promise<Arrangement> => {
    const { collection, level, state } = row
    const label = collection === 'media' ? 'alt' : 'title'
    switch (row.operation) {
      case 'find':
      case 'findByID':
      case 'readVersions':
        return { call: { kind: row.operation, collection, id: seededDoc(collection, state, level).id } }
      case 'download':
        return { call: { kind: 'download', collection, filename: seededDoc(collection, state, level).filename as string } }
      case 'readVersionByID': {
        const { docs } = await payload.findVersions({
          collection: collection as 'learning-materials',
          where: { parent: { equals: seededDoc(collection, state, level).id } },
          sort: '-updatedAt',
          limit: 1,
          overrideAccess: true,
        })
        return { call: { kind: 'readVersionByID', collection, versionId: docs[0]!.id } }
      }
      case 'readVersionsOfRaised': {
        const { id } = await seedContent(collection, level, 'published')
        await payload.update({ collection, id, data: { accessLevel: 'leadership' } as never, overrideAccess: true })
        return { call: { kind: 'readVersions', collection, id } }
      }
      case 'create':
      case 'createPublished': {
        const title = `created ${next()}`
        const published = row.operation === 'createPublished'
        return {
          call: {
            kind: 'create',
            collection,
            data: { ...contentData(collection, level, title), ...(published ? { _status: 'published' } : {}) },
            ...(collection === 'media' ? { file: pngFile() } : {}),
          },
          written: async () => {
            const doc = await foundBy(collection, label, title)
            return Boolean(doc) && (!published || doc?._status === 'published')
          },
        }
      }
      case 'update': {
        const id = seededDoc(collection, 'draft', level).id
        const value = `edited ${next()}`
        return { call: { kind: 'update', collection, id, data: { [label]: value } }, written: changedTo(collection, id, label, value) }
      }
      case 'raiseLevel': {
        const { id } = toRaise.get(collection)!
        await payload.update({ collection, id, data: { accessLevel: 'public' } as never, overrideAccess: true })
        return { call: { kind: 'update', collection, id, data: { accessLevel: level } }, written: changedTo(collection, id, 'accessLevel', level) }
      }
      case 'publish': {
        const { id } = await seedContent(collection, level)
        return { call: { kind: 'update', collection, id, data: { _status: 'published' } }, written: changedTo(collection, id, '_status', 'published') }
      }
      case 'delete': {
        const { id } = await seedContent(collection, level)
        return {
          call: { kind: 'update', collection, id, data: { deletedAt: new Date().toISOString() } },
          written: async () => Boolean((await storedRow(collection, id))?.deletedAt),
        }
      }
      case 'findTrashed':
        return { call: { kind: 'find', collection, id: (await seedTrashed(collection, level)).id, trash: true } }
      case 'restore': {
        const { id } = await seedTrashed(collection, level)
        return { call: { kind: 'update', collection, id, data: { deletedAt: null }, trash: true }, written: async () => !(await storedRow(collection, id))?.deletedAt }
      }
      case 'deleteForGood': {
        const { id } = await seedTrashed(collection, level)
        return { call: { kind: 'delete', collection, id, trash: true }, written: async () => (await storedRow(collection, id)) === null }
      }
    }
  }

  const arrangeUser = async (row: Extract<Row, { kind: 'users' }>): Promise<Arrangement> => {
    const self = sessions[row.actor].user
    const readTarget = row.target === 'self' ? self! : bystander
    const writeTarget = async () => (row.target === 'self' ? self! : await createBystander(`victim-${next()}`))
    const restoreSelf = row.target === 'self' ? async () => {
      await payload.update({ collection: 'users', id: self!.id, data: { roles: self!.roles } as never, overrideAccess: true })
    } : undefined
    switch (row.operation) {
      case 'find':
      case 'findByID':
        return { call: { kind: row.operation, collection: 'users', id: readTarget.id } }
      case 'update': {
        const { id } = await writeTarget()
        const name = `renamed ${next()}`
        return { call: { kind: 'update', collection: 'users', id, data: { name } }, written: changedTo('users', id, 'name', name) }
      }
      case 'updateRoles': {
        const { id } = await writeTarget()
        // A self-promotion for everyone but the admin, who adds a role to her own account.
        const roles = row.target === 'self' ? (row.actor === 'admin' ? ['admin', 'staff'] : ['admin']) : ['teacher']
        return { call: { kind: 'update', collection: 'users', id, data: { roles } }, written: changedTo('users', id, 'roles', roles), restore: restoreSelf }
      }
      case 'delete': {
        const { id } = await writeTarget()
        return { call: { kind: 'delete', collection: 'users', id }, written: async () => (await readBack('users', id)) === null }
      }
      case 'create': {
        const name = `new-${next()}`
        return {
          call: { kind: 'create', collection: 'users', data: { email: emailOf(name), password, name, roles: ['parent'] } },
          written: async () => Boolean(await foundBy('users', 'email', emailOf(name))),
        }
      }
      case 'unlock': {
        // No account is ever locked: a client that kept failing waits, and unlocking ends its wait.
        const { email } = await createBystander(`locked-${next()}`)
        for (let attempt = 0; attempt <= freeAttempts; attempt++) tryToSignIn(email as string, 'a stranger')
        return { call: { kind: 'unlock', email: email as string }, written: async () => !isSlowed(email as string) }
      }
      case 'admin':
        return { call: { kind: 'canEnterAdmin' } }
    }
  }

  /** A change to each global, and how to read back whether it was made. */
  const globalChanges: Record<GlobalSlug, () => { data: Record<string, unknown>; written: () => Promise<boolean> }> = {
    'school-profile': () => {
      const name = `Trường Mầm non Hoa Sen ${next()}`
      return { data: { name }, written: async () => (await payload.findGlobal({ slug: 'school-profile', overrideAccess: true })).name === name }
    },
    'search-vocabulary': () => {
      const meaning = `Hoa Sen ${next()}`
      return {
        data: { abbreviations: [{ abbreviation: 'HS', meaning }] },
        written: async () => (await payload.findGlobal({ slug: 'search-vocabulary', overrideAccess: true })).abbreviations?.[0]?.meaning === meaning,
      }
    },
  }

  const arrangeGlobal = async (row: Extract<Row, { kind: 'global' }>): Promise<Arrangement> => {
    const slug = row.collection
    switch (row.operation) {
      case 'read':
        return { call: { kind: 'readGlobal', slug } }
      case 'readVersions':
        return { call: { kind: 'readGlobalVersions', slug } }
      case 'update': {
        const { data, written } = globalChanges[slug]()
        return { call: { kind: 'updateGlobal', slug, data }, written }
      }
    }
  }

  const leadershipAnnouncement = seededDoc('announcements', 'draft', 'leadership')
  const teachersMaterial = seededDoc('learning-materials', 'draft', 'staff')

  /** An entry of an internal collection as Payload itself writes one: through the database layer. */
  const seedInternal = async (row: Extract<Row, { kind: 'internal' }>): Promise<Doc> => {
    const holder = row.subject === 'ownPreference' ? sessions[row.actor].user!.id : row.collection === 'payload-locked-documents' ? lockHolder.id : bystander.id
    const data: Record<string, Record<string, unknown>> = {
      'payload-locked-documents': {
        document:
          row.subject === 'leadershipLock'
            ? { relationTo: 'announcements', value: leadershipAnnouncement.id }
            : { relationTo: 'learning-materials', value: teachersMaterial.id },
        user: { relationTo: 'users', value: holder },
      },
      'payload-preferences': { key: `matrix-${next()}`, value: { open: true }, user: { relationTo: 'users', value: holder } },
      'payload-jobs': { input: { mediaId: 0 }, taskSlug: 'exposeScheduledMedia', queue: 'matrix', processing: false, hasError: false },
      'payload-kv': { key: `matrix-${next()}`, data: { seen: true } },
      'payload-migrations': { name: `matrix_${next()}`, batch: 99 },
      'unsent-mail': { to: ['totruong@truong.test'], subject: `Học liệu chờ duyệt ${next()}`, text: 'Cô Lan vừa gửi duyệt.', html: '<p>Cô Lan vừa gửi duyệt.</p>' },
    }
    return (await payload.db.create({ collection: row.collection, data: data[row.collection] })) as unknown as Doc
  }

  const rawById = async (collection: CollectionSlug, id: Id): Promise<Doc | null> =>
    (await payload.db.findOne({ collection, where: { id: { equals: id } } })) as Doc | null

  const arrangeInternal = async (row: Extract<Row, { kind: 'internal' }>): Promise<Arrangement> => {
    const collection = row.collection as CollectionSlug
    const actorId = sessions[row.actor].user?.id
    switch (row.operation) {
      case 'find':
      case 'findByID':
        return { call: { kind: row.operation, collection, id: (await seedInternal(row)).id } }
      case 'create': {
        const marker = `created-${next()}`
        const data: Record<string, Record<string, unknown>> = {
          'payload-locked-documents': { document: { relationTo: 'announcements', value: leadershipAnnouncement.id }, user: { relationTo: 'users', value: actorId ?? bystander.id } },
          'payload-preferences': { key: marker, value: { open: true } },
          'payload-jobs': { input: { marker }, taskSlug: 'exposeScheduledMedia', queue: 'matrix' },
          'payload-kv': { key: marker, data: { marker } },
          'payload-migrations': { name: marker, batch: 99 },
          'unsent-mail': { to: ['a@truong.test'], subject: marker, text: marker, html: `<p>${marker}</p>` },
        }
        const before = (await payload.db.count({ collection })).totalDocs
        return { call: { kind: 'create', collection, data: data[row.collection] }, written: async () => (await payload.db.count({ collection })).totalDocs > before }
      }
      case 'update': {
        const { id } = await seedInternal(row)
        const data: Record<string, Record<string, unknown>> = {
          // Taking over makes the lock the taker's; an anonymous visitor asks to hand it to the teacher.
          'payload-locked-documents': { user: { relationTo: 'users', value: actorId ?? ownerId } },
          'payload-preferences': { value: { changed: next() } },
          'payload-jobs': { queue: `changed-${next()}` },
          'payload-kv': { data: { changed: next() } },
          'payload-migrations': { batch: next() },
          'unsent-mail': { subject: `changed-${next()}` },
        }
        const field = Object.keys(data[row.collection])[0]
        const wanted = data[row.collection][field]
        return {
          call: { kind: 'update', collection, id, data: data[row.collection] },
          written: async () => {
            const doc = await rawById(collection, id)
            const value = doc?.[field]
            // A lock's holder reads back as the relationship's id.
            const held = field === 'user' && value && typeof value === 'object' ? (value as { value: unknown }).value : value
            return JSON.stringify(held) === JSON.stringify(field === 'user' ? (wanted as { value: unknown }).value : wanted)
          },
        }
      }
      case 'delete': {
        const { id } = await seedInternal(row)
        return { call: { kind: 'delete', collection, id }, written: async () => (await rawById(collection, id)) === null }
      }
    }
  }

  const arrange = (row: Row): Promise<Arrangement> =>
    row.kind === 'content'
      ? arrangeContent(row)
      : row.kind === 'users'
        ? arrangeUser(row)
        : row.kind === 'internal'
          ? arrangeInternal(row)
          : arrangeGlobal(row)

  return { payload, sessions, arrange }
}
