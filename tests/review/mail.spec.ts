/**
 * The review's mails, sent through a real SMTP server running in this process: the reviewers
 * hear of a submission, the author of an approval or a return (with the note), and, once a day if
 * the school wants it, the reviewers get the list of what waits. Every mail is Vietnamese, in
 * plain text and HTML. A mail server that refuses never fails the step that caused the mail.
 */
import type { Payload } from 'payload'

import { rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { startMailServer, type MailServer, type ReceivedMail } from '../helpers/mail.js'
import { enrolSchool, json, people, type Member, type School } from '../leaks/school.js'

let payload: Payload
let school: School
let smtp: MailServer
let serial = 0

const patch = (id: number, body: Record<string, unknown>, by: Member, draft = true) =>
  rest(payload, `/learning-materials/${id}?depth=0${draft ? '&draft=true' : ''}`, { body, method: 'PATCH', token: by.token })

const draftLesson = async (title: string): Promise<number> => {
  const { doc } = await json<{ doc: { id: number } }>(
    await rest(payload, '/learning-materials?draft=true', {
      body: { accessLevel: 'staff', materialType: 'lesson-plan', title },
      method: 'POST',
      token: school.teacher.token,
    }),
    201,
  )
  return doc.id
}

/** Works the mail queue as the server does every few seconds, and answers what arrived meanwhile. */
const deliver = async (): Promise<ReceivedMail[]> => {
  const before = smtp.received.length
  await payload.jobs.run({ queue: 'mail' })
  return smtp.received.slice(before)
}

const expectBothParts = (mail: ReceivedMail, ...phrases: string[]) => {
  expect(mail.mimeType).toBe('multipart/alternative')
  for (const phrase of phrases) {
    expect(mail.text).toContain(phrase)
    expect(mail.html).toContain(phrase)
  }
  expect(mail.html).toMatch(/^<!doctype html><html lang="vi">/)
}

beforeAll(async () => {
  smtp = await startMailServer()
  Object.assign(process.env, {
    REVIEW_DIGEST_CRON: '0 7 * * 1-5',
    SERVER_URL: 'https://truong.test',
    SMTP_FROM: 'Trường Số <thongbao@truong.test>',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
  })
  payload = await bootPayload('review-mail')
  payload.logger.level = 'fatal'
  school = await enrolSchool(payload)
})
afterAll(async () => {
  await shutdownPayload(payload)
  await smtp.close()
})

it('the reviewer is told when a teacher submits a lesson, in Vietnamese, as text and HTML', async () => {
  const title = `Bé yêu cây xanh ${++serial}`
  const id = await draftLesson(title)
  await json(await patch(id, { reviewStatus: 'submitted' }, school.teacher))
  const [mail, ...more] = await deliver()

  expect(more).toEqual([])
  expect(mail).toMatchObject({ from: 'Trường Số <thongbao@truong.test>', subject: `Học liệu chờ duyệt: ${title}`, to: [people.reviewer.email] })
  expectBothParts(mail, `Cô Lan vừa gửi duyệt học liệu "${title}".`, `https://truong.test/admin/collections/learning-materials/${id}`)
})

it('the author is told when her lesson is returned, with the reviewer\'s note', async () => {
  const title = `Bé tập rửa tay ${++serial}`
  const id = await draftLesson(title)
  await json(await patch(id, { reviewStatus: 'submitted' }, school.teacher))
  await deliver()
  await json(await patch(id, { reviewNote: 'Thêm các bước rửa tay bằng hình & chữ <to>.', reviewStatus: 'changes-requested' }, school.reviewer))
  const [mail] = await deliver()

  expect(mail).toMatchObject({ subject: `Học liệu cần chỉnh sửa: ${title}`, to: [people.teacher.email] })
  expect(mail.text).toContain('Thêm các bước rửa tay bằng hình & chữ <to>.')
  expect(mail.html).toContain('Thêm các bước rửa tay bằng hình &amp; chữ &lt;to&gt;.')
  expectBothParts(mail, `Tổ trưởng đã trả lại học liệu "${title}" để chỉnh sửa`, 'bấm "Gửi duyệt"')
})

it('the author is told when her lesson is approved and published', async () => {
  const title = `Bé đi siêu thị ${++serial}`
  const id = await draftLesson(title)
  await json(await patch(id, { reviewStatus: 'submitted' }, school.teacher))
  await deliver()
  await json(await patch(id, { _status: 'published', reviewStatus: 'approved' }, school.reviewer, false))
  const [mail] = await deliver()

  expect(mail).toMatchObject({ subject: `Học liệu đã được duyệt và xuất bản: ${title}`, to: [people.teacher.email] })
  expectBothParts(mail, `Tổ trưởng đã duyệt và xuất bản học liệu "${title}" của thầy cô.`)
})

it('a mail server that refuses does not fail the submission: the lesson is submitted and the mail waits to be tried again', async () => {
  smtp.refuse.add(people.reviewer.email)
  try {
    const id = await draftLesson(`Bé làm bánh trôi ${++serial}`)
    const response = await patch(id, { reviewStatus: 'submitted' }, school.teacher)
    expect(response.status).toBe(200)
    expect(await deliver()).toEqual([])
    const { docs } = await payload.find({ collection: 'payload-jobs', overrideAccess: true, where: { taskSlug: { equals: 'sendMail' }, hasError: { equals: false }, completedAt: { exists: false } } })
    expect(docs).toHaveLength(1)
    expect(docs[0].totalTried).toBe(1)
  } finally {
    smtp.refuse.delete(people.reviewer.email)
  }
})

it('the daily digest lists what waits, oldest first', async () => {
  const { docs: waiting } = await payload.find({ collection: 'learning-materials', draft: true, overrideAccess: true, sort: 'submittedAt', where: { reviewStatus: { equals: 'submitted' } } })
  await payload.jobs.queue({ input: {}, queue: 'mail', task: 'reviewDigest' })
  // The first run makes the digest and queues it; the second sends it.
  const mail = [...(await deliver()), ...(await deliver())].find((candidate) => candidate.subject.startsWith('Học liệu chờ duyệt hôm nay'))
  if (!mail) throw new Error('no digest arrived')

  expect(mail).toMatchObject({ subject: `Học liệu chờ duyệt hôm nay: ${waiting.length}`, to: [people.reviewer.email] })
  const positions = waiting.map((material) => mail.text?.indexOf(material.title) ?? -1)
  expect(positions.every((position) => position > 0)).toBe(true)
  expect(positions).toEqual([...positions].sort((a, b) => a - b))
  expectBothParts(mail, `Có ${waiting.length} học liệu đang chờ duyệt, cũ nhất trước:`)
})
