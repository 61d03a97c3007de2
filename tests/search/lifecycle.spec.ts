import type { Payload } from 'payload'

import type { AccessLevel } from '../../src/access/accessLevels.js'

import { createLocalReq } from 'payload'

import { skipSearchSync, sweepTaskSlug } from '../../src/plugins/search/defaults.js'
import { reindexAll } from '../../src/plugins/search/ops.js'
import { searchSettingsOf } from '../../src/plugins/search/settingsOf.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { type Accounts, createAccounts, driftOf, pendingSearchJobs, runSearchQueue, search } from './support.js'

let payload: Payload
let accounts: Accounts

beforeAll(async () => {
  payload = await bootPayload('search-lifecycle')
  accounts = await createAccounts(payload, 'lifecycle')
})
afterAll(async () => shutdownPayload(payload))

const minutes = (count: number) => new Date(Date.now() + count * 60_000).toISOString()

const as = (role: keyof Accounts) => ({ depth: 0, overrideAccess: false, user: accounts[role].user })

/** Entry ids (`collection-id`) that a query finds for a reader (admin unless told). */
const foundIds = async (q: string, reader: keyof Accounts | 'anonymous' = 'admin'): Promise<string[]> => {
  const token = reader === 'anonymous' ? undefined : accounts[reader].token
  return (await search(payload, { limit: '50', q }, { token })).hits.map((hit) => hit.id)
}

const entry = (collection: string, id: number | string) => `${collection}-${id}`

/** Runs the queue, then holds the index to the database, both ways. */
const expectIndexToMatchDatabase = async () => {
  await runSearchQueue(payload)
  expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
}

const runSweep = async () => {
  await payload.jobs.queue({ input: {}, queue: 'search', task: sweepTaskSlug })
  await runSearchQueue(payload)
}

const draftMaterial = (title: string, accessLevel: AccessLevel = 'public') =>
  payload.create({
    collection: 'learning-materials',
    data: { _status: 'draft', accessLevel, materialType: 'lesson-plan', title },
    draft: true,
    ...as('teacher'),
  })

const publishedMaterial = (title: string, accessLevel: AccessLevel = 'public') =>
  payload.create({
    collection: 'learning-materials',
    data: { _status: 'published', accessLevel, materialType: 'lesson-plan', title },
    ...as('reviewer'),
  })

