import type { Access, FlattenedField, GlobalConfig, SanitizedConfig, Where } from 'payload'

import { buildVersionGlobalFields } from 'payload'

import { hasRole } from '../../access/accessLevels.js'
import { UserFacingError } from '../../lib/errors.js'
import { crossesRelation } from '../../lib/fieldPaths.js'
import { translate } from '../../lib/translate.js'
import { refuseSortAcrossRelations, type SortArg } from './refusedSortPath.js'

const versionFieldsCache = new WeakMap<SanitizedConfig, Map<string, FlattenedField[]>>()

/** The fields of a global's versions (`version.…`), built once per configuration. */
const versionFieldsOf = (config: SanitizedConfig, slug: string): FlattenedField[] => {
  const cache = versionFieldsCache.get(config) ?? new Map<string, FlattenedField[]>()
  versionFieldsCache.set(config, cache)
  let fields = cache.get(slug)
  if (!fields) {
    fields = buildVersionGlobalFields(config, config.globals.find((each) => each.slug === slug)!, true)
    cache.set(slug, fields)
  }
  return fields
}

/** Every field path a `where` names, through its `and`/`or` branches. */
const wherePaths = (where: unknown): string[] =>
  where && typeof where === 'object'
    ? Object.entries(where as Where).flatMap(([key, value]) =>
        key === 'and' || key === 'or' ? (Array.isArray(value) ? value.flatMap(wherePaths) : []) : [key],
      )
    : []

/**
 * A global's versions get no `beforeOperation` hook from Payload 3.90, and a sort or filter
 * through a relationship there fails inside Payload's own query check with a 500. Their
 * `readVersions` rule runs first, with the request's query: a sort or filter that crosses a
 * relationship is refused there with a 400 that says which, as on collections. GraphQL and the
 * Local API pass their arguments past the request; Payload still refuses those, with an error.
 */
const refusingPathsAcrossRelations =
  (slug: string, rule: Access | undefined): Access =>
  (args) => {
    const { req } = args
    if (!hasRole(req.user, 'admin')) {
      const fields = versionFieldsOf(req.payload.config, slug)
      refuseSortAcrossRelations(req, req.query?.sort as SortArg, [fields])
      const filtered = wherePaths(req.query?.where).find((path) => crossesRelation(fields, path))
      if (filtered) throw new UserFacingError(translate(req, 'filterNotAllowed', { field: filtered }), 400)
    }
    return rule ? rule(args) : Boolean(req.user)
  }

/** The globals with versions, their `readVersions` rule guarded (see {@link refusingPathsAcrossRelations}). */
export const guardGlobalVersions = (globals: GlobalConfig[] = []): GlobalConfig[] =>
  globals.map((global) =>
    global.versions
      ? { ...global, access: { ...global.access, readVersions: refusingPathsAcrossRelations(global.slug, global.access?.readVersions) } }
      : global,
  )
