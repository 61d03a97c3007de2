/** Vietnamese labels for the stored option values, read from the content model's own vocabularies. */
import {
  accessLevelOptions,
  ageGroupOptions,
  announcementCategoryOptions,
  documentDirectionOptions,
  documentRelationOptions,
  documentTypeOptions,
  domainOptions,
  languageOptions,
  libraryItemTypeOptions,
  materialTypeOptions,
  validityStatusOptions,
} from '../fields/options.js'

export type Choice = { label: string; value: string }

type Option = { label: { vi: string }; value: string }

const choices = (options: Option[]): Choice[] => options.map(({ label, value }) => ({ label: label.vi, value }))

export const vocabularies = {
  accessLevel: choices(accessLevelOptions),
  ageGroup: choices(ageGroupOptions),
  category: choices(announcementCategoryOptions),
  direction: choices(documentDirectionOptions),
  documentType: choices(documentTypeOptions),
  domain: choices(domainOptions),
  language: choices(languageOptions),
  libraryItemType: choices(libraryItemTypeOptions),
  materialType: choices(materialTypeOptions),
  relation: choices(documentRelationOptions),
  validity: choices(validityStatusOptions),
} satisfies Record<string, Choice[]>

export type Vocabulary = keyof typeof vocabularies

/** The label of `value` in a vocabulary; the value itself when unknown (never an empty string). */
export const labelOf = (vocabulary: Vocabulary, value: null | string | undefined): string =>
  vocabularies[vocabulary].find((choice) => choice.value === value)?.label ?? value ?? ''

/** Whether `value` belongs to the vocabulary: filters taken from the URL are checked with it. */
export const isKnown = (vocabulary: Vocabulary, value: unknown): value is string =>
  vocabularies[vocabulary].some((choice) => choice.value === value)
