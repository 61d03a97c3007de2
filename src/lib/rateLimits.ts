import type { RequestHandler } from 'express'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import { signInsPerClient } from '../collections/Users/hooks/loginThrottle.js'
import { clientPlaceOf } from './costBudget.js'

/**
 * The website's own server-side calls arrive from loopback with no forwarded address: they carry
 * many visitors at once and must not share one visitor's count. (What they cost is charged to the
 * visitor each is made for, by `costBudget.ts`.) Visitors behind the reverse proxy are counted by
 * their forwarded address (`trust proxy`).
 */
const fromThisMachine = (req: { ip?: string }) => req.ip === '127.0.0.1' || req.ip === '::1' || req.ip === '::ffff:127.0.0.1'

const tooMany = {
  errors: [{ message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút. / Too many requests, please try again in a few minutes.' }],
}

/**
 * Password guessing per client, whichever door it comes through: the website's `/dang-nhap`
 * logs in from loopback for its visitor, and is counted as that visitor (the address the server
 * vouched for in `visitorHeader`), never skipped. Here REST sign-ins are turned away before any
 * work, with the standard headers; the same budget holds for every door in the sign-in itself
 * (`throttleLogin.ts`), which also slows guesses at one account per account and client.
 */
export const loginRateLimit: RequestHandler = rateLimit({
  limit: signInsPerClient.limit,
  message: tooMany,
  keyGenerator: (req, res) => clientPlaceOf(res) ?? ipKeyGenerator(req.ip ?? 'unknown'),
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  windowMs: signInsPerClient.windowMs,
})

/** Generous for people, firm for scrapers. */
export const apiRateLimit: RequestHandler = rateLimit({
  limit: 600,
  message: tooMany,
  skip: fromThisMachine,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  windowMs: 60 * 1000,
})
