import type { Config, PayloadLogger } from 'payload'

import { defaultLoggerOptions } from 'payload'
import { transport } from 'pino'

import { isServerProcess } from './serverProcess.js'

type LoggerOptions = Extract<NonNullable<Config['logger']>, { options: unknown }>['options']
type LogMethod = Parameters<PayloadLogger['error']>
type Hooks = NonNullable<LoggerOptions['hooks']>

/** Longest message the log keeps of one error: GraphQL and database errors can quote the request. */
const maxMessageChars = 300
/** Stack frames kept per error: where it happened, not the whole framework below. */
const maxFrames = 12

/**
 * Text with drizzle's "Failed query: <SQL> params: <values>" cut out: a refused query of 4 MB
 * once wrote its SQL and every value into the log.
 */
export const withoutQueries = (text: string): string => {
  const at = text.indexOf('Failed query:')
  return at >= 0 ? `${text.slice(0, at)}Failed query (SQL and values left out of the log)` : text
}

/** An error's message as the log keeps it: without queries, and no longer than a line's worth. */
const errorText = (text: string): string => {
  const kept = withoutQueries(text)
  return kept.length > maxMessageChars ? `${kept.slice(0, maxMessageChars)}…` : kept
}

type LoggedError = {
  type: string
  message: string
  code?: number | string
  status?: number
  reason?: string
  stack?: string
  cause?: LoggedError
}

type ErrorLike = {
  cause?: unknown
  code?: unknown
  constructor?: { name?: string }
  message?: unknown
  name?: unknown
  originalError?: unknown
  reason?: unknown
  stack?: unknown
  status?: unknown
  type?: unknown
}

const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string'

/**
 * An error as the log keeps it: its kind, a short message without SQL, a few frames, its cause.
 * Nothing else: GraphQL errors carry the whole query and drizzle's its values, and the standard
 * serializer copies every property. Takes errors and what pino's standard serializer made of them.
 */
export const serializeError = (error: unknown, depth = 0): unknown => {
  if (!isErrorLike(error)) return typeof error === 'string' ? errorText(error) : error
  const type = String(error.type ?? (error instanceof Error ? error.name : error.constructor?.name) ?? 'Error')
  const message = errorText(String(error.message))
  const logged: LoggedError = { type, message }
  if (typeof error.code === 'string' || typeof error.code === 'number') logged.code = error.code
  if (typeof error.status === 'number') logged.status = error.status
  if (typeof error.reason === 'string') logged.reason = errorText(error.reason)
  // A client's mistake (4xx, also behind GraphQL's wrapper) is told by its message; where the
  // server noticed it is noise.
  const status = error.status ?? (isErrorLike(error.originalError) ? error.originalError.status : undefined)
  const clientsMistake = typeof status === 'number' && status >= 400 && status < 500
  if (typeof error.stack === 'string' && !clientsMistake) {
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line))
    logged.stack = [`${type}: ${message}`, ...frames.slice(0, maxFrames)].join('\n')
  }
  const cause = error.originalError ?? error.cause
  if (depth < 3 && isErrorLike(cause)) logged.cause = serializeError(cause, depth + 1) as LoggedError
  return logged
}

