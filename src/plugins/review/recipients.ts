import type { PayloadRequest } from 'payload'

import { hasRole } from '../../access/accessLevels.js'
import { mayApprove } from '../../access/review.js'
import { publisherRoles } from '../../access/roles.js'

type Account = { email?: null | string; id: number | string; name?: null | string; roles?: null | string[] }

/**
 * Who is told that a material at `level` waits: the reviewers who may approve it, or, where no
 * reviewer may (a leadership material), the administrators. Accounts are read by the system to
 * address mail; nothing of them reaches the requester, hence `overrideAccess`.
 */
export const reviewersOf = async (req: PayloadRequest, level: unknown, except?: number | string): Promise<string[]> => {
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 200,
    overrideAccess: true,
    req,
    select: { email: true, name: true, roles: true },
    where: { roles: { in: publisherRoles } },
  })
  const able = (docs as Account[]).filter((account) => account.email && account.id !== except && mayApprove(account, level))
  const reviewers = able.filter((account) => hasRole(account, 'reviewer'))
  return (reviewers.length > 0 ? reviewers : able).map((account) => account.email as string)
}

/** The author's address, unless the author is the one acting (no mail to oneself). */
export const authorOf = async (req: PayloadRequest, author: unknown, except?: number | string): Promise<string[]> => {
  const id = author && typeof author === 'object' && 'id' in author ? (author as Account).id : (author as number | string | null | undefined)
  if (id === undefined || id === null || id === except) return []
  const account = (await req.payload.findByID({ collection: 'users', depth: 0, disableErrors: true, id, overrideAccess: true, req })) as Account | null
  return account?.email ? [account.email] : []
}

/** How a person is named in a mail. */
export const nameOf = (user: { email?: null | string; name?: unknown } | null | undefined): string =>
  (typeof user?.name === 'string' && user.name) || user?.email || 'Trường Số'