describe('a learning material from draft to deletion', () => {
  const title = 'Giáo án: Bé làm chong chóng giấy'
  const draftTitle = 'Giáo án: Bé thả diều sáo trên đê'
  let id: number

  it('is not found while it is a draft', async () => {
    id = (await draftMaterial(title)).id
    await expectIndexToMatchDatabase()
    expect(await foundIds('chong chóng giấy')).not.toContain(entry('learning-materials', id))
  })

  it('is found once the reviewer publishes it', async () => {
    await payload.update({ collection: 'learning-materials', data: { _status: 'published' }, id, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('chong chóng giấy')).toContain(entry('learning-materials', id))
  })

  it('keeps its published title while a newer draft is being written', async () => {
    await payload.update({ collection: 'learning-materials', data: { title: draftTitle }, draft: true, id, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('chong chóng giấy')).toContain(entry('learning-materials', id))
    expect(await foundIds('thả diều sáo')).not.toContain(entry('learning-materials', id))
    const [hit] = (await search(payload, { q: 'chong chóng giấy' }, { token: accounts.admin.token })).hits
    expect(hit.title).toBe(title)
  })

  it('leaves the index when it is unpublished', async () => {
    await payload.update({ collection: 'learning-materials', data: { _status: 'draft' }, id, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('chong chóng giấy')).not.toContain(entry('learning-materials', id))
    expect(await foundIds('thả diều sáo')).not.toContain(entry('learning-materials', id))
  })

  it('stays out of the index once deleted, even after being published again first', async () => {
    await payload.update({ collection: 'learning-materials', data: { _status: 'published' }, id, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('thả diều sáo')).toContain(entry('learning-materials', id))

    // Deleting moves it to the trash, which the index treats as gone.
    await payload.update({ collection: 'learning-materials', id, data: { deletedAt: new Date().toISOString() }, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('thả diều sáo')).not.toContain(entry('learning-materials', id))
  })
})

describe('a bulk update of several documents', () => {
  const titles = ['Đồng dao: Nu na nu nống', 'Đồng dao: Dung dăng dung dẻ', 'Đồng dao: Chi chi chành chành']
  let ids: number[]

  const foundOfOurs = async (reader: keyof Accounts | 'anonymous' = 'admin') =>
    (await foundIds('đồng dao', reader)).filter((id) => ids.some((own) => id === entry('learning-materials', own))).sort()

  const ours = () => ids.map((id) => entry('learning-materials', id)).sort()

  beforeAll(async () => {
    ids = []
    for (const title of titles) ids.push((await draftMaterial(title)).id)
    await runSearchQueue(payload)
  })

  it('publishes them all into the index', async () => {
    const { docs, errors } = await payload.update({
      collection: 'learning-materials',
      data: { _status: 'published' },
      where: { id: { in: ids } },
      ...as('reviewer'),
    })
    expect(errors).toEqual([])
    expect(docs).toHaveLength(3)
    await expectIndexToMatchDatabase()
    expect(await foundOfOurs('anonymous')).toEqual(ours())
  })

  it('moves them all to the staff level', async () => {
    await payload.update({
      collection: 'learning-materials',
      data: { accessLevel: 'staff' },
      where: { id: { in: ids } },
      ...as('reviewer'),
    })
    await expectIndexToMatchDatabase()
    expect(await foundOfOurs('anonymous')).toEqual([])
    expect(await foundOfOurs('parent')).toEqual([])
    expect(await foundOfOurs('teacher')).toEqual(ours())
  })

  it('takes them all out when they are unpublished', async () => {
    await payload.update({
      collection: 'learning-materials',
      data: { _status: 'draft' },
      where: { id: { in: ids } },
      ...as('reviewer'),
    })
    await expectIndexToMatchDatabase()
    expect(await foundOfOurs()).toEqual([])
  })

  it('keeps them out when they are published again and then deleted together', async () => {
    await payload.update({ collection: 'learning-materials', data: { _status: 'published' }, where: { id: { in: ids } }, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundOfOurs()).toEqual(ours())

    const { docs, errors } = await payload.update({ collection: 'learning-materials', data: { deletedAt: new Date().toISOString() }, where: { id: { in: ids } }, ...as('reviewer') })
    expect(errors).toEqual([])
    expect(docs).toHaveLength(3)
    await expectIndexToMatchDatabase()
    expect(await foundOfOurs()).toEqual([])
  })
})

describe('a translation', () => {
  it('leaves the Vietnamese entry as it was: the index holds the default locale', async () => {
    const { id } = await publishedMaterial('Truyện: Cóc kiện trời')
    await payload.update({ collection: 'learning-materials', data: { title: 'Story: The toad sues the sky' }, id, locale: 'en', ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('cóc kiện trời')).toContain(entry('learning-materials', id))
    expect(await foundIds('toad sues')).not.toContain(entry('learning-materials', id))
  })
})

describe('announcements on a schedule', () => {
  const createAnnouncement = (title: string, dates: { expiresAt?: string; publishedAt?: string }) =>
    payload.create({
      collection: 'announcements',
      data: { _status: 'published', accessLevel: 'public', category: 'event', title, ...dates },
      ...as('staff'),
    })

  it('lists a scheduled announcement only once its time has come, through the sweep', async () => {
    const { id } = await createAnnouncement('Hội diễn văn nghệ chào mừng ngày Nhà giáo', { publishedAt: minutes(24 * 60) })
    await expectIndexToMatchDatabase()
    expect(await foundIds('hội diễn văn nghệ', 'anonymous')).not.toContain(entry('announcements', id))
    expect(await foundIds('hội diễn văn nghệ')).not.toContain(entry('announcements', id))

    // Time passes without any write: only the sweep can notice.
    await payload.db.updateOne({ collection: 'announcements', data: { publishedAt: minutes(-1) }, id })
    expect((await driftOf(payload)).missing).toEqual([entry('announcements', id)])

    await runSweep()
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
    expect(await foundIds('hội diễn văn nghệ', 'anonymous')).toContain(entry('announcements', id))
  })

  it('drops an announcement once it expires, through the sweep', async () => {
    const { id } = await createAnnouncement('Thông báo nghỉ lễ Quốc khánh', { expiresAt: minutes(24 * 60) })
    await expectIndexToMatchDatabase()
    expect(await foundIds('nghỉ lễ quốc khánh', 'anonymous')).toContain(entry('announcements', id))

    await payload.db.updateOne({ collection: 'announcements', data: { expiresAt: minutes(-1) }, id })
    expect((await driftOf(payload)).extra).toEqual([entry('announcements', id)])

    await runSweep()
    expect(await driftOf(payload)).toEqual({ extra: [], inSync: true, missing: [] })
    expect(await foundIds('nghỉ lễ quốc khánh')).not.toContain(entry('announcements', id))
  })
})

describe('a change of access level', () => {
  it('hides a public material from anonymous readers once it is moved to staff, and shows it to staff', async () => {
    const { id } = await publishedMaterial('Trò chơi: Kéo co trên sân trường')
    await expectIndexToMatchDatabase()
    expect(await foundIds('kéo co', 'anonymous')).toContain(entry('learning-materials', id))

    await payload.update({ collection: 'learning-materials', data: { accessLevel: 'staff' }, id, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('kéo co', 'anonymous')).not.toContain(entry('learning-materials', id))
    expect(await foundIds('kéo co', 'parent')).not.toContain(entry('learning-materials', id))
    expect(await foundIds('kéo co', 'staff')).toContain(entry('learning-materials', id))
    expect(await foundIds('kéo co', 'teacher')).toContain(entry('learning-materials', id))
  })
})

describe('a change to a related document', () => {
  it('finds a material by its author’s new name after the author is renamed, and no longer by the old one', async () => {
    const { id } = await draftMaterial('Giáo án: Bé tập đếm đến mười')
    await payload.update({ collection: 'learning-materials', data: { _status: 'published' }, id, ...as('reviewer') })
    const teacher = accounts.teacher.user.id

    await payload.update({ collection: 'users', data: { name: 'Lê Thị Phương Thảo' }, id: teacher, ...as('admin') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('Phương Thảo')).toContain(entry('learning-materials', id))

    await payload.update({ collection: 'users', data: { name: 'Đinh Thị Quỳnh Nga' }, id: teacher, ...as('admin') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('Quỳnh Nga')).toContain(entry('learning-materials', id))
    expect(await foundIds('Phương Thảo')).not.toContain(entry('learning-materials', id))
  })

  it('no longer finds a material by the name of an author whose account was deleted', async () => {
    const author = await payload.create({
      collection: 'users',
      data: { email: 'co.tam@truongso.test', name: 'Trịnh Thị Diệu Linh', password: 'mat-khau-thu-nghiem-123', roles: ['teacher'] },
      ...as('admin'),
    })
    const { id } = await payload.create({
      collection: 'learning-materials',
      data: { _status: 'draft', accessLevel: 'public', materialType: 'lesson-plan', title: 'Giáo án: Bé làm quen chữ cái' },
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: author,
    })
    await payload.update({ collection: 'learning-materials', data: { _status: 'published' }, id, ...as('reviewer') })
    await expectIndexToMatchDatabase()
    expect(await foundIds('Diệu Linh')).toContain(entry('learning-materials', id))

    await payload.delete({ collection: 'users', id: author.id, ...as('admin') })
    const material = await payload.findByID({ collection: 'learning-materials', depth: 0, id, overrideAccess: true })
    expect(material.author ?? null).toBeNull()
    await expectIndexToMatchDatabase()
    expect(await foundIds('làm quen chữ cái')).toContain(entry('learning-materials', id))
    expect(await foundIds('Diệu Linh')).not.toContain(entry('learning-materials', id))
  })
})

describe('a bulk load that rebuilds the index once it ends', () => {
  const bulk = (role: keyof Accounts) => ({ ...as(role), context: { [skipSearchSync]: true } })

  it('queues no index update for its writes, nor for the entries that show what it changed', async () => {
    await runSearchQueue(payload)
    const { id } = await payload.create({
      collection: 'learning-materials',
      data: { _status: 'published', accessLevel: 'public', materialType: 'lesson-plan', title: 'Giáo án: Bé nặn con giống' },
      ...bulk('reviewer'),
    })
    await payload.update({ collection: 'users', data: { name: 'Tô Thị Bích Ngọc' }, id: accounts.reviewer.user.id, ...bulk('admin') })
    expect(await pendingSearchJobs(payload)).toBe(0)
    expect(await foundIds('nặn con giống')).not.toContain(entry('learning-materials', id))
  })

  it('is all found after the one rebuild', async () => {
    await reindexAll(searchSettingsOf(payload), await createLocalReq({}, payload))
    await expectIndexToMatchDatabase()
    expect(await foundIds('nặn con giống')).toHaveLength(1)
  })
})