/** Where the access log is written, without the query string's values (a `where` is data). */
export const withoutQueryValues = (url: string): string => {
  const at = url.indexOf('?')
  if (at < 0) return url
  const names = [...new Set(url.slice(at + 1).split('&').map((pair) => decodeURIComponentSafely(pair.split('=')[0]!).replace(/\[.*$/, '')))]
  return `${url.slice(0, at)}?${names.slice(0, 10).join('&').slice(0, 200)}`
}

const decodeURIComponentSafely = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Text, or an error with its causes: drizzle's errors differ only by what caused them. */
const textOf = (value: unknown, depth = 0): string => {
  if (typeof value === 'string') return withoutQueries(value)
  if (!isErrorLike(value)) return ''
  const cause = value.originalError ?? value.cause
  const own = `${String(value.name ?? value.type ?? 'Error')}: ${errorText(String(value.message))}`
  return depth < 3 && isErrorLike(cause) ? `${own} ← ${textOf(cause, depth + 1)}` : own
}

/** What makes two log calls "the same": their message and their error's kind and message. */
const sameAs = (args: LogMethod): string => {
  const [first, ...rest] = args as unknown[]
  const parts = [textOf(first)]
  if (typeof first === 'object' && first !== null && !isErrorLike(first)) {
    const fields = first as { err?: unknown; msg?: unknown }
    parts.push(textOf(fields.msg), textOf(fields.err))
  }
  parts.push(...rest.map(textOf))
  return parts.filter(Boolean).join(' · ')
}

/** An access line (it carries the response, `accessLog.ts`): one per request, never merged. */
const isAccessLine = (first: unknown): boolean => typeof first === 'object' && first !== null && 'res' in first

/**
 * The arguments with queries cut out of their text. Without a message of its own, pino would
 * print the error's full message as the line's message: it gets the one the log keeps.
 */
const cleaned = (args: LogMethod): LogMethod => {
  const [first, ...rest] = args as unknown[]
  const texts = rest.map((arg) => (typeof arg === 'string' ? withoutQueries(arg) : arg))
  if (typeof first === 'string') return [withoutQueries(first), ...texts] as LogMethod
  const error = isErrorLike(first) ? first : (first as { err?: unknown } | null)?.err
  if (rest.length === 0 && isErrorLike(error) && (first as { msg?: unknown }).msg === undefined) {
    return [first, errorText(String(error.message))] as LogMethod
  }
  return [first, ...texts] as LogMethod
}

export type RepeatLimit = {
  /** An identical warning or error is written once per window, then counted. @default 60_000 */
  windowMs: number
  /** Distinct messages counted at once; beyond, each is written (they are distinct news). @default 1_000 */
  maxTracked: number
}

export const defaultRepeatLimit: RepeatLimit = { windowMs: 60_000, maxTracked: 1_000 }

/**
 * A pino `logMethod` hook: a warning or error identical to one written less than `windowMs` ago
 * is counted instead of written, and one line at the end of the window says how many times it
 * repeated. A client repeating a bad request can then add a line a minute, not one per request.
 */
export const repeatLimiter = (limit: RepeatLimit = defaultRepeatLimit): NonNullable<Hooks['logMethod']> => {
  const tracked = new Map<string, { repeats: number }>()
  return function logMethod(this: PayloadLogger, args, method, level) {
    if (level < 40 || isAccessLine(args[0])) return method.apply(this, cleaned(args))
    const key = `${level} ${sameAs(args)}`
    const seen = tracked.get(key)
    if (seen) {
      seen.repeats++
      return
    }
    if (tracked.size < limit.maxTracked) {
      const entry = { repeats: 0 }
      tracked.set(key, entry)
      setTimeout(() => {
        tracked.delete(key)
        if (entry.repeats === 0) return
        const seconds = Math.round(limit.windowMs / 1000)
        method.call(
          this,
          { repeated: entry.repeats },
          `Lặp lại thêm ${entry.repeats} lần trong ${seconds} giây / repeated ${entry.repeats} more times in ${seconds} s: ${key.slice(key.indexOf(' ') + 1, key.indexOf(' ') + 1 + maxMessageChars)}`,
        )
      }, limit.windowMs).unref()
    }
    method.apply(this, cleaned(args))
  }
}

const prettyLinesKey = Symbol.for('truongso.prettyLinesOffMainThread')

/**
 * Payload's pretty lines, formatted on a thread of their own: in the server every request writes
 * an access line, and parsing it back and colouring it on the main thread took 0.3 of the 0.44 ms
 * the line cost each REST list (CPU profile, 10,000 documents). One thread per process: Next's
 * bundled copy of the config takes the one the server made. At exit pino hands the thread every
 * line still queued and ends it; the thread writes each line as it gets it (`sync`), so none is
 * left in a buffer of its own when the process ends.
 */
const prettyLinesOffMainThread = () => {
  const shared = globalThis as typeof globalThis & { [prettyLinesKey]?: ReturnType<typeof transport> }
  shared[prettyLinesKey] ??= transport({
    target: 'pino-pretty',
    options: { colorize: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss', sync: true },
  })
  return shared[prettyLinesKey]
}

/**
 * Payload's logger (pretty lines, as by default) with errors serialized without SQL or values and
 * repeated warnings and errors counted; the access log (`accessLog.ts`) is written through it too.
 */
export const loggerSetting = (limit: RepeatLimit = defaultRepeatLimit): Extract<NonNullable<Config['logger']>, { options: unknown }> => ({
  destination: isServerProcess() && process.env.DISABLE_LOGGING !== 'true' ? prettyLinesOffMainThread() : defaultLoggerOptions,
  options: {
    hooks: { logMethod: repeatLimiter(limit) },
    serializers: { err: serializeError },
  },
})
