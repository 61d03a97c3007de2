import type { Access, AccessArgs, Where } from 'payload'

type AccessResult = Awaited<ReturnType<Access>>

const isWhere = (result: AccessResult): result is Where =>
  typeof result === 'object' && result !== null

/** Grants what any of the rules grants: `true` wins, `Where` results are OR-ed. */
export const anyOf =
  (...rules: Access[]): Access =>
  async (args: AccessArgs) => {
    const results = await Promise.all(rules.map((rule) => rule(args)))
    if (results.some((result) => result === true)) return true
    const wheres = results.filter(isWhere)
    if (wheres.length === 0) return false
    return wheres.length === 1 ? wheres[0] : { or: wheres }
  }

/** Grants only what every rule grants: `false` wins, `Where` results are AND-ed. */
export const allOf =
  (...rules: Access[]): Access =>
  async (args: AccessArgs) => {
    const results = await Promise.all(rules.map((rule) => rule(args)))
    if (results.some((result) => !result)) return false
    const wheres = results.filter(isWhere)
    if (wheres.length === 0) return true
    return wheres.length === 1 ? wheres[0] : { and: wheres }
  }

const prefixWhere = (where: Where, prefix: string): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or'
        ? [key, (value as Where[]).map((inner) => prefixWhere(inner, prefix))]
        : [`${prefix}${key}`, value],
    ),
  )

/**
 * Re-targets a document rule at the versions table, where every field sits under `version.`,
 * so `readVersions` follows exactly the rule that guards the live documents.
 */
export const onVersions =
  (rule: Access): Access =>
  async (args: AccessArgs) => {
    const result = await rule(args)
    return isWhere(result) ? prefixWhere(result, 'version.') : result
  }
