/**
 * A mail server for tests: `smtp-server` listening on a free local port, keeping every message it
 * accepts, and a reader of what the server under test sent (headers, plain text, HTML).
 */
import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  from: string
  html?: string
  /** The MIME type of the whole message: text and HTML travel as multipart/alternative. */
  mimeType: string
  subject: string
  text?: string
  to: string[]
}

type Part = { body: string; headers: Record<string, string> }

const split = (raw: string): Part => {
  const end = raw.indexOf('\r\n\r\n')
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r\n[ \t]+/g, ' ')
  const headers: Record<string, string> = {}
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { body: end < 0 ? '' : raw.slice(end + 4), headers }
}

const quotedPrintableBytes = (value: string): Buffer => {
  const bytes: number[] = []
  for (let index = 0; index < value.length; index++) {
    const hex = value.slice(index + 1, index + 3)
    if (value[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      index += 2
    } else bytes.push(value.charCodeAt(index))
  }
  return Buffer.from(bytes)
}

/** RFC 2047 words (`=?UTF-8?Q?…?=`); neighbours are joined as bytes, a character may span two. */
const decodeHeader = (value: string): string => {
  const words = [...value.matchAll(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi)]
  if (words.length === 0) return value
  let result = ''
  let cursor = 0
  let pending: Buffer[] = []
  const flush = () => {
    result += Buffer.concat(pending).toString('utf8')
    pending = []
  }
  for (const word of words) {
    const between = value.slice(cursor, word.index)
    // Only white space between two encoded words is dropped (RFC 2047, 6.2).
    if (cursor === 0 || between.trim() !== '') {
      flush()
      result += between
    }
    const [, , encoding, data] = word
    pending.push(encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintableBytes(data.replace(/_/g, ' ')))
    cursor = (word.index ?? 0) + word[0].length
  }
  flush()
  return result + value.slice(cursor)
}

const decodeBody = ({ body, headers }: Part): string => {
  const encoding = headers['content-transfer-encoding']?.toLowerCase()
  if (encoding === 'quoted-printable') return quotedPrintableBytes(body.replace(/=\r\n/g, '')).toString('utf8')
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}

const mimeTypeOf = (part: Part) => (part.headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase()

/** Reads a message as it arrived over SMTP. */
export const readMail = (raw: string, to: string[]): ReceivedMail => {
  const message = split(raw)
  const mimeType = mimeTypeOf(message)
  const parts: Part[] = []
  if (mimeType.startsWith('multipart/')) {
    const boundary = message.headers['content-type'].match(/boundary="?([^";]+)"?/i)?.[1]
    for (const chunk of message.body.split(`--${boundary}`).slice(1)) {
      if (!chunk.startsWith('--')) parts.push(split(chunk.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    }
  } else parts.push(message)
  const body = (type: string) => {
    const part = parts.find((candidate) => mimeTypeOf(candidate) === type)
    return part && decodeBody(part)
  }
  return { from: decodeHeader(message.headers.from ?? ''), html: body('text/html'), mimeType, subject: decodeHeader(message.headers.subject ?? ''), text: body('text/plain'), to }
}

export type MailServer = {
  /** Every mail accepted so far. */
  received: ReceivedMail[]
  port: number
  /** Addresses the server refuses, as a mail server refuses an unknown mailbox. */
  refuse: Set<string>
  close: () => Promise<void>
}

/** Starts an SMTP server on 127.0.0.1 without TLS or authentication, as a school's relay may be. */
export const startMailServer = async (): Promise<MailServer> => {
  const received: ReceivedMail[] = []
  const refuse = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (address, _session, callback) =>
      refuse.has(address.address) ? callback(Object.assign(new Error('550 Mailbox unavailable'), { responseCode: 550 })) : callback(),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push(readMail(Buffer.concat(chunks).toString('latin1'), session.envelope.rcptTo.map((rcpt) => rcpt.address)))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    port: (server.server.address() as AddressInfo).port,
    received,
    refuse,
  }
}
