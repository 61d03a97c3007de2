/**
 * The access policy of Trường Số, written once as a short description and expanded into the
 * table every surface (Local API, REST, GraphQL) is checked against. Expectations live here and
 * nowhere else: the suites only observe what happened and compare it with a row.
 *
 * Nothing here is imported from `src/access`: the table is an independent statement of the
 * policy, so a wrong rule in the code cannot also make its own test pass.
 */

export const levels = ['public', 'parents', 'staff', 'leadership'] as const
export type Level = (typeof levels)[number]

export const actors = ['anonymous', 'parent', 'teacher', 'otherTeacher', 'reviewer', 'staff', 'admin'] as const
export type Actor = (typeof actors)[number]
export type SignedInActor = Exclude<Actor, 'anonymous'>

type Role = 'admin' | 'parent' | 'reviewer' | 'staff' | 'teacher'

/** The role each actor signs in with; the two teachers differ only in who owns the seeded documents. */
export const roleOf: Record<SignedInActor, Role> = {
  parent: 'parent',
  teacher: 'teacher',
  otherTeacher: 'teacher',
  reviewer: 'reviewer',
  staff: 'staff',
  admin: 'admin',
}

/** Every seeded document (draft or published, every collection) is authored by this actor. */
export const owner: Actor = 'teacher'

const upTo = (highest: Level): Level[] => levels.slice(0, levels.indexOf(highest) + 1)

/** levelsFor(actor): the levels each actor may read. */
export const levelsOf: Record<Actor, readonly Level[]> = {
  anonymous: upTo('public'),
  parent: upTo('parents'),
  teacher: upTo('staff'),
  otherTeacher: upTo('staff'),
  reviewer: upTo('staff'),
  staff: upTo('staff'),
  admin: upTo('leadership'),
}

export const mayRead = (actor: Actor, level: Level): boolean => levelsOf[actor].includes(level)

/**
 * How far an editor's hand reaches: every document at a level she may read, or only her own
 * documents among those. A level is a ceiling for everyone, owners included: the field itself
 * says "nobody may file a document where they could not read it".
 */
type Reach = 'own, within reach' | 'within reach'

/**
 * `published`/`draft` exist in every drafted collection; announcements add `scheduled` (published,
 * `publishedAt` in the future) and `expired` (published, `expiresAt` past).
 */
export type State = 'draft' | 'expired' | 'published' | 'scheduled'

type ContentPolicy = {
  /** The noun test names use. */
  noun: string
  /** The states seeded for reading; media has no drafts and is seeded as a plain stored file. */
  states: readonly State[] | null
  create: readonly Role[]
  /** Who may leave a document published; `null` for media, which has no drafts. */
  publish: readonly Role[] | null
  /** Who reads drafts, reads versions, updates and deletes, and how far. */
  edit: Partial<Record<Role, Reach>>
}

const office: Role[] = ['staff', 'admin']

export const contentPolicy = {
  'learning-materials': {
    noun: 'learning material',
    states: ['published', 'draft'],
    create: ['teacher', 'reviewer', 'admin'],
    publish: ['reviewer', 'admin'],
    edit: { admin: 'within reach', reviewer: 'within reach', teacher: 'own, within reach' },
  },
  'library-items': {
    noun: 'library item',
    states: ['published', 'draft'],
    create: ['staff', 'reviewer', 'admin'],
    publish: ['reviewer', 'admin'],
    edit: { admin: 'within reach', reviewer: 'within reach', staff: 'within reach' },
  },
  announcements: {
    noun: 'announcement',
    states: ['published', 'draft', 'scheduled', 'expired'],
    create: office,
    publish: office,
    edit: { admin: 'within reach', staff: 'within reach' },
  },
  'regulatory-documents': {
    noun: 'regulatory document',
    states: ['published', 'draft'],
    create: office,
    publish: office,
    edit: { admin: 'within reach', staff: 'within reach' },
  },
  media: {
    noun: 'file',
    states: null,
    create: ['teacher', 'reviewer', 'staff', 'admin'],
    publish: null,
    // Office staff keep the school's file library; every uploader manages her own files.
    edit: { admin: 'within reach', staff: 'within reach', teacher: 'own, within reach', reviewer: 'own, within reach' },
  },
} satisfies Record<string, ContentPolicy>

