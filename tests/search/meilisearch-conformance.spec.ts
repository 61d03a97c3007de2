/**
 * The shared table of Meilisearch's rules (`meilisearch-conformance/cases.ts`) against the fake
 * and, when `MEILI_HOST` and `MEILI_MASTER_KEY` name one (the GitHub workflow), a real server. A
 * case that fails on the fake means the fake disagrees with the documented rule; one that fails
 * on the server means the table does.
 */
import { type Case, type Context, cases, type Given } from './meilisearch-conformance/cases.js'
import { startTarget, type Target, targetNames } from './meilisearch-conformance/target.js'

const prepare = async (target: Target, uid: string, given: Given): Promise<void> => {
  const created = await target.call({ body: { primaryKey: 'id', uid }, method: 'POST', path: '/indexes' })
  expect((await target.waitTask(created.body.taskUid)).status).toBe('succeeded')
  if (given.settings) {
    const update = await target.call({ body: given.settings, method: 'PATCH', path: `/indexes/${uid}/settings` })
    expect((await target.waitTask(update.body.taskUid)).status).toBe('succeeded')
  }
  if (given.documents) {
    const added = await target.call({ body: given.documents, method: 'POST', path: `/indexes/${uid}/documents` })
    expect((await target.waitTask(added.body.taskUid)).error).toBeNull()
  }
}

const contextFor = (target: Target): Context => ({
  ...target,
  createKey: async (fields) => {
    const { body, status } = await target.call({ body: { expiresAt: null, ...fields }, method: 'POST', path: '/keys' })
    expect(status).toBe(201)
    return { key: body.key, uid: body.uid }
  },
  index: target.newIndexUid(),
  other: target.newIndexUid,
  prepare: (uid, given) => prepare(target, uid, given),
})

describe.each(targetNames())('Meilisearch on the %s', (name) => {
  let target: Target
  beforeAll(async () => {
    target = await startTarget(name)
  })
  afterAll(async () => {
    await target.cleanUp()
    await target.close()
  })

  it.each(cases.map((each): [string, Case] => [each.rule, each]))('%s', async (_rule, rule) => {
    const context = contextFor(target)
    if (rule.given) await prepare(target, context.index, rule.given)
    const answer = await target.call(await rule.request(context))
    expect({ code: answer.body?.code, status: answer.status }).toEqual({ code: rule.expect.code, status: rule.expect.status })
    if (rule.expect.task) {
      const task = await target.waitTask(answer.body.taskUid)
      expect({ code: task.error?.code, status: task.status }).toEqual({ code: rule.expect.task.code, status: rule.expect.task.status })
    }
    await rule.expect.then?.(answer, context)
  })
})

describe('the shared table of Meilisearch rules', () => {
  it('cites a section of the Meilisearch documentation for every rule', () => {
    for (const rule of cases) expect(rule.docs).toMatch(/^https:\/\/www\.meilisearch\.com\/docs\/[a-z0-9_/#.-]+$/)
  })

  it('names the server code wherever the documentation says otherwise', () => {
    expect(cases.filter((rule) => rule.docsSay && !rule.source)).toEqual([])
  })

  it('has one case per rule', () => {
    expect(new Set(cases.map((rule) => rule.rule)).size).toBe(cases.length)
  })
})
