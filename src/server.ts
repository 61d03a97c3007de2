/**
 * The HTTP front door: health and readiness, security headers, request logs and graceful shutdown
 * in express; everything else (admin, REST, GraphQL, website) is handed to Next and Payload.
 * It listens first and starts the app meanwhile: health checks answer at once, other requests
 * wait for the app (a few seconds), and the search index completes in the background.
 */
// First: it keeps NODE_ENV as launched, before Next changes it while preparing.
import { launchedForProduction } from './lib/launchEnvironment.js'

import express from 'express'
import helmet from 'helmet'
import next from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload, type Payload } from 'payload'

import { accessLog } from './lib/accessLog.js'
import { databaseAnswers, healthRoutes, searchIndexComplete } from './lib/health.js'
import { bodyLimits } from './lib/bodyLimits.js'
import { refuseCrossSiteWrites } from './lib/crossSiteWrites.js'
import { bodyDeadline, createLimitedServer } from './lib/connectionLimits.js'
import { budgetClientOf, costBudget } from './lib/costBudget.js'
import { contentApiCaching, createAnswerStore, forgetAnswersOnWrite } from './lib/httpCache.js'
import { ensureOpsToken } from './lib/opsToken.js'
import { payloadRest } from './lib/payloadRest.js'
import { markServerProcess } from './lib/serverProcess.js'
import { beginIndexWarmup } from './plugins/search/warmup.js'
import { standardsRoutes } from './plugins/standards/routes.js'
import { apiRateLimit, loginRateLimit } from './lib/rateLimits.js'
import { ensurePayloadSecret } from './lib/secret.js'
import { sameSiteRedirectParameters } from './lib/sameSiteRedirects.js'
import { seedDemoIfEmpty } from './seed/seedDemoIfEmpty.js'
import { type DemoLoading, whileDemoLoads } from './seed/whileDemoLoads.js'
import { securityHeaders } from './lib/securityHeaders.js'
import { clientAddressResolvedOnce, trustProxySetting } from './lib/trustProxy.js'
import { vietnameseByDefault } from './lib/vietnameseByDefault.js'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)
const trustProxy = trustProxySetting()

ensurePayloadSecret({ production: launchedForProduction() })
ensureOpsToken()
markServerProcess()

type StartedApp = { app: express.Express; demoLoaded: Promise<void>; nextApp: ReturnType<typeof next>; payload: Payload }

let demoLoading: DemoLoading

const startApp = async (): Promise<StartedApp> => {
  // Imported only once the secret is in place: the config reads it at load time.
  const { default: config } = await import('./payload.config.js')
  const nextApp = next({ dev, dir: rootDir, port })
  // cron: the jobs queue (search index updates, scheduled sweeps) runs inside this server.
  const payloadReady = getPayload({ config, cron: true })
  // The demo loads while Next prepares and then while the site answers that it is coming.
  const demoLoaded = payloadReady.then(async (payload) => {
    demoLoading = { done: 0, total: 1 }
    try {
      await seedDemoIfEmpty(payload, {
        production: launchedForProduction(),
        onProgress: ({ done, total }) => (demoLoading = { done, total }),
      })
    } catch (error) {
      payload.logger.error({
        err: error,
        msg: 'Không nạp được dữ liệu mẫu; xoá thư mục dữ liệu rồi chạy lại npm start. / Loading the demo content failed; remove the data folder and run npm start again.',
      })
    } finally {
      demoLoading = undefined
    }
  })
  const [payload] = await Promise.all([payloadReady, nextApp.prepare()])
  const handleWithNext = nextApp.getRequestHandler()
  const answers = createAnswerStore({ ttlMs: 10_000 })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  app.use(helmet(securityHeaders({ dev })))
  app.use(accessLog({ clientOf: budgetClientOf, ignore: (req) => req.url.startsWith('/_next/'), logger: payload.logger }))
  const budget = costBudget({ collections: Object.keys(payload.collections), logger: payload.logger, secret: payload.secret })
  app.use(budget.identify)
  app.use(whileDemoLoads(() => demoLoading))
  app.use(vietnameseByDefault)
  // Before anything acts on a write: the admin's server actions and the website's forms too.
  app.use(refuseCrossSiteWrites)
  app.use(sameSiteRedirectParameters)
  app.use(forgetAnswersOnWrite(answers))
  app.use('/api/users/login', loginRateLimit)
  app.use('/api', apiRateLimit)
  app.use('/api', bodyLimits())
  // Files stream (videos up to 500 MB) and are never buffered for an ETag.
  app.use('/api', contentApiCaching({ except: /^\/(graphql|users|search\/token|media\/file)/, maxAgeSeconds: 60, store: answers, storeExcept: /^\/search/ }))
  // After the answers kept in memory: those cost next to nothing.
  app.use('/api', budget.charge)
  // No body parsers here: Payload reads the raw request bodies itself. GraphQL stays with Next.
  const answerRest = payloadRest(config)
  // Next keeps GraphQL and /og, the Open Graph image it adds to Payload's endpoints.
  app.use('/api', (req, res, next) => (/^\/(graphql|og$)/.test(req.path) ? next() : answerRest(req, res, next)))
  // Harvesters page through the whole catalogue: counted like API calls.
  app.use('/oai', apiRateLimit)
  app.use(standardsRoutes(payload))
  app.use((req, res) => handleWithNext(req, res))
  return { app, demoLoaded, nextApp, payload }
}

const starting = startApp()
let started: StartedApp | undefined
starting.then(
  (app) => {
    started = app
    // Built once the demo is in: building meanwhile would read a database that is still filling.
    void app.demoLoaded.then(() => beginIndexWarmup(app.payload))
    app.payload.logger.info(`Trường Số đang chạy tại http://localhost:${port} (admin: /admin, API: /api)`)
  },
  (error: unknown) => {
    console.error('Không khởi động được / failed to start:', error)
    process.exit(1)
  },
)

const front = express()
front.disable('x-powered-by')
front.set('trust proxy', trustProxy)
front.use(bodyDeadline())
front.use(
  healthRoutes([
    async () => (started ? undefined : 'starting'),
    async () => (demoLoading ? 'loading the demo content' : undefined),
    async () => databaseAnswers(started!.payload)(),
    async () => searchIndexComplete(started!.payload)(),
  ]),
)
front.use(clientAddressResolvedOnce)
front.use((req, res, next) => {
  starting.then(({ app }) => app(req, res, next), next)
})

const isTrustedProxy = front.get('trust proxy fn') as (address: string, hop: number) => boolean
const server = createLimitedServer(front, (address) => isTrustedProxy(address, 0)).listen(port)

// A terminal's Ctrl-C reaches every process of the group, so the signal also arrives forwarded by
// `npm start`'s launcher: later ones must not cut the graceful shutdown short.
let closing = false
const shutdown = (signal: string) => {
  if (closing) return
  closing = true
  console.info(`${signal}: closing connections`)
  const forceExit = setTimeout(() => process.exit(1), 10_000)
  forceExit.unref()
  // A connection whose answer was still being sent at the signal becomes idle later, and a client
  // that never reads its answer holds one open: the first are closed as they fall idle, the rest
  // after 5 s, so the shutdown ends cleanly before the forced exit.
  const sweep = setInterval(() => server.closeIdleConnections(), 100)
  sweep.unref()
  setTimeout(() => server.closeAllConnections(), 5_000).unref()
  server.close(async () => {
    clearInterval(sweep)
    await started?.nextApp.close?.()
    await started?.payload.destroy()
    started?.payload.logger.info('Máy chủ đã dừng / server stopped')
    process.exit(0)
  })
  server.closeIdleConnections()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