export type ContentSlug = keyof typeof contentPolicy
export const contentSlugs = Object.keys(contentPolicy) as ContentSlug[]

const policyOf = (slug: ContentSlug): ContentPolicy => contentPolicy[slug]
const roleOfActor = (actor: Actor): Role | undefined => (actor === 'anonymous' ? undefined : roleOf[actor])
const hasRole = (actor: Actor, roles: readonly Role[] | null): boolean => {
  const role = roleOfActor(actor)
  return role !== undefined && (roles ?? []).includes(role)
}

/** Whether the actor edits (and so reads in every state) the owner's document at this level. */
export const edits = (slug: ContentSlug, actor: Actor, level: Level): boolean => {
  const role = roleOfActor(actor)
  const reach = role && policyOf(slug).edit[role]
  if (!reach || !mayRead(actor, level)) return false
  return reach === 'within reach' || actor === owner
}

/** Anyone who may publish in some collection; everyone else's files stay with the staff until published. */
const publishesSomewhere = (actor: Actor): boolean =>
  contentSlugs.some((slug) => hasRole(actor, policyOf(slug).publish))

/**
 * The level a writer may give a document: at most her own, and for a file, beyond the staff
 * (parents, public) only when she may publish: a file reaches readers unreviewed otherwise.
 */
const mayGiveLevel = (slug: ContentSlug, actor: Actor, level: Level): boolean =>
  mayRead(actor, level) && (slug !== 'media' || publishesSomewhere(actor) || !['public', 'parents'].includes(level))

/** What every reader of the level sees: published and out, in a list or opened directly. */
const visibleToReaders = (state: State | undefined, inList: boolean): boolean =>
  state === undefined ||
  state === 'published' ||
  // An expired announcement leaves the lists but still opens from a direct link.
  (state === 'expired' && !inList)

export type Outcome =
  /** The operation happened (reads: the document is returned or listed). */
  | 'allowed'
  /** A read that returns nothing: absent from the list, 404, or 403 when the reader has no rule at all. */
  | 'hidden'
  /** A write refused with 403, nothing written. */
  | 'forbidden'
  /** A write refused with a validation error (400), nothing written. */
  | 'invalid'
  /** A write that answers 200 but leaves the protected field as it was (field-level access). */
  | 'ignored'

export type ContentOperation =
  | 'create'
  | 'createPublished'
  | 'delete'
  | 'deleteForGood'
  | 'download'
  | 'find'
  | 'findByID'
  | 'findTrashed'
  | 'publish'
  | 'raiseLevel'
  | 'readVersionByID'
  | 'readVersions'
  | 'readVersionsOfRaised'
  | 'restore'
  | 'update'
export type UserOperation = 'admin' | 'create' | 'delete' | 'find' | 'findByID' | 'unlock' | 'update' | 'updateRoles'
export type GlobalOperation = 'read' | 'readVersions' | 'update'

export type ContentRow = {
  kind: 'content'
  collection: ContentSlug
  operation: ContentOperation
  actor: Actor
  /** The level of the document acted on (for `raiseLevel`, the level asked for). */
  level: Level
  /** The state of the document read; writes act on a draft (media: a stored file). */
  state?: State
  outcome: Outcome
  allowed: boolean
  name: string
}

export type UserRow = {
  kind: 'users'
  collection: 'users'
  operation: UserOperation
  actor: Actor
  /** Whose account; absent for `create` and `admin`. */
  target?: 'other' | 'self'
  outcome: Outcome
  allowed: boolean
  name: string
}

/** Who reads a global (`everyone`, or these roles) and who changes it and reads its versions. */
type GlobalPolicy = { noun: string; read: 'everyone' | readonly Role[]; edit: readonly Role[] }

export const globalPolicy = {
  'school-profile': { noun: 'the school profile', read: 'everyone', edit: office },
  // The search words are no secret, but only the school's staff have a use for the list; a
  // change alters every reader's search, so only administrators make it.
  'search-vocabulary': { noun: 'the search synonyms and abbreviations', read: ['teacher', 'reviewer', 'staff', 'admin'], edit: ['admin'] },
} satisfies Record<string, GlobalPolicy>

export type GlobalSlug = keyof typeof globalPolicy
export const globalSlugs = Object.keys(globalPolicy) as GlobalSlug[]

