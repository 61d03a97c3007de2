import type { Plugin } from 'payload'

import { searchCollections } from '../search/collections.js'
import { searchFacetValues } from '../search/facetValues.js'
import { searchPlugin } from './search/index.js'

export const plugins: Plugin[] = [
  searchPlugin({ collections: searchCollections, facetValues: searchFacetValues }),
]
