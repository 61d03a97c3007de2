/**
 * The dashboard by role: a teacher sees her own work (what came back with its notes, drafts, what
 * waits, what got published); a reviewer sees the queue oldest first, and its count in the
 * navigation. The panels are rendered as the admin renders them, from real data read with the
 * viewer's own access.
 */
import type { I18nClient } from '@payloadcms/translations'
import type { Payload, ServerProps } from 'payload'

import { renderToStaticMarkup } from 'react-dom/server'

import { ReviewerPanel } from '../../src/components/dashboard/ReviewerPanel.js'
import { ReviewQueueLink } from '../../src/components/dashboard/ReviewQueueLink.js'
import { TeacherPanel } from '../../src/components/dashboard/TeacherPanel.js'
import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, type Member, type School } from '../leaks/school.js'

let payload: Payload
let school: School

type Panel = (props: ServerProps) => Promise<React.ReactElement | null>

const render = async (Panel: Panel, viewer: Member, language = 'vi'): Promise<string> => {
  const element = await Panel({ i18n: { language } as I18nClient, payload, user: viewer.user } as ServerProps)
  return element ? renderToStaticMarkup(element) : ''
}

const lesson = async (by: Member, title: string, steps: Array<[Member, Record<string, unknown>, boolean?]> = []): Promise<void> => {
  const { doc } = await json<{ doc: { id: number } }>(
    await rest(payload, '/learning-materials?draft=true', { body: { accessLevel: 'staff', materialType: 'game', title }, method: 'POST', token: by.token }),
    201,
  )
  for (const [who, data, draft = true] of steps) {
    await json(await rest(payload, `/learning-materials/${doc.id}${draft ? '?draft=true' : ''}`, { body: data, method: 'PATCH', token: who.token }))
  }
}

beforeAll(async () => {
  payload = await bootPayload('review-dashboard')
  payload.logger.level = 'fatal'
  school = await enrolSchool(payload)
  const submit: [Member, Record<string, unknown>] = [school.teacher, { reviewStatus: 'submitted' }]
  await lesson(school.otherTeacher, 'Trò chơi của cô Mai', [[school.otherTeacher, { reviewStatus: 'submitted' }]])
  await lesson(school.teacher, 'Bản nháp bé hát')
  await lesson(school.teacher, 'Bé chờ duyệt', [submit])
  await lesson(school.teacher, 'Bé được trả lại', [submit, [school.reviewer, { reviewNote: 'Thiếu phần kết thúc.', reviewStatus: 'changes-requested' }]])
  await lesson(school.teacher, 'Bé đã xuất bản', [submit, [school.reviewer, { _status: 'published', reviewStatus: 'approved' }, false]])
})
afterAll(async () => shutdownPayload(payload))

it('a teacher sees what came back with the note, her drafts, what waits and what got published, and nobody else\'s work', async () => {
  const html = await render(TeacherPanel, school.teacher)
  expect(html).toContain('Được trả lại để sửa (1)')
  expect(html).toContain('Thiếu phần kết thúc.')
  expect(html).toContain('Đang soạn (1)')
  expect(html).toContain('Chờ duyệt (1)')
  expect(html).toContain('Đã xuất bản (1)')
  for (const title of ['Bé được trả lại', 'Bản nháp bé hát', 'Bé chờ duyệt', 'Bé đã xuất bản']) expect(html).toContain(title)
  expect(html).not.toContain('Trò chơi của cô Mai')
})

it('a reviewer sees the queue oldest first, with who submitted each', async () => {
  const html = await render(ReviewerPanel, school.reviewer)
  expect(html).toContain('Học liệu chờ duyệt (2)')
  expect(html.indexOf('Trò chơi của cô Mai')).toBeGreaterThan(0)
  expect(html.indexOf('Trò chơi của cô Mai')).toBeLessThan(html.indexOf('Bé chờ duyệt'))
  expect(html).toContain('Cô Mai')
  expect(html).not.toContain('Bé được trả lại')
})

it('the navigation of a reviewer counts the queue; a teacher has neither the queue nor its count', async () => {
  expect(await render(ReviewQueueLink, school.reviewer)).toMatch(/Chờ duyệt.*>2</)
  expect(await render(ReviewQueueLink, school.teacher)).toBe('')
  expect(await render(ReviewerPanel, school.teacher)).toBe('')
  expect(await render(TeacherPanel, school.reviewer)).toBe('')
})

it('the panels speak English in the English admin', async () => {
  expect(await render(TeacherPanel, school.teacher, 'en')).toContain('Returned for changes (1)')
  expect(await render(ReviewerPanel, school.reviewer, 'en')).toContain('Waiting for your review (2)')
})
