/**
 * In the English admin a material written only in Vietnamese is listed under its Vietnamese title,
 * not "<No Title>": Payload's list view reads without fallback, and our plugin fills the title in.
 * The edit view and the API keep answering what they were asked.
 */
import { createLocalReq, type Payload, type TypedUser } from 'payload'

import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload
let admin: TypedUser
let token: string
const vietnameseOnly = 'Bé tập đánh răng'
let ids: { translated: number | string; untranslated: number | string }

/**
 * How the admin's list view reads a page (`@payloadcms/next` views/List): on the request of the
 * page, which hooks reading related documents leave in another locale by the time it ends.
 */
const adminList = async (locale: 'en' | 'vi') => {
  const req = await createLocalReq({ req: { headers: new Headers() }, user: admin }, payload)
  return payload.find({ collection: 'learning-materials', depth: 0, draft: true, fallbackLocale: false, includeLockStatus: true, locale, overrideAccess: false, req, sort: 'createdAt', user: admin, where: {} })
}

beforeAll(async () => {
  payload = await bootPayload('title-fallback', { waitForSearch: false })
  const user = await payload.create({ collection: 'users', data: { email: 'bgh@truongso.test', password: 'secret-123', name: 'BGH', roles: ['admin'] } })
  admin = { ...user, collection: 'users' }
  token = await tokenFor(payload, 'bgh@truongso.test', 'secret-123')
  const untranslated = await payload.create({ collection: 'learning-materials', data: { title: vietnameseOnly, materialType: 'slides', accessLevel: 'staff' }, locale: 'vi' })
  const translated = await payload.create({ collection: 'learning-materials', data: { title: 'Rửa tay', materialType: 'slides', accessLevel: 'staff' }, locale: 'vi' })
  await payload.update({ collection: 'learning-materials', id: translated.id, data: { title: 'Washing hands' }, locale: 'en' })
  ids = { translated: translated.id, untranslated: untranslated.id }
})
afterAll(async () => shutdownPayload(payload))

it('lists a material with no English title under its Vietnamese one, and a translated one under its English title', async () => {
  const { docs } = await adminList('en')
  expect(docs.map((doc) => [doc.id, doc.title])).toEqual([
    [ids.untranslated, vietnameseOnly],
    [ids.translated, 'Washing hands'],
  ])
})

it('leaves the Vietnamese list as it was', async () => {
  const { docs } = await adminList('vi')
  expect(docs.map((doc) => doc.title)).toEqual([vietnameseOnly, 'Rửa tay'])
})

it('keeps the English title empty in the edit view, for whoever translates it', async () => {
  const doc = await payload.findByID({ collection: 'learning-materials', id: ids.untranslated, draft: true, fallbackLocale: false, locale: 'en', overrideAccess: false, user: admin })
  expect(doc.title ?? null).toBeNull()
})

it('answers REST readers who ask for no fallback exactly that', async () => {
  const response = await rest(payload, '/learning-materials?locale=en&fallback-locale=none&depth=0&sort=createdAt', { token })
  const { docs } = (await response.json()) as { docs: Array<{ title?: null | string }> }
  expect(docs.map((doc) => doc.title ?? null)).toEqual([null, 'Washing hands'])
})
