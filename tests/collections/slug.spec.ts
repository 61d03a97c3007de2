/**
 * Two classes may write lessons of the same title: the second gets its own address ("…-2"), not
 * the error a teacher used to meet ("slug — Giá trị không được trùng lặp"), even when she cannot
 * see the first lesson.
 */
import type { Payload } from 'payload'

import { rest, tokenFor } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload
const tokens: Record<string, string> = {}
const title = 'Bài giảng điện tử: Bác Hồ kính yêu'

const createLesson = async (teacher: string, data: Record<string, unknown> = {}) => {
  const response = await rest(payload, '/learning-materials', {
    method: 'POST',
    token: tokens[teacher],
    body: { title, materialType: 'slides', accessLevel: 'staff', ...data },
  })
  return { status: response.status, body: (await response.json()) as { doc?: { id: number | string; slug: string }; errors?: Array<{ message: string }> } }
}

beforeAll(async () => {
  payload = await bootPayload('slug', { waitForSearch: false })
  for (const name of ['lan', 'hoa', 'mai']) {
    await payload.create({
      collection: 'users',
      data: { email: `${name}@truongso.test`, password: 'secret-123', name, roles: ['teacher'] },
    })
    tokens[name] = await tokenFor(payload, `${name}@truongso.test`, 'secret-123')
  }
})
afterAll(async () => shutdownPayload(payload))

it('numbers the address of a lesson whose title another class used, where it answered an error', async () => {
  const first = await createLesson('lan')
  const second = await createLesson('hoa')
  const third = await createLesson('mai')
  expect([first.status, second.status, third.status]).toEqual([201, 201, 201])
  expect([first.body.doc!.slug, second.body.doc!.slug, third.body.doc!.slug]).toEqual([
    'bai-giang-dien-tu-bac-ho-kinh-yeu',
    'bai-giang-dien-tu-bac-ho-kinh-yeu-2',
    'bai-giang-dien-tu-bac-ho-kinh-yeu-3',
  ])
})

it('keeps a lesson’s address when it is saved again', async () => {
  const { body } = await createLesson('hoa', { title: 'Bé vui Tết Trung thu' })
  const response = await rest(payload, `/learning-materials/${body.doc!.id}`, {
    method: 'PATCH',
    token: tokens.hoa,
    body: { summary: 'Hoạt động trải nghiệm cho lớp Mẫu giáo nhỡ' },
  })
  expect(response.status).toBe(200)
  expect(((await response.json()) as { doc: { slug: string } }).doc.slug).toBe('be-vui-tet-trung-thu')
})

it('refuses an address typed by hand that another lesson has, saying so in Vietnamese', async () => {
  const { status, body } = await createLesson('mai', { title: 'Bài khác', slug: 'bai-giang-dien-tu-bac-ho-kinh-yeu' })
  expect(status).toBe(400)
  expect(JSON.stringify(body.errors)).toMatch(/trùng/)
})
