/**
 * The people of a small school, one per role, for suites that act as real users. Kept next to
 * the leak suites because only new files may be added here; it belongs in tests/helpers.
 */
import type { Payload, TypedUser } from 'payload'

import { PDFDocument, StandardFonts } from 'pdf-lib'

import { tokenFor } from '../helpers/api.js'

export const people = {
  admin: { email: 'hieutruong@truong.test', name: 'Hiệu trưởng', roles: ['admin'] },
  reviewer: { email: 'totruong@truong.test', name: 'Tổ trưởng', roles: ['reviewer'] },
  teacher: { email: 'colan@truong.test', name: 'Cô Lan', roles: ['teacher'] },
  otherTeacher: { email: 'comai@truong.test', name: 'Cô Mai', roles: ['teacher'] },
  staff: { email: 'vanthu@truong.test', name: 'Văn thư', roles: ['staff'] },
  parent: { email: 'phuhuynh@truong.test', name: 'Phụ huynh bé Na', roles: ['parent'] },
} as const

export type Person = keyof typeof people

export const password = 'mat-khau-dai-123'

/** A person as every suite needs them: the Local API user, the id, and a token for REST/GraphQL. */
export type Member = { id: number; token: string; user: TypedUser }

export type School = Record<Person, Member>

/**
 * Creates one account per role and logs each in. Accounts are made by the system (there is no
 * self-registration), hence `overrideAccess`.
 */
export const enrolSchool = async (payload: Payload): Promise<School> => {
  const school = {} as School
  for (const [person, data] of Object.entries(people) as Array<[Person, (typeof people)[Person]]>) {
    await payload.create({ collection: 'users', data: { ...data, roles: [...data.roles], password }, overrideAccess: true })
    const token = await tokenFor(payload, data.email, password)
    const { user } = await payload.login({ collection: 'users', data: { email: data.email, password } })
    if (!user) throw new Error(`no user for ${data.email}`)
    school[person] = { id: user.id, token, user: { ...user, collection: 'users' } as TypedUser }
  }
  return school
}

/** The JSON of a response, after checking its status. */
export const json = async <T = Record<string, any>>(response: Response, status = 200): Promise<T> => {
  const body = await response.text()
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${body.slice(0, 500)}`)
  }
  return JSON.parse(body) as T
}

/** A real one-page PDF, so the text extraction at upload has something to read. */
export const makePdf = async (text: string): Promise<Buffer> => {
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  document.addPage([300, 200]).drawText(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd'), { font, x: 20, y: 100, size: 12 })
  return Buffer.from(await document.save())
}

/** The two readers the leak suites check: those who see the least. */
export const lowestReaders = [
  ['an anonymous visitor', 'anonymous'],
  ['a parent', 'parent'],
] as const
export type LowestReader = (typeof lowestReaders)[number][1]

/** The token a reader's requests carry; anonymous carries none. */
export const readerToken = (school: School, reader: LowestReader): string | undefined =>
  reader === 'anonymous' ? undefined : school[reader].token
