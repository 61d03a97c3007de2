import type { RequestHandler } from 'express'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

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
 * vouched for in `visitorHeader`), never skipped. Guesses at one account are slowed further per
 * account and client by `src/collections/Users/hooks/throttleLogin.ts`.
 */
export const loginRateLimit: RequestHandler = rateLimit({
  limit: 20,
  message: tooMany,
  keyGenerator: (req, res) => clientPlaceOf(res) ?? ipKeyGenerator(req.ip ?? 'unknown'),
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  windowMs: 10 * 60 * 1000,
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
