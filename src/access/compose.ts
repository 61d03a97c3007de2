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

/** Moves a document rule under `prefix`; a condition on the document's own `id` becomes one on `idPath`. */
const prefixWhere = (where: Where, prefix: string, idPath: string): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or'
        ? [key, (value as Where[]).map((inner) => prefixWhere(inner, prefix, idPath))]
        : [key === 'id' ? idPath : `${prefix}${key}`, value],
    ),
  )

const retarget =
  (rule: Access, prefix: string, idPath: string): Access =>
  async (args: AccessArgs) => {
    const result = await rule(args)
    return isWhere(result) ? prefixWhere(result, prefix, idPath) : result
  }

/**
 * Re-targets a document rule at the versions table, where every field sits under `version.`,
 * so a rule can be asked of what a version says (its level, author and status when written).
 */
export const onVersions = (rule: Access): Access => retarget(rule, 'version.', 'parent')

/**
 * Re-targets a document rule at the document a version belongs to, as it is now: the versions
 * table joins its `parent`, so a level raised since the version was written is the level that counts.
 */
export const onParent = (rule: Access): Access => retarget(rule, 'parent.', 'parent')

/**
 * `readVersions` for a drafted collection: a version is read by someone who may read the
 * document as it is now (`readDocument`) and the version itself (`readVersion`, asked of what the
 * version says). History never outlives a raised level or a changed owner.
 */
export const versionsReadableWhen = ({ readDocument, readVersion }: { readDocument: Access; readVersion: Access }): Access =>
  allOf(onVersions(readVersion), onParent(readDocument))
