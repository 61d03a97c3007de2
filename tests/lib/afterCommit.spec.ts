/**
 * `afterCommit`: work that must see a committed write (running its search sync at once) waits for
 * the transaction's commit, and never happens for a write that was rolled back.
 */
import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { afterCommit } from '../../src/lib/afterCommit.js'
import { bootPayload, shutdownPayload } from '../helpers/boot.js'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('after-commit')
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

const createAnnouncement = (req: PayloadRequest, title: string) =>
  payload.create({
    collection: 'announcements',
    data: { _status: 'published', accessLevel: 'public', category: 'notice', title },
    overrideAccess: true,
    req,
  })

/** What a reader outside the transaction finds with that title. */
const committedTitles = async (title: string) =>
  (
    await payload.find({ collection: 'announcements', overrideAccess: true, where: { title: { equals: title } } })
  ).docs.map((doc) => doc.title)

describe('afterCommit', () => {
  it('runs once the transaction commits, and then sees the write', async () => {
    const req = await createLocalReq({}, payload)
    const usesTransactions = await initTransaction(req)
    await createAnnouncement(req, 'Thông báo lịch nghỉ Tết')
    const seen: string[][] = []
    await afterCommit(req, async () => {
      seen.push(await committedTitles('Thông báo lịch nghỉ Tết'))
    })
    if (usesTransactions) {
      await settle()
      expect(seen).toEqual([])
      await commitTransaction(req)
    }
    await settle()
    expect(seen).toEqual([['Thông báo lịch nghỉ Tết']])
  })

  // Embedded SQLite runs without transactions (Payload's default: they lock the file); MongoDB
  // on a replica set, as in CI and production, has them.
  it('never runs for a transaction that rolls back (databases with transactions)', async () => {
    const req = await createLocalReq({}, payload)
    if (!(await initTransaction(req))) return expect(await req.transactionID).toBeFalsy()
    await createAnnouncement(req, 'Thông báo bị hủy')
    let ran = false
    await afterCommit(req, () => {
      ran = true
    })
    await killTransaction(req)
    await settle()
    expect(ran).toBe(false)
    expect(await committedTitles('Thông báo bị hủy')).toEqual([])
  })

  it('runs at once for a request without a transaction', async () => {
    const req = await createLocalReq({}, payload)
    let ran = false
    await afterCommit(req, () => {
      ran = true
    })
    await settle()
    expect(ran).toBe(true)
  })

  it('keeps a failing callback from breaking the others', async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const ran: string[] = []
    await afterCommit(req, () => {
      throw new Error('engine unreachable')
    })
    await afterCommit(req, () => {
      ran.push('second')
    })
    await commitTransaction(req)
    await settle()
    expect(ran).toEqual(['second'])
  })
})
