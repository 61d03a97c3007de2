/**
 * Without a mail server (no SMTP_HOST) the review still tells people what happened: each mail is
 * written to the log and kept whole as "Thư chưa gửi", which only administrators read.
 */
import type { Payload } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { enrolSchool, json, people, type Person, type School } from '../leaks/school.js'

let payload: Payload
let school: School
let logged: string[]
const title = 'Bé chơi với nước'

beforeAll(async () => {
  for (const key of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM', 'SMTP_USER', 'SMTP_PASS', 'SMTP_SECURE']) delete process.env[key]
  payload = await bootPayload('review-unsent-mail')
  payload.logger.level = 'info'
  logged = []
  const info = payload.logger.info.bind(payload.logger)
  // What the operator's log receives, read from the logger the job writes to.
  payload.logger.info = ((entry: unknown, ...rest: unknown[]) => {
    logged.push(typeof entry === 'string' ? entry : JSON.stringify(entry))
    return (info as (...args: unknown[]) => void)(entry, ...rest)
  }) as typeof payload.logger.info
  school = await enrolSchool(payload)

  const { doc } = await json<{ doc: { id: number } }>(
    await rest(payload, '/learning-materials?draft=true', { body: { accessLevel: 'staff', materialType: 'game', title }, method: 'POST', token: school.teacher.token }),
    201,
  )
  await json(await rest(payload, `/learning-materials/${doc.id}?draft=true`, { body: { reviewStatus: 'submitted' }, method: 'PATCH', token: school.teacher.token }))
  await payload.jobs.run({ queue: 'mail' })
})
afterAll(async () => shutdownPayload(payload))

it('the mail to the reviewer is written to the log and kept as unsent, Vietnamese text and HTML', async () => {
  const { docs } = await payload.find({ collection: 'unsent-mail', overrideAccess: true })
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ reason: 'Chưa cấu hình máy chủ thư (SMTP_HOST).', subject: `Học liệu chờ duyệt: ${title}`, to: [people.reviewer.email] })
  expect(docs[0].text).toContain(`Cô Lan vừa gửi duyệt học liệu "${title}".`)
  expect(docs[0].html).toContain(`Cô Lan vừa gửi duyệt học liệu "${title}".`)
  expect(logged.some((line) => line.includes(`Học liệu chờ duyệt: ${title}`) && line.includes(people.reviewer.email))).toBe(true)
})

it('an administrator reads the unsent mail through REST and GraphQL', async () => {
  expect((await json<{ totalDocs: number }>(await rest(payload, '/unsent-mail', { token: school.admin.token }))).totalDocs).toBe(1)
  const answer = await graphql<{ UnsentMails: { docs: Array<{ subject: string }> } }>(payload, '{ UnsentMails { docs { subject } } }', { token: school.admin.token })
  expect(answer.data?.UnsentMails.docs.map((mail) => mail.subject)).toEqual([`Học liệu chờ duyệt: ${title}`])
})

it.each<[string, Person]>([
  ['the reviewer', 'reviewer'],
  ['the teacher', 'teacher'],
  ['office staff', 'staff'],
  ['a parent', 'parent'],
])('%s reads none of it', async (_, person) => {
  expect((await rest(payload, '/unsent-mail', { token: school[person].token })).status).toBe(403)
})

it('nobody writes unsent mail through the API, administrators included', async () => {
  const response = await rest(payload, '/unsent-mail', { body: { html: '<p>x</p>', subject: 'Giả', text: 'x', to: ['a@truong.test'] }, method: 'POST', token: school.admin.token })
  expect(response.status).toBe(403)
  expect((await payload.count({ collection: 'unsent-mail', overrideAccess: true })).totalDocs).toBe(1)
})
