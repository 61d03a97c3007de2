import { EventEmitter, once } from 'node:events'
import { Writable } from 'node:stream'

import { pino } from 'pino'

import { repeatLimiter, serializeError, withoutQueryValues } from '../../src/lib/logging.js'

/** A logger set up as `loggerSetting` sets Payload's, writing JSON lines into `lines`. */
const capturedLogger = (windowMs: number) => {
  const lines: Array<Record<string, unknown>> = []
  const written = new EventEmitter()
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as Record<string, unknown>
      lines.push(line)
      written.emit('line', line)
      done()
    },
  })
  const logger = pino({ hooks: { logMethod: repeatLimiter({ windowMs, maxTracked: 100 }) }, serializers: { err: serializeError } }, destination)
  return { lines, logger, written }
}

/** drizzle's message for a query SQLite could not run: the SQL, then every bound value. */
const queryError = (reason = 'SQLITE_ERROR: Expression tree is too large (maximum depth 1000)') => {
  const error = new Error('Failed query: select "id" from "learning_materials" where "title" = ? or "title" = ?\nparams: giaTriRieng1,giaTriRieng2')
  error.cause = new Error(reason)
  return error
}

describe('the log', () => {
  it('writes an error repeated 50 times once, then one line saying how many more times it came', async () => {
    const { lines, logger, written } = capturedLogger(200)
    for (let time = 0; time < 50; time++) logger.error({ err: queryError() })
    expect(lines).toHaveLength(1)
    const [summary] = (await once(written, 'line')) as [Record<string, unknown>]
    expect(summary).toMatchObject({ level: 50, repeated: 49 })
    expect(summary.msg).toMatch(/^Lặp lại thêm 49 lần trong 0 giây \/ repeated 49 more times in 0 s: /)
    logger.error({ err: queryError() })
    expect(lines).toHaveLength(3)
  })

  it('writes each distinct error, every information line and every access line', () => {
    const { lines, logger } = capturedLogger(60_000)
    logger.error({ err: new Error('một') })
    logger.error({ err: new Error('hai') })
    logger.warn({ res: { statusCode: 400 } }, 'request completed')
    logger.warn({ res: { statusCode: 400 } }, 'request completed')
    logger.info('đã xong')
    logger.info('đã xong')
    expect(lines).toHaveLength(6)
  })

  it('never writes the SQL or the values of a query error, whether logged as an error or as text', () => {
    const { lines, logger } = capturedLogger(60_000)
    logger.error({ err: queryError() })
    logger.error(queryError('SQLITE_BUSY: database is locked'))
    logger.warn(`search failed: ${queryError().message}`)
    const text = JSON.stringify(lines)
    expect(lines).toHaveLength(3)
    expect(text).toContain('Failed query (SQL and values left out of the log)')
    expect(text).toContain('Expression tree is too large')
    expect(text).toContain('database is locked')
    expect(text).not.toMatch(/giaTriRieng|learning_materials|select/)
  })

  it('writes a long line of text whole: only error messages are shortened', () => {
    const { lines, logger } = capturedLogger(60_000)
    const table = Array.from({ length: 12 }, (_, row) => `| giaovien${row}@truongso.test | Giáo viên | truongso-demo |`).join('\n')
    logger.info(table)
    expect(lines[0]!.msg).toBe(table)
  })

  it('keeps only the first frames of a stack, and none for a client\'s mistake', () => {
    const deep = new Error('sâu')
    deep.stack = ['Error: sâu', ...Array.from({ length: 40 }, (_, index) => `    at frame${index} (file.js:${index}:1)`)].join('\n')
    expect((serializeError(deep) as { stack: string }).stack.split('\n')).toHaveLength(13)
    expect(serializeError(Object.assign(new Error('thiếu trường'), { status: 400 }))).not.toHaveProperty('stack')
  })

  it.each([
    ['/api/learning-materials?where[title][equals]=bí-mật&limit=3', '/api/learning-materials?where&limit'],
    ['/api/search?q=h%E1%BB%8Dc%20li%E1%BB%87u', '/api/search?q'],
    ['/hoc-lieu', '/hoc-lieu'],
  ])('writes %s in the access log as %s', (url, logged) => {
    expect(withoutQueryValues(url)).toBe(logged)
  })
})