export type GlobalRow = {
  kind: 'global'
  collection: GlobalSlug
  operation: GlobalOperation
  actor: Actor
  outcome: Outcome
  allowed: boolean
  name: string
}

/**
 * The collections Payload adds to ours, and our mail kept unsent: written by the system only. Each
 * is declared by us, so each has rows: what a lock reveals and who may lift it, whose preferences
 * are whose, nothing of the system's own, and unsent mail for administrators only.
 */
export const internalSlugs = ['payload-locked-documents', 'payload-preferences', 'payload-jobs', 'payload-kv', 'payload-migrations', 'unsent-mail'] as const
export type InternalSlug = (typeof internalSlugs)[number]
export type InternalOperation = 'create' | 'delete' | 'find' | 'findByID' | 'update'

/**
 * What the row acts on. Locks: one held by someone else on a leadership announcement, or on the
 * owner teacher's staff-level draft material. Preferences: another account's, or the actor's own.
 * Jobs, key-value entries and migrations: the system's.
 */
export type InternalSubject = 'leadershipLock' | 'materialLock' | 'othersPreference' | 'ownPreference' | 'system' | 'unsentMail'

export type InternalRow = {
  kind: 'internal'
  collection: InternalSlug
  operation: InternalOperation
  actor: Actor
  subject: InternalSubject
  outcome: Outcome
  allowed: boolean
  name: string
}

export type Row = ContentRow | GlobalRow | InternalRow | UserRow

/** The first refusal that applies wins: authorisation (403) is checked before validation (400). */
const firstRefusal = (...checks: Array<[boolean, Outcome]>): Outcome =>
  checks.find(([passes]) => !passes)?.[1] ?? 'allowed'

const contentOutcome = (
  slug: ContentSlug,
  operation: ContentOperation,
  actor: Actor,
  level: Level,
  state?: State,
): Outcome => {
  const policy = policyOf(slug)
  switch (operation) {
    case 'download':
    case 'find':
    case 'findByID':
      return edits(slug, actor, level) || (mayRead(actor, level) && visibleToReaders(state, operation === 'find'))
        ? 'allowed'
        : 'hidden'
    case 'readVersions':
    case 'readVersionByID':
    // The trash is for those who may restore what is in it; readers never reach it.
    case 'findTrashed':
      return edits(slug, actor, level) ? 'allowed' : 'hidden'
    case 'readVersionsOfRaised':
      // A version is read by someone who may read the document as it is now (raised to leadership)
      // and the version itself (written at `level`).
      return edits(slug, actor, level) && edits(slug, actor, 'leadership') ? 'allowed' : 'hidden'
    case 'create':
      return firstRefusal([hasRole(actor, policy.create), 'forbidden'], [mayGiveLevel(slug, actor, level), 'invalid'])
    case 'createPublished':
      return firstRefusal(
        [hasRole(actor, policy.create), 'forbidden'],
        [hasRole(actor, policy.publish), 'forbidden'],
        [mayGiveLevel(slug, actor, level), 'invalid'],
      )
    case 'update':
    // Deleting moves to the trash; whoever may edit a document may move it there and back.
    case 'delete':
    case 'restore':
      return edits(slug, actor, level) ? 'allowed' : 'forbidden'
    // Nothing leaves the records in one step: only an admin deletes for good, from the trash.
    case 'deleteForGood':
      return isAdmin(actor) ? 'allowed' : 'forbidden'
    case 'raiseLevel':
      // The document starts public; the actor asks for `level`.
      return firstRefusal([edits(slug, actor, 'public'), 'forbidden'], [mayGiveLevel(slug, actor, level), 'invalid'])
    case 'publish':
      return firstRefusal([edits(slug, actor, level), 'forbidden'], [hasRole(actor, policy.publish), 'forbidden'])
  }
}

const isAdmin = (actor: Actor): boolean => actor === 'admin'

