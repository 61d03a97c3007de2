/**
 * Index settings as Meilisearch 1.19 validates, stores and echoes them.
 *
 * Every field is checked when the request arrives, before any task exists: a field the server
 * does not know is refused with 400 `bad_request`, a value of the wrong shape with 400 and the
 * field's own code (https://www.meilisearch.com/docs/reference/errors/error_codes, the
 * `invalid_settings_*` codes; `meilisearch-types/src/settings.rs`, whose struct denies unknown
 * fields). `null` resets a setting to its default ("Reset settings",
 * https://www.meilisearch.com/docs/reference/api/settings#reset-settings).
 */
import { type ApiError, apiError, isAtLeast } from './errors.js'

export type Settings = Record<string, unknown>

/** The settings of a new index ("Settings object", https://www.meilisearch.com/docs/reference/api/settings#settings-object). */
export const defaultSettings = (): Settings => ({
  displayedAttributes: ['*'],
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  stopWords: [],
  nonSeparatorTokens: [],
  separatorTokens: [],
  dictionary: [],
  synonyms: {},
  distinctAttribute: null,
  proximityPrecision: 'byWord',
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnWords: [],
    disableOnAttributes: [],
    disableOnNumbers: false,
  },
  // "Faceting object": 100 values, sorted in ascending lexicographical order.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  // "Pagination object": at most 1000 results per search.
  pagination: { maxTotalHits: 1000 },
  embedders: {},
  searchCutoffMs: null,
  localizedAttributes: null,
  facetSearch: true,
  prefixSearch: 'indexingTime',
})

/** The version that brought each setting; an older server refuses it as an unknown field (changelogs). */
const introducedIn: Record<string, string> = {
  localizedAttributes: '1.10.0',
  facetSearch: '1.12.0',
  prefixSearch: '1.12.0',
  'typoTolerance.disableOnNumbers': '1.15.0',
}

/** ISO 639-1 and 639-3 codes Meilisearch accepts as locales (`meilisearch-types/src/locales.rs`). */
export const locales = new Set(
  ('af afr ak aka am amh ar ara az aze be bel bn ben bg bul ca cat cs ces da dan de deu el ell en eng eo epo et est fi fin ' +
    'fr fra gu guj he heb hi hin hr hrv hu hun hy hye id ind it ita jv jav ja jpn kn kan ka kat km khm ko kor la lat lv ' +
    'lav lt lit ml mal mr mar mk mkd my mya ne nep nl nld nb nob or ori pa pan fa pes pl pol pt por ro ron ru rus si sin ' +
    'sk slk sl slv sn sna es spa sr srp sv swe ta tam te tel tl tgl th tha tk tuk tr tur uk ukr ur urd uz uzb vi vie yi ' +
    'yid zh zho zu zul cmn').split(' '),
)

