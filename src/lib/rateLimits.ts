import type { RequestHandler } from 'express'

import { rateLimit } from 'express-rate-limit'

const tooMany = {
  errors: [{ message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút. / Too many requests, please try again in a few minutes.' }],
}

/** Password guessing is also stopped per account by Payload's lockout; this stops it per client. */
export const loginRateLimit: RequestHandler = rateLimit({
  limit: 20,
  message: tooMany,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  windowMs: 10 * 60 * 1000,
})

/** Generous for people, firm for scrapers. */
export const apiRateLimit: RequestHandler = rateLimit({
  limit: 600,
  message: tooMany,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  windowMs: 60 * 1000,
})
