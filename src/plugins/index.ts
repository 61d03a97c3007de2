import type { Plugin } from 'payload'

import { canEnterAdmin } from '../access/canEnterAdmin.js'
import { editorsOnlyField, publishersOnlyField } from '../access/fieldAccess.js'
import { isAdmin } from '../access/hasAnyRole.js'
import { nightlyBackups } from '../backup/plugin.js'
import { mediaInLists } from '../collections/Media/inLists.js'
import { searchCollections } from '../search/collections.js'
import { searchFacetValues } from '../search/facetValues.js'
import { isServerProcess, searchesInThisProcess } from '../lib/serverProcess.js'
import { atomicFiles } from './atomicFiles/index.js'
import { costLimits } from './costLimits/index.js'
import { guardSort } from './guardSort/index.js'
import { importExportPlugin } from './importExport/index.js'
import { internalCollections } from './internalCollections/index.js'
import { leanLists } from './leanLists/index.js'
import { openAPIPlugin } from './openapi/index.js'
import { searchPlugin } from './search/index.js'
import { auditPlugin } from './audit/index.js'
import { reviewPlugin } from './review/index.js'
import { trashPlugin } from './trash/index.js'
import { serverOnlyJobs } from './serverOnlyJobs.js'
import { standardsPlugin } from './standards/index.js'
import { titleFallbackInLists } from './titleFallback/index.js'
import { validateDrafts } from './validateDrafts/index.js'

const contentCollections = ['learning-materials', 'library-items', 'announcements', 'regulatory-documents', 'media'] as const

export const plugins: Plugin[] = [
  atomicFiles(),
  nightlyBackups(),
  // Before the guards: the limits and guards after it apply to the trash and the audit log as to the rest.
  trashPlugin({ collections: [...contentCollections] }),
  auditPlugin({ collections: [...contentCollections] }),
  reviewPlugin(),
  guardSort(),
  validateDrafts(),
  internalCollections(),
  costLimits(),
  searchPlugin({
    // The server builds it once it serves; a script that searches nothing, never.
    buildIndexOnInit: !isServerProcess() && searchesInThisProcess(),
    collections: searchCollections,
    facetValues: searchFacetValues,
    vocabulary: { access: { read: canEnterAdmin, readVersions: isAdmin, update: isAdmin } },
  }),
  standardsPlugin(),
  importExportPlugin({ collections: [...contentCollections.filter((slug) => slug !== 'media')] }),
  leanLists({
    collections: [...contentCollections],
    populate: { media: mediaInLists },
    readerOnlyRules: [editorsOnlyField, publishersOnlyField],
  }),
  openAPIPlugin({ title: 'Trường Số API', version: '1.0.0' }),
  titleFallbackInLists(),
  // Last: it decides for the crons every plugin before it configured.
  serverOnlyJobs(),
]