const rankingRules = new Set(['words', 'typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'sort', 'exactness'])

type Check = (value: unknown) => string | undefined

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): boolean =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max

const strings: Check = (value) => (isStrings(value) ? undefined : 'expected an array of strings')

/** Unknown keys of a nested object, as `deny_unknown_fields` reports them. */
const unknownKey = (value: Record<string, unknown>, known: string[]): string | undefined => {
  const key = Object.keys(value).find((candidate) => !known.includes(candidate))
  return key === undefined ? undefined : `Unknown field \`${key}\`: expected one of ${known.map((name) => `\`${name}\``).join(', ')}`
}

const checks = (version: string): Record<string, { code: string; check: Check }> => ({
  displayedAttributes: { code: 'invalid_settings_displayed_attributes', check: strings },
  searchableAttributes: { code: 'invalid_settings_searchable_attributes', check: strings },
  filterableAttributes: {
    code: 'invalid_settings_filterable_attributes',
    // A name, or since 1.14 a rule `{ attributePatterns, features }` ("Filterable attribute object").
    check: (value) =>
      Array.isArray(value) &&
      value.every((rule) => typeof rule === 'string' || (isObject(rule) && isStrings(rule.attributePatterns)))
        ? undefined
        : 'expected an array of attribute names or filterable attribute objects',
  },
  sortableAttributes: { code: 'invalid_settings_sortable_attributes', check: strings },
  rankingRules: {
    code: 'invalid_settings_ranking_rules',
    check: (value) =>
      isStrings(value) && value.every((rule) => rankingRules.has(rule) || /^.+:(asc|desc)$/.test(rule))
        ? undefined
        : 'expected built-in ranking rules or `attribute:asc`/`attribute:desc`',
  },
  stopWords: { code: 'invalid_settings_stop_words', check: strings },
  nonSeparatorTokens: { code: 'invalid_settings_non_separator_tokens', check: strings },
  separatorTokens: { code: 'invalid_settings_separator_tokens', check: strings },
  dictionary: { code: 'invalid_settings_dictionary', check: strings },
  synonyms: {
    code: 'invalid_settings_synonyms',
    check: (value) => (isObject(value) && Object.values(value).every(isStrings) ? undefined : 'expected an object of string arrays'),
  },
  distinctAttribute: { code: 'invalid_settings_distinct_attribute', check: (value) => (typeof value === 'string' ? undefined : 'expected a string') },
  proximityPrecision: {
    code: 'invalid_settings_proximity_precision',
    check: (value) => (value === 'byWord' || value === 'byAttribute' ? undefined : 'expected `byWord` or `byAttribute`'),
  },
  typoTolerance: {
    code: 'invalid_settings_typo_tolerance',
    check: (value) => {
      if (!isObject(value)) return 'expected an object'
      const known = ['enabled', 'minWordSizeForTypos', 'disableOnWords', 'disableOnAttributes']
      if (isAtLeast(version, introducedIn['typoTolerance.disableOnNumbers'])) known.push('disableOnNumbers')
      const unknown = unknownKey(value, known)
      if (unknown) return unknown
      const sizes = value.minWordSizeForTypos
      if (sizes !== undefined && sizes !== null) {
        if (!isObject(sizes)) return '`minWordSizeForTypos` must be an object'
        const unknownSize = unknownKey(sizes, ['oneTypo', 'twoTypos'])
        if (unknownSize) return unknownSize
        for (const key of ['oneTypo', 'twoTypos']) {
          if (sizes[key] !== undefined && sizes[key] !== null && !isCount(sizes[key], 0, 255)) return `\`${key}\` must be between 0 and 255`
        }
        // "`twoTypos` should be greater or equals to `oneTypo`" (`validate_min_word_size_for_typo_setting`).
        if (typeof sizes.oneTypo === 'number' && typeof sizes.twoTypos === 'number' && sizes.oneTypo > sizes.twoTypos) {
          return '`minWordSizeForTypos` setting is invalid. `twoTypos` should be greater or equals to `oneTypo`'
        }
      }
      for (const key of ['enabled', 'disableOnNumbers']) {
        if (value[key] !== undefined && value[key] !== null && typeof value[key] !== 'boolean') return `\`${key}\` must be a boolean`
      }
      for (const key of ['disableOnWords', 'disableOnAttributes']) {
        if (value[key] !== undefined && value[key] !== null && !isStrings(value[key])) return `\`${key}\` must be an array of strings`
      }
      return undefined
    },
  },
  faceting: {
    code: 'invalid_settings_faceting',
    check: (value) => {
      if (!isObject(value)) return 'expected an object'
      const unknown = unknownKey(value, ['maxValuesPerFacet', 'sortFacetValuesBy'])
      if (unknown) return unknown
      if (value.maxValuesPerFacet !== undefined && value.maxValuesPerFacet !== null && !isCount(value.maxValuesPerFacet)) {
        return '`maxValuesPerFacet` must be a positive integer or zero'
      }
      const sortBy = value.sortFacetValuesBy
      if (sortBy !== undefined && sortBy !== null && !(isObject(sortBy) && Object.values(sortBy).every((order) => order === 'alpha' || order === 'count'))) {
        return '`sortFacetValuesBy` must map facets to `alpha` or `count`'
      }
      return undefined
    },
  },
  pagination: {
    code: 'invalid_settings_pagination',
    check: (value) => {
      if (!isObject(value)) return 'expected an object'
      const unknown = unknownKey(value, ['maxTotalHits'])
      if (unknown) return unknown
      // `NonZeroUsize`: zero is refused.
      if (value.maxTotalHits !== undefined && value.maxTotalHits !== null && !isCount(value.maxTotalHits, 1)) {
        return '`maxTotalHits` must be an integer greater than 0'
      }
      return undefined
    },
  },
  embedders: {
    code: 'invalid_settings_embedders',
    check: (value) => (isObject(value) && Object.keys(value).length === 0 ? undefined : 'embedders are not modelled by this fake'),
  },
  searchCutoffMs: { code: 'invalid_settings_search_cutoff_ms', check: (value) => (isCount(value) ? undefined : 'expected a positive integer') },
  localizedAttributes: {
    code: 'invalid_settings_localized_attributes',
    check: (value) =>
      Array.isArray(value) &&
      value.every(
        (rule) =>
          isObject(rule) &&
          !unknownKey(rule, ['attributePatterns', 'locales']) &&
          isStrings(rule.attributePatterns) &&
          isStrings(rule.locales) &&
          rule.locales.every((locale) => locales.has(locale)),
      )
        ? undefined
        : 'expected rules `{ attributePatterns: [...], locales: [...] }` with known locales',
  },
  facetSearch: { code: 'invalid_settings_facet_search', check: (value) => (typeof value === 'boolean' ? undefined : 'expected a boolean') },
  prefixSearch: {
    code: 'invalid_settings_prefix_search',
    check: (value) => (value === 'indexingTime' || value === 'disabled' ? undefined : 'expected `indexingTime` or `disabled`'),
  },
})

