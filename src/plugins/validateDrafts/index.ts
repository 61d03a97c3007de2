import type { CollectionConfig, Config, Field, Validate } from 'payload'

import { validations } from 'payload'

type DataField = Extract<Field, { name: string }>

/** The save leaves the document a draft: Payload has already set `_status` for a draft save. */
const savesDraft = (options: Parameters<Validate>[1]): boolean =>
  (options.data as { _status?: unknown } | undefined)?._status !== 'published'

/**
 * A required field's rule with required-ness lifted while the save leaves a draft: the field's own
 * rule (or Payload's default for its type) still checks its value, its options, its format.
 */
const requiredWhenPublished = (field: DataField): Field => {
  const own = ('validate' in field ? field.validate : undefined) as Validate | undefined
  const byType = (validations as unknown as Record<string, Validate | undefined>)[field.type]
  const rule = own ?? byType
  if (!rule) return field
  const validate: Validate = (value, options) => rule(value, savesDraft(options) ? { ...options, required: false } : options)
  return { ...field, validate } as Field
}

const relaxRequired = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const nested = 'fields' in field ? { ...field, fields: relaxRequired(field.fields) } : field
    const withTabs =
      nested.type === 'tabs' ? { ...nested, tabs: nested.tabs.map((tab) => ({ ...tab, fields: relaxRequired(tab.fields) })) } : nested
    const withBlocks =
      withTabs.type === 'blocks' && withTabs.blocks
        ? { ...withTabs, blocks: withTabs.blocks.map((block) => ({ ...block, fields: relaxRequired(block.fields) })) }
        : withTabs
    return 'name' in withBlocks && 'required' in withBlocks && withBlocks.required ? requiredWhenPublished(withBlocks) : withBlocks
  }) as Field[]

const hasDrafts = (collection: CollectionConfig): boolean =>
  typeof collection.versions === 'object' && Boolean(collection.versions.drafts)

/**
 * Payload's `drafts.validate: false` skips every field rule on a draft save: levels, allowed values,
 * URL schemes, ISBNs all went unchecked, and what a draft holds is served the moment it is published
 * (or read by editors meanwhile). Every drafted collection is validated on every save instead;
 * only completeness (required fields) waits until the save publishes.
 */
export const validateDrafts =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      if (!hasDrafts(collection)) return collection
      const versions = collection.versions as Exclude<CollectionConfig['versions'], boolean | undefined>
      const drafts = typeof versions.drafts === 'object' ? versions.drafts : {}
      return { ...collection, versions: { ...versions, drafts: { ...drafts, validate: true } }, fields: relaxRequired(collection.fields) }
    }),
  })
