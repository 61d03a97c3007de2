import type { PayloadRequest, TaskConfig } from 'payload'

import type { Mail } from '../types.js'

import { mailQueue, sendMailTaskSlug, unsentMailSlug } from '../defaults.js'
import { smtpSettings } from '../smtp.js'

const attempts = 3

/** Keeps a mail for administrators; the mail job writes here on behalf of nobody, hence `overrideAccess`. */
const keepUnsent = async (req: PayloadRequest, mail: Mail, reason: string): Promise<void> => {
  await req.payload.create({ collection: unsentMailSlug, data: { ...mail, reason }, overrideAccess: true, req })
}

/**
 * Sends one mail through the school's SMTP server. Without SMTP_HOST the mail is logged and kept
 * as unsent; a refusal is tried again, and kept as unsent after the last try. A request that
 * queued the mail never waits for it, nor fails with it.
 */
export const sendMailTask: TaskConfig<{ input: Mail; output: { result: string } }> = {
  slug: sendMailTaskSlug,
  inputSchema: [
    { name: 'to', type: 'text', hasMany: true, required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'html', type: 'textarea', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    if (!smtpSettings()) {
      req.payload.logger.info({ msg: `mail not sent, SMTP_HOST is not set: "${input.subject}"`, text: input.text, to: input.to })
      await keepUnsent(req, input, 'Chưa cấu hình máy chủ thư (SMTP_HOST).')
      return { output: { result: 'kept' } }
    }
    await req.payload.sendEmail({ html: input.html, subject: input.subject, text: input.text, to: input.to })
    return { output: { result: 'sent' } }
  },
  onFail: async ({ input, req, taskStatus }) => {
    if ((taskStatus?.totalTried ?? 0) < attempts) return
    const mail = input as Mail
    req.payload.logger.error({ msg: `mail "${mail.subject}" could not be sent after ${attempts + 1} tries; kept as unsent`, to: mail.to })
    await keepUnsent(req, mail, `Máy chủ thư từ chối sau ${attempts + 1} lần thử.`)
  },
}

/** Queues a mail with the request; where the database has transactions, a change rolled back sends nothing. */
export const queueMail = async (req: PayloadRequest, mail: Mail): Promise<void> => {
  if (mail.to.length === 0) return
  await req.payload.jobs.queue({ input: mail, queue: mailQueue, req, task: sendMailTaskSlug })
}
