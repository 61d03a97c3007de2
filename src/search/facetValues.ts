import type { FacetName } from '../plugins/search/engines/types.js'

import {
  ageGroupOptions,
  announcementCategoryOptions,
  documentTypeOptions,
  domainOptions,
  libraryItemTypeOptions,
  materialTypeOptions,
} from '../fields/options.js'

const values = (...lists: Array<Array<{ value: string }>>) => lists.flat().map((option) => option.value)

/**
 * The only values a search filter accepts; everything else is refused before reaching the engine.
 * Issuers are open-ended (any agency), so they are held to the shape of an issuer code instead.
 */
export const searchFacetValues: Partial<Record<FacetName, RegExp | string[]>> = {
  ageGroups: values(ageGroupOptions),
  category: values(announcementCategoryOptions),
  documentType: values(documentTypeOptions),
  domains: values(domainOptions),
  issuer: /^[\p{Lu}\d]{1,15}$/u,
  type: values(materialTypeOptions, libraryItemTypeOptions),
  year: /^(19|20)\d{2}$/,
}
