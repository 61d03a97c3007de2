import type { EmailAdapter } from 'payload'

import nodemailer from 'nodemailer'

/** The school's mail server, from the environment; `undefined` when SMTP_HOST is not set. */
export const smtpSettings = (env: NodeJS.ProcessEnv = process.env) => {
  if (!env.SMTP_HOST) return undefined
  const port = Number(env.SMTP_PORT) || 587
  return {
    from: env.SMTP_FROM || `Trường Số <no-reply@${env.SMTP_HOST}>`,
    host: env.SMTP_HOST,
    port,
    // Port 465 speaks TLS from the first byte; other ports upgrade with STARTTLS when offered.
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
    auth: env.SMTP_USER ? { pass: env.SMTP_PASS ?? '', user: env.SMTP_USER } : undefined,
  }
}

/** `name <address>` or a bare address, as SMTP_FROM may be written. */
const splitFrom = (from: string): { address: string; name: string } => {
  const match = from.match(/^\s*(.*?)\s*<([^>]+)>\s*$/)
  return match ? { address: match[2], name: match[1].replace(/^"|"$/g, '') || 'Trường Số' } : { address: from.trim(), name: 'Trường Số' }
}

/**
 * Payload's mail adapter over nodemailer on the school's server, or `undefined` without SMTP (mails
 * are then logged and kept as unsent). Written here rather than taken from
 * `@payloadcms/email-nodemailer`, which exists for another Payload version than ours. The
 * connection is not tried at start: a mail server that is down must not keep the website from
 * starting, and each mail is retried by its job.
 */
export const smtpEmailAdapter = (env: NodeJS.ProcessEnv = process.env): EmailAdapter | undefined => {
  const settings = smtpSettings(env)
  if (!settings) return undefined
  const { address, name } = splitFrom(settings.from)
  const transport = nodemailer.createTransport({ auth: settings.auth, host: settings.host, port: settings.port, secure: settings.secure })
  return () => ({
    name: 'smtp',
    defaultFromAddress: address,
    defaultFromName: name,
    sendEmail: async (message) => {
      const from = typeof message.from === 'object' && message.from ? { address: message.from.address, name: message.from.name ?? '' } : message.from
      return transport.sendMail({ ...message, from: from ?? { address, name } })
    },
  })
}
