/**
 * Access levels and roles: the single source of truth shared by collection access,
 * field validation, file serving and search filters. Everything here is pure.
 */

/** Levels in increasing order of confidentiality. */
export const accessLevels = ['public', 'parents', 'staff', 'leadership'] as const
export type AccessLevel = (typeof accessLevels)[number]

export const roles = ['admin', 'reviewer', 'teacher', 'staff', 'parent'] as const
export type Role = (typeof roles)[number]

/** The smallest shape of a user the rules need, so pure checks work on any user object. */
export type RoleBearer = { id?: number | string; roles?: null | readonly string[] } | null | undefined

const highestLevelOfRole: Record<Role, AccessLevel> = {
  admin: 'leadership',
  reviewer: 'staff',
  teacher: 'staff',
  staff: 'staff',
  parent: 'parents',
}

export const isRole = (value: unknown): value is Role => roles.includes(value as Role)

export const isAccessLevel = (value: unknown): value is AccessLevel =>
  accessLevels.includes(value as AccessLevel)

/** True when the user holds at least one of the given roles. */
export const hasRole = (user: RoleBearer, ...wanted: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => wanted.includes(role as Role)))

/** The most confidential level the user may read; anonymous readers get `public`. */
export const highestLevelFor = (user: RoleBearer): AccessLevel => {
  const ranks = (user?.roles ?? [])
    .filter(isRole)
    .map((role) => accessLevels.indexOf(highestLevelOfRole[role]))
  return accessLevels[Math.max(0, ...ranks)]
}

/** Every level the user may read, from `public` up to their highest. */
export const levelsFor = (user: RoleBearer): AccessLevel[] =>
  accessLevels.slice(0, accessLevels.indexOf(highestLevelFor(user)) + 1)

export const canSeeLevel = (user: RoleBearer, level: unknown): boolean =>
  isAccessLevel(level) && levelsFor(user).includes(level)