const userOutcome = (operation: UserOperation, actor: Actor, target?: 'other' | 'self'): Outcome => {
  const self = target === 'self'
  switch (operation) {
    case 'find':
    case 'findByID':
      return isAdmin(actor) || self ? 'allowed' : 'hidden'
    case 'update':
      return isAdmin(actor) || self ? 'allowed' : 'forbidden'
    case 'updateRoles':
      // Field access: a user may save her own account, but `roles` is dropped unless she is an admin.
      return isAdmin(actor) ? 'allowed' : self ? 'ignored' : 'forbidden'
    case 'create':
    case 'delete':
    case 'unlock':
      return isAdmin(actor) ? 'allowed' : 'forbidden'
    case 'admin':
      return actor === 'anonymous' || actor === 'parent' ? 'forbidden' : 'allowed'
  }
}

const globalOutcome = (slug: GlobalSlug, operation: GlobalOperation, actor: Actor): Outcome => {
  const policy: GlobalPolicy = globalPolicy[slug]
  const editor = hasRole(actor, policy.edit)
  switch (operation) {
    case 'read':
      return policy.read === 'everyone' || hasRole(actor, policy.read) ? 'allowed' : 'hidden'
    case 'update':
      return editor ? 'allowed' : 'forbidden'
    case 'readVersions':
      return editor ? 'allowed' : 'hidden'
  }
}

const actorNames: Record<Actor, string> = {
  anonymous: 'an anonymous visitor',
  parent: 'a parent',
  teacher: 'the teacher who owns the documents',
  otherTeacher: 'another teacher',
  reviewer: 'a reviewer',
  staff: 'office staff',
  admin: 'an admin',
}

const outcomeNames: Record<Outcome, string> = {
  allowed: 'allowed',
  hidden: 'hidden',
  forbidden: 'forbidden (403)',
  invalid: 'refused as invalid (400)',
  ignored: 'accepted but ignored',
}

const contentName = (row: Omit<ContentRow, 'allowed' | 'name'>): string => {
  const { noun } = policyOf(row.collection)
  const at = `${row.level}-level`
  const what = row.state ? `a ${row.state} ${at} ${noun}` : `a ${at} ${noun}`
  const owned = row.collection === 'media' ? `the teacher's ${at} ${noun}` : `the teacher's draft ${at} ${noun}`
  const phrase: Record<ContentOperation, string> = {
    find: `finds ${what} in the list`,
    findByID: `opens ${what} by id`,
    download: `downloads ${what}`,
    readVersions: `reads the versions of ${what}`,
    readVersionByID: `opens the latest version of ${what} by id`,
    readVersionsOfRaised: `reads the versions of the teacher's ${at} ${noun} since raised to leadership`,
    create: `creates a ${at} ${noun}${policyOf(row.collection).publish ? ' as a draft' : ''}`,
    createPublished: `creates a ${at} ${noun} already published`,
    update: `edits ${owned}`,
    raiseLevel: `raises the teacher's public ${noun} to ${row.level}`,
    publish: `publishes ${owned}`,
    delete: `deletes ${owned}, which moves it to the trash`,
    findTrashed: `finds ${owned} in the trash`,
    restore: `restores ${owned} from the trash`,
    deleteForGood: `deletes ${owned} for good from the trash`,
  }
  return `${actorNames[row.actor]} ${phrase[row.operation]}`
}

const userName = (row: Omit<UserRow, 'allowed' | 'name'>): string => {
  const account = row.target === 'self' ? 'their own account' : 'another account'
  const phrase: Record<UserOperation, string> = {
    find: `finds ${account} in the user list`,
    findByID: `opens ${account} by id`,
    update: `renames ${account}`,
    updateRoles: `changes the roles of ${account}`,
    create: 'creates an account',
    delete: `deletes ${account}`,
    unlock: `unlocks ${account}`,
    admin: 'enters the admin panel',
  }
  return `${actorNames[row.actor]} ${phrase[row.operation]}`
}

const globalName = (row: Omit<GlobalRow, 'allowed' | 'name'>): string => {
  const { noun } = globalPolicy[row.collection]
  const phrase: Record<GlobalOperation, string> = {
    read: `reads ${noun}`,
    update: `updates ${noun}`,
    readVersions: `reads the versions of ${noun}`,
  }
  return `${actorNames[row.actor]} ${phrase[row.operation]}`
}

const finish = <R extends Row>(row: Omit<R, 'allowed' | 'name'>, sentence: string): R =>
  ({ ...row, allowed: row.outcome === 'allowed', name: `${sentence}: ${outcomeNames[row.outcome]}` }) as R