/**
 * Checks a settings update as the server does on receipt.
 * @returns the error Meilisearch answers with (400), or undefined when it would accept the update
 */
export const validateSettings = (update: unknown, version: string): ApiError | undefined => {
  if (!isObject(update)) return apiError('bad_request', 'Invalid value type: expected an object')
  const fields = checks(version)
  const known = Object.keys(fields).filter((key) => !introducedIn[key] || isAtLeast(version, introducedIn[key]))
  for (const [key, value] of Object.entries(update)) {
    if (!known.includes(key)) {
      return apiError('bad_request', `Unknown field \`${key}\`: expected one of ${known.map((name) => `\`${name}\``).join(', ')}`)
    }
    if (value === null) continue
    const problem = fields[key].check(value)
    if (problem) return apiError(fields[key].code, `Invalid value at \`.${key}\`: ${problem}`)
  }
  return undefined
}

const nested = ['typoTolerance', 'faceting', 'pagination']

/**
 * Applies a (valid) update: `null` resets, nested objects (`typoTolerance`, `faceting`,
 * `pagination`, and `minWordSizeForTypos` inside) update field by field, sets are stored sorted.
 */
export const applySettings = (current: Settings, update: Settings): Settings => {
  const next = structuredClone(current)
  const defaults = defaultSettings()
  for (const [key, value] of Object.entries(update)) {
    if (value === null) {
      next[key] = defaults[key]
    } else if (nested.includes(key)) {
      const before = next[key] as Record<string, unknown>
      const merged: Record<string, unknown> = { ...before }
      for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        const base = (defaults[key] as Record<string, unknown>)[field]
        if (fieldValue === null) merged[field] = base
        else if (isObject(fieldValue) && isObject(before[field])) merged[field] = { ...(before[field] as object), ...fieldValue }
        else merged[field] = fieldValue
      }
      next[key] = merged
    } else if (['sortableAttributes', 'stopWords', 'nonSeparatorTokens', 'separatorTokens', 'dictionary'].includes(key)) {
      next[key] = [...new Set(value as string[])].sort()
    } else if (key === 'displayedAttributes' || key === 'searchableAttributes') {
      next[key] = (value as string[]).includes('*') ? ['*'] : value
    } else {
      next[key] = value
    }
  }
  return next
}

/** The settings a GET answers for this server version (fields it does not know are absent). */
export const visibleSettings = (settings: Settings, version: string): Settings => {
  const visible = Object.fromEntries(
    Object.entries(settings).filter(([key]) => !introducedIn[key] || isAtLeast(version, introducedIn[key])),
  )
  if (!isAtLeast(version, introducedIn['typoTolerance.disableOnNumbers'])) {
    const { disableOnNumbers: _dropped, ...typo } = visible.typoTolerance as Record<string, unknown>
    visible.typoTolerance = typo
  }
  return visible
}

/** Whether `field` (`facets.type`) is reached by a filterable rule: the name, a parent, or a `*` pattern. */
export const matchesPattern = (pattern: string, field: string): boolean => {
  if (pattern.includes('*')) {
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
    return regex.test(field)
  }
  return field === pattern || field.startsWith(`${pattern}.`)
}

/** The attribute patterns of `filterableAttributes` (names or rules). */
export const filterablePatterns = (settings: Settings): string[] =>
  (settings.filterableAttributes as unknown[]).flatMap((rule) =>
    typeof rule === 'string' ? [rule] : ((rule as { attributePatterns: string[] }).attributePatterns ?? []),
  )
