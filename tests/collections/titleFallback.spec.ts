/**
 * In the English admin a material written only in Vietnamese is listed under its Vietnamese title,
 * not "<No Title>": Payload's list view reads without fallback, and our plugin fills the title in.
 * The edit view and the API keep answering what they were asked.
 */
import type { Payload } from 'payload'

import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload
let admin: Awaited<ReturnType<Payload['login']>>['user']
let token: string
const vietnameseOnly = 'Bé tập đánh răng'
let ids: { translated: number | string; untranslated: number | string }

/** How the admin's list view reads a page (`@payloadcms/next` views/List). */
const adminList = (locale: 'en' | 'vi') =>
  payload.find({ collection: 'learning-materials', depth: 0, draft: true, fallbackLocale: false, locale, overrideAccess: false, sort: 'createdAt', user: admin })

beforeAll(async () => {
  payload = await bootPayload('title-fallback', { waitForSearch: false })
  await payload.create({ collection: 'users', data: { email: 'bgh@truongso.test', password: 'secret-123', name: 'BGH', roles: ['admin'] } })
  ;({ user: admin } = await payload.login({ collection: 'users', data: { email: 'bgh@truongso.test', password: 'secret-123' } }))
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
