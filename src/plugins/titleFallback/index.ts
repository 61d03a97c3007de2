import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, CollectionConfig, Config, Field, PaginatedDocs, PayloadRequest, TypedLocale } from 'payload'

type Row = Record<string, unknown> & { id: number | string }

const isLocalizedField = (fields: Field[], name: string): boolean =>
  fields.some((field) => 'name' in field && field.name === name && 'localized' in field && field.localized === true)

type Asked = { fallbackLocale: PayloadRequest['fallbackLocale']; locale: PayloadRequest['locale'] }

/**
 * The locale a read was asked in. Hooks that read related documents on the same request while it
 * runs leave `req.locale` and `req.fallbackLocale` changed (the Local API sets both on the request
 * it is given), so they are noted on the operation's arguments before it starts.
 */
const asked = Symbol('titleFallback.asked')

const noteLocale: CollectionBeforeOperationHook = ({ args, operation, req }) =>
  operation === 'read' ? { ...args, [asked]: { fallbackLocale: req.fallbackLocale, locale: req.locale } satisfies Asked } : args

/**
 * Payload's list view reads the chosen locale without fallback, so in the English admin a
 * material written only in Vietnamese is listed as "<No Title>". Rows without a title in the
 * locale shown get their title in the default locale, read in one query per page. Only the
 * admin's lists are touched (Local API `find` with fallback switched off): the edit view reads
 * with `findByID` and keeps the English field empty for its translator, and REST and GraphQL
 * answers stay exactly what their readers asked for.
 */
const titlesFromDefaultLocale =
  (titleField: string, defaultLocale: string): CollectionAfterOperationHook =>
  async ({ args, collection, operation, req, result }) => {
    const { fallbackLocale, locale } = ((args as Record<symbol, Asked | undefined>)[asked] ?? {}) as Partial<Asked>
    if (operation !== 'find' || req.payloadAPI !== 'local' || !locale || locale === defaultLocale || fallbackLocale) return result
    const page = result as PaginatedDocs<Row>
    const untitled = page.docs.filter((doc) => !doc[titleField])
    if (untitled.length === 0) return result
    // Not given `req`, which the Local API would switch to the default locale. Access is not asked
    // again because only rows the reader was just given are read, and only their title.
    const inDefault = await req.payload.find({
      collection: collection.slug,
      depth: 0,
      draft: (args as { draft?: boolean }).draft,
      fallbackLocale: false,
      locale: defaultLocale as TypedLocale,
      overrideAccess: true,
      pagination: false,
      select: { [titleField]: true },
      trash: (args as { trash?: boolean }).trash,
      where: { id: { in: untitled.map((doc) => doc.id) } },
    })
    const titles = new Map((inDefault.docs as unknown as Row[]).map((doc) => [doc.id, doc[titleField]]))
    for (const doc of untitled) if (titles.get(doc.id)) doc[titleField] = titles.get(doc.id)
    return result
  }

/** Lists in another admin language show the default locale's title where a document has none of its own. */
export const titleFallbackInLists =
  () =>
  (config: Config): Config => {
    const defaultLocale = config.localization ? config.localization.defaultLocale : undefined
    if (!defaultLocale) return config
    const withFallback = (collection: CollectionConfig): CollectionConfig => {
      const titleField = collection.admin?.useAsTitle
      if (!titleField || !isLocalizedField(collection.fields, titleField)) return collection
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          // Last of the collection's hooks: the locale is noted once every other hook has changed the arguments.
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), noteLocale],
          afterOperation: [...(collection.hooks?.afterOperation ?? []), titlesFromDefaultLocale(titleField, defaultLocale)],
        },
      }
    }
    return { ...config, collections: (config.collections ?? []).map(withFallback) }
  }
