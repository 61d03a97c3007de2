import type { Plugin } from 'payload'

import { searchCollections } from '../search/collections.js'
import { searchFacetValues } from '../search/facetValues.js'
import { isServerProcess } from '../lib/serverProcess.js'
import { guardSort } from './guardSort/index.js'
import { openAPIPlugin } from './openapi/index.js'
import { searchPlugin } from './search/index.js'

export const plugins: Plugin[] = [
  guardSort(),
  searchPlugin({ buildIndexOnInit: !isServerProcess(), collections: searchCollections, facetValues: searchFacetValues }),
  openAPIPlugin({ title: 'Trường Số API', version: '1.0.0' }),
]