type ContentRowKey = Pick<ContentRow, 'actor' | 'collection' | 'level' | 'operation' | 'state'>

const contentRows = (): ContentRow[] =>
  contentSlugs.flatMap((collection) => {
    const { publish, states } = policyOf(collection)
    // A file's bytes are read through a route of their own, guarded by the same rule.
    const readOps: ContentOperation[] = states
      ? ['find', 'findByID', 'readVersions', 'readVersionByID', 'readVersionsOfRaised']
      : ['find', 'findByID', 'download']
    const trashOps: ContentOperation[] = ['findTrashed', 'restore', 'deleteForGood']
    const writeOps: ContentOperation[] = publish
      ? ['create', 'createPublished', 'update', 'raiseLevel', 'publish', 'delete', ...trashOps]
      : ['create', 'update', 'raiseLevel', 'delete', ...trashOps]
    return actors.flatMap((actor) => [
      ...readOps.flatMap((operation) =>
        (operation === 'readVersions' || operation === 'readVersionByID'
          ? (['published', 'draft'] as State[])
          : operation === 'readVersionsOfRaised'
            ? [undefined]
            : (states ?? [undefined])
        ).flatMap((state) =>
          // Raising a leadership document to leadership changes nothing that could be observed.
          (operation === 'readVersionsOfRaised' ? levels.slice(0, -1) : levels).map((level): ContentRowKey => ({ collection, operation, actor, level, state })),
        ),
      ),
      ...writeOps.flatMap((operation) =>
        // Raising a public document to public changes nothing that could be observed.
        (operation === 'raiseLevel' ? levels.slice(1) : levels).map((level): ContentRowKey => ({ collection, operation, actor, level })),
      ),
    ])
  }).map((row) => {
    const withOutcome = { kind: 'content' as const, ...row, outcome: contentOutcome(row.collection, row.operation, row.actor, row.level, row.state) }
    return finish<ContentRow>(withOutcome, contentName(withOutcome))
  })

const userRows = (): UserRow[] => {
  const targeted: UserOperation[] = ['find', 'findByID', 'update', 'updateRoles', 'delete']
  return actors.flatMap((actor) => {
    // An anonymous visitor has no account of her own.
    const targets = actor === 'anonymous' ? (['other'] as const) : (['self', 'other'] as const)
    const rows: Array<Omit<UserRow, 'allowed' | 'name' | 'outcome'>> = [
      ...targeted.flatMap((operation) =>
        targets
          // The admin deleting herself would leave the rest of the suite without an admin.
          .filter((target) => !(operation === 'delete' && target === 'self' && actor === 'admin'))
          .map((target) => ({ kind: 'users' as const, collection: 'users' as const, operation, actor, target })),
      ),
      { kind: 'users', collection: 'users', operation: 'unlock', actor, target: 'other' },
      { kind: 'users', collection: 'users', operation: 'create', actor },
      { kind: 'users', collection: 'users', operation: 'admin', actor },
    ]
    return rows.map((row) => {
      const withOutcome = { ...row, outcome: userOutcome(row.operation, row.actor, row.target) }
      return finish<UserRow>(withOutcome, userName(withOutcome))
    })
  })
}

const globalRows = (): GlobalRow[] =>
  globalSlugs.flatMap((collection) =>
    actors.flatMap((actor) =>
      (['read', 'update', 'readVersions'] as const).map((operation) => {
        const row = { kind: 'global' as const, collection, operation, actor, outcome: globalOutcome(collection, operation, actor) }
        return finish<GlobalRow>(row, globalName(row))
      }),
    ),
  )

/** Who may act on a lock: whoever may edit what it locks (a lock is never made through the API). */
const mayTouchLock = (actor: Actor, subject: InternalSubject): boolean =>
  subject === 'leadershipLock' ? edits('announcements', actor, 'leadership') : edits('learning-materials', actor, 'staff')

const internalOutcome = (operation: InternalOperation, actor: Actor, subject: InternalSubject): Outcome => {
  const reads = operation === 'find' || operation === 'findByID'
  const refused: Outcome = reads ? 'hidden' : 'forbidden'
  switch (subject) {
    case 'leadershipLock':
    case 'materialLock':
      return operation !== 'create' && mayTouchLock(actor, subject) ? 'allowed' : refused
    case 'ownPreference':
      return 'allowed'
    case 'othersPreference':
      return operation === 'create' && actor !== 'anonymous' ? 'allowed' : refused
    case 'system':
      return refused
    // Administrators read it and delete what they have handled; only the mail job writes it.
    case 'unsentMail':
      return isAdmin(actor) && (reads || operation === 'delete') ? 'allowed' : refused
  }
}

