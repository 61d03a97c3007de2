import type { Config } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import path from 'node:path'
import { buildConfig } from 'payload'
import { fileURLToPath } from 'node:url'

import { Announcements } from './collections/Announcements/index.js'
import { LearningMaterials } from './collections/LearningMaterials/index.js'
import { LibraryItems } from './collections/LibraryItems/index.js'
import { Media } from './collections/Media/index.js'
import { extractMediaText, mediaTextQueue } from './collections/Media/jobs/extractMediaText.js'
import { RegulatoryDocuments } from './collections/RegulatoryDocuments/index.js'
import { Users } from './collections/Users/index.js'
import { databaseAdapter } from './database.js'
import { accessQueryWithAdminAnswer } from './graphql/accessQuery.js'
import { applyMigrations } from './lib/migrate.js'
import { SchoolProfile } from './globals/SchoolProfile.js'
import { truongsoTranslations } from './i18n.js'
import { exposeScheduledMedia } from './jobs/exposeScheduledMedia.js'
import { localization } from './localization.js'
import { allowedOrigins } from './lib/allowedOrigins.js'
import { loggerSetting } from './lib/logging.js'
import { plugins } from './plugins/index.js'
import { maxUploadBytes } from './lib/uploads/allowlist.js'
import { sharpWithSafeLimits } from './lib/uploads/sanitizeImage.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    // No Gravatar: it would send a hash of every staff e-mail address to a third party.
    avatar: 'default',
    components: {
      afterDashboard: ['/components/ReindexSearchButton#ReindexSearchButton', '/components/FilesAndBackupStatus#FilesAndBackupStatus'],
      beforeDashboard: [
        '/components/dashboard/ReviewerPanel#ReviewerPanel',
        '/components/dashboard/TeacherPanel#TeacherPanel',
        '/components/dashboard/OfficePanel#OfficePanel',
        '/components/dashboard/AdminPanel#AdminPanel',
      ],
      afterNavLinks: ['/components/dashboard/ReviewQueueLink#ReviewQueueLink'],
      providers: ['/components/admin/AdminTextFixes#AdminTextFixes'],
    },
    // As Vietnamese write dates, in both languages: "30/11/2026 09:50", never "tháng 11 30 2026".
    dateFormat: 'dd/MM/yyyy HH:mm',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Trường Số' },
  },
  collections: [LearningMaterials, LibraryItems, Announcements, RegulatoryDocuments, Media, Users],
  globals: [SchoolProfile],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  localization,
  graphQL: {
    disableIntrospectionInProduction: true,
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
    queries: accessQueryWithAdminAnswer,
  },
  // Deep population multiplies queries; clients ask for what they show.
  maxDepth: 3,
  logger: loggerSetting(),
  // A query the database refused is the client's to simplify (see lib/queryRefused.ts). Payload
  // looks levels up by the error's name; its type lists only its own errors.
  loggingLevels: { QueryRefusedError: 'warn' } as Config['loggingLevels'],
  cors: allowedOrigins(),
  csrf: allowedOrigins(),
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
    translations: truongsoTranslations,
  },
  secret: process.env.PAYLOAD_SECRET ?? '',
  serverURL: process.env.SERVER_URL ?? '',
  plugins,
  sharp: sharpWithSafeLimits,
  upload: {
    limits: { fileSize: maxUploadBytes },
    abortOnLimit: true,
    responseOnLimit: 'Tệp vượt quá dung lượng cho phép / The file is larger than allowed',
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  jobs: {
    tasks: [exposeScheduledMedia, extractMediaText],
    autoRun: [
      { cron: '* * * * *', queue: 'default' },
      // Every second, a few files at a time: an uploaded plan is searchable moments after it is read.
      { cron: '* * * * * *', limit: 4, queue: mediaTextQueue },
    ],
  },
  // Before anything else reads the database (plugins' onInit run after this one).
  onInit: applyMigrations,
  telemetry: false,
})
