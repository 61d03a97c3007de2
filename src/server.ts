/**
 * The HTTP front door: health and readiness, security headers, request logs and graceful shutdown
 * in express; everything else (admin, REST, GraphQL, website) is handed to Next and Payload.
 */
import express from 'express'
import helmet from 'helmet'
import next from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload } from 'payload'
import { pinoHttp } from 'pino-http'

import { healthRoutes } from './lib/health.js'
import { contentApiCaching } from './lib/httpCache.js'
import { ensureOpsToken } from './lib/opsToken.js'
import { workQueuesInThisProcess } from './lib/queueWorker.js'
import { apiRateLimit, loginRateLimit } from './lib/rateLimits.js'
import { ensurePayloadSecret } from './lib/secret.js'
import { seedDemoIfEmpty } from './seed/seedDemoIfEmpty.js'
import { securityHeaders } from './lib/securityHeaders.js'
import { vietnameseByDefault } from './lib/vietnameseByDefault.js'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)

ensurePayloadSecret()
ensureOpsToken()
workQueuesInThisProcess()
// Imported only once the secret is in place: the config reads it at load time.
const { default: config } = await import('./payload.config.js')
// cron: the jobs queue (search index updates, scheduled sweeps) runs inside this server.
const payload = await getPayload({ config, cron: true })
await seedDemoIfEmpty(payload)

const nextApp = next({ dev, dir: rootDir, port })
await nextApp.prepare()
const handleWithNext = nextApp.getRequestHandler()

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')

app.use(healthRoutes(payload))
app.use(helmet(securityHeaders({ dev })))
app.use(
  pinoHttp({
    logger: payload.logger,
    autoLogging: { ignore: (req) => req.url?.startsWith('/_next/') ?? false },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }),
)
app.use(vietnameseByDefault)
app.use('/api/users/login', loginRateLimit)
app.use('/api', apiRateLimit)
// Files stream (videos up to 500 MB) and are never buffered for an ETag.
app.use('/api', contentApiCaching({ except: /^\/(graphql|users|search\/token|media\/file)/, maxAgeSeconds: 60 }))
// No body parsers here: Payload reads the raw request bodies itself.
app.use((req, res) => handleWithNext(req, res))

const server = app.listen(port, () => {
  payload.logger.info(`Trường Số đang chạy tại http://localhost:${port} (admin: /admin, API: /api)`)
})

const shutdown = (signal: string) => {
  payload.logger.info(`${signal}: closing connections`)
  const forceExit = setTimeout(() => process.exit(1), 10_000)
  forceExit.unref()
  server.close(async () => {
    await nextApp.close?.()
    await payload.destroy()
    process.exit(0)
  })
  server.closeIdleConnections()
}
process.once('SIGTERM', () => shutdown('SIGTERM'))
process.once('SIGINT', () => shutdown('SIGINT'))