const subjectNames: Record<InternalSubject, string> = {
  leadershipLock: "another user's lock on a leadership announcement",
  materialLock: "another user's lock on the teacher's staff-level draft material",
  othersPreference: "another account's admin preference",
  ownPreference: 'their own admin preference',
  system: 'an entry',
  unsentMail: 'a mail kept unsent',
}

const internalName = (row: Omit<InternalRow, 'allowed' | 'name'>): string => {
  const what = `${subjectNames[row.subject]} of ${row.collection}`
  const phrase: Record<InternalOperation, string> = {
    find: `finds ${what} in the list`,
    findByID: `opens ${what} by id`,
    create:
      row.subject === 'othersPreference' ? `creates an admin preference in ${row.collection}` : row.subject === 'system' || row.subject === 'unsentMail' ? `creates an entry in ${row.collection}` : `locks ${subjectNames[row.subject].replace("another user's lock on ", '')}`,
    update: row.subject.endsWith('Lock') ? `takes over ${what}` : `changes ${what}`,
    delete: row.subject.endsWith('Lock') ? `releases ${what}` : `deletes ${what}`,
  }
  return `${actorNames[row.actor]} ${phrase[row.operation]}`
}

const subjectsOf: Record<InternalSlug, readonly InternalSubject[]> = {
  'payload-locked-documents': ['leadershipLock', 'materialLock'],
  'payload-preferences': ['othersPreference', 'ownPreference'],
  'payload-jobs': ['system'],
  'payload-kv': ['system'],
  'payload-migrations': ['system'],
  'unsent-mail': ['unsentMail'],
}

const internalRows = (): InternalRow[] =>
  internalSlugs.flatMap((collection) =>
    actors.flatMap((actor) =>
      subjectsOf[collection]
        // An anonymous visitor has no preferences of her own; creating one is a row of its own.
        .filter((subject) => !(subject === 'ownPreference' && actor === 'anonymous'))
        .flatMap((subject) =>
          (['find', 'findByID', 'create', 'update', 'delete'] as const)
            // Creating is one row per collection: for preferences, under "another account's".
            .filter((operation) => !(operation === 'create' && (subject === 'ownPreference' || subject === 'materialLock')))
            .map((operation) => {
              const row = { kind: 'internal' as const, collection, operation, actor, subject, outcome: internalOutcome(operation, actor, subject) }
              return finish<InternalRow>(row, internalName(row))
            }),
        ),
    ),
  )

/** The whole access matrix: one row per collection, operation, actor, level (and state or target). */
export const matrix: readonly Row[] = [...contentRows(), ...userRows(), ...globalRows(), ...internalRows()]

/** The collections in the order suites group them. */
export const matrixCollections = [...contentSlugs, 'users', ...globalSlugs, ...internalSlugs] as const

/**
 * Import and export (`src/plugins/importExport`). They are REST endpoints with no Local API or
 * GraphQL form, so these rows are checked over REST only, by `tests/importExport`. Exporting and
 * importing whole collections is the administrators'; the catalogue import is for whoever creates
 * library items, and publishing what it imports for whoever publishes them.
 */
export const importExportPolicy = {
  'export a collection': ['admin'],
  'import a collection': ['admin'],
  'import a catalogue as drafts': contentPolicy['library-items'].create,
  'import a catalogue published': contentPolicy['library-items'].publish,
} as const satisfies Record<string, readonly Role[]>

export type ImportExportOperation = keyof typeof importExportPolicy

/** Whether the actor may call the endpoint: `unauthenticated` for anonymous callers, who are asked to sign in. */
export const importExportOutcome = (operation: ImportExportOperation, actor: Actor): 'allowed' | 'forbidden' | 'unauthenticated' =>
  actor === 'anonymous' ? 'unauthenticated' : (importExportPolicy[operation] as readonly Role[]).includes(roleOf[actor]) ? 'allowed' : 'forbidden'
