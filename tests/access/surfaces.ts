/**
 * The three ways a request reaches Payload. Each surface turns a `Call` into an `Answer` (a status
 * and, for reads, whether the document came back) and knows nothing of what it should be.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import { graphql, rest } from '../helpers/api.js'
import type { GlobalSlug, Outcome, Row } from './matrix.js'
import type { Call, Id, Session } from './world.js'

export type Answer = {
  status: number
  /** For reads: the document was returned, listed, or (versions) has versions; admin: may enter. */
  seen?: boolean
  message?: string
}

export type Surface = {
  name: string
  /** A row the surface has no way of expressing, with the reason; every other row runs. */
  cannot?: (row: Row) => string | undefined
  answer: (payload: Payload, call: Call, session: Session) => Promise<Answer>
}

const reads = new Set<Call['kind']>(['download', 'find', 'findByID', 'readVersionByID', 'readVersions', 'readGlobal', 'readGlobalVersions'])

/** Whether a global came back with what the world seeded in it (not an empty or withheld answer). */
const globalReturned: Record<GlobalSlug, (body: Record<string, unknown>) => boolean> = {
  'school-profile': (body) => Boolean(body.name),
  'search-vocabulary': (body) => Array.isArray(body.abbreviations) && body.abbreviations.length > 0,
}

/** GraphQL names Payload derives from the globals' slugs, and what a query selects of each. */
const globalGraphQL: Record<GlobalSlug, { name: string; selection: string }> = {
  'school-profile': { name: 'SchoolProfile', selection: '{ name }' },
  'search-vocabulary': { name: 'SearchVocabulary', selection: '{ abbreviations { abbreviation } }' },
}

const onlyRestServesFiles = (row: Row): string | undefined =>
  row.operation === 'download' ? "a file's bytes are served only by the REST file route" : undefined

/**
 * What the answer and the database together say happened, in the table's vocabulary; anything
 * else comes back as a description, so a mismatch reads plainly in the failure.
 */
export const observe = (call: Call, answer: Answer, written: boolean | undefined): Outcome | string => {
  const { status } = answer
  const ok = status >= 200 && status < 300
  const unexpected = `status ${status}${answer.message ? `: ${answer.message}` : ''}`
  if (call.kind === 'canEnterAdmin') return ok ? (answer.seen ? 'allowed' : 'forbidden') : unexpected
  if (reads.has(call.kind)) {
    if (ok) return answer.seen ? 'allowed' : 'hidden'
    return status === 403 || status === 404 ? 'hidden' : unexpected
  }
  if (ok) return written ? 'allowed' : 'ignored'
  if (written) return `written despite ${unexpected}`
  if (status === 403) return 'forbidden'
  if (status === 400) return 'invalid'
  return unexpected
}

const failure = (error: unknown): Answer => ({
  status: (error as { status?: number }).status ?? 500,
  message: (error as Error).message,
})

const sameId = (a: unknown, b: Id) => String(a) === String(b)

/** The Local API, acting as the user with `overrideAccess: false`. */
export const localSurface: Surface = {
  name: 'Local API',
  cannot: onlyRestServesFiles,
  answer: async (payload, call, { user }) => {
    const asUser = { depth: 0, overrideAccess: false, user } as const
    try {
      switch (call.kind) {
        case 'find': {
          const { docs } = await payload.find({ collection: call.collection, trash: call.trash, where: { id: { equals: call.id } }, ...asUser })
          return { status: 200, seen: docs.some((doc) => sameId(doc.id, call.id)) }
        }
        case 'findByID': {
          const doc = await payload.findByID({ collection: call.collection, id: call.id, ...asUser })
          return { status: 200, seen: sameId(doc?.id, call.id) }
        }
        case 'readVersions': {
          const { totalDocs } = await payload.findVersions({
            collection: call.collection as 'learning-materials',
            where: { parent: { equals: call.id } },
            ...asUser,
          })
          return { status: 200, seen: totalDocs > 0 }
        }
        case 'readVersionByID': {
          const version = await payload.findVersionByID({ collection: call.collection as 'learning-materials', id: String(call.versionId), ...asUser })
          return { status: 200, seen: sameId(version?.id, call.versionId) }
        }
        case 'create':
          await payload.create({ collection: call.collection, data: call.data as never, ...(call.file ? { file: call.file } : {}), ...asUser })
          return { status: 201 }
        case 'update':
          await payload.update({ collection: call.collection, id: call.id, data: call.data as never, trash: call.trash, ...asUser })
          return { status: 200 }
        case 'delete':
          await payload.delete({ collection: call.collection, id: call.id, trash: call.trash, ...asUser })
          return { status: 200 }
        case 'unlock': {
          const req = await createLocalReq({ user: user as never }, payload)
          await payload.unlock({ collection: 'users', data: { email: call.email } as never, overrideAccess: false, req })
          return { status: 200 }
        }
        case 'canEnterAdmin': {
          const req = await createLocalReq({ user: user as never }, payload)
          const admin = payload.collections.users.config.access.admin as (args: { req: PayloadRequest }) => boolean | Promise<boolean>
          return { status: 200, seen: Boolean(await admin({ req })) }
        }
        case 'readGlobal':
          return { status: 200, seen: globalReturned[call.slug]((await payload.findGlobal({ slug: call.slug, ...asUser })) as unknown as Record<string, unknown>) }
        case 'updateGlobal':
          await payload.updateGlobal({ slug: call.slug, data: call.data as never, ...asUser })
          return { status: 200 }
        case 'readGlobalVersions': {
          const { totalDocs } = await payload.findGlobalVersions({ slug: call.slug, ...asUser })
          return { status: 200, seen: totalDocs > 0 }
        }
        case 'download':
          throw new Error('the Local API serves no file bytes')
      }
    } catch (error) {
      return failure(error)
    }
  },
}

const json = async (response: Response): Promise<Record<string, unknown>> => {
  const text = await response.text()
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    return { text }
  }
}

const messageOf = (body: Record<string, unknown>): string | undefined =>
  (body.errors as Array<{ message: string }> | undefined)?.map((error) => error.message).join('; ') ??
  (body.message as string | undefined)

/** Payload's REST handlers, called as `/api/[...slug]` calls them, with the actor's JWT. */
export const restSurface: Surface = {
  name: 'REST',
  cannot: (row) =>
    onlyLocalReachesMigrations(row) ??
    (row.collection === 'payload-preferences' && (row.operation === 'findByID' || row.operation === 'delete')
      ? "Payload's REST routes /payload-preferences/:key read and delete the requester's own preference by key, not by id"
      : undefined),
  answer: async (payload, call, { token }) => {
    const send = async (path: string, init: Parameters<typeof rest>[2] = {}, seen?: (body: Record<string, unknown>) => boolean): Promise<Answer> => {
      const response = await rest(payload, path, { ...init, token })
      const body = await json(response)
      const ok = response.ok
      return { status: response.status, seen: ok && seen ? seen(body) : undefined, message: ok ? undefined : messageOf(body) }
    }
    switch (call.kind) {
      case 'find':
        return send(`/${call.collection}?depth=0${call.trash ? '&trash=true' : ''}&where[id][equals]=${call.id}`, {}, (body) =>
          (body.docs as Array<{ id: Id }>).some((doc) => sameId(doc.id, call.id)),
        )
      case 'findByID':
        return send(`/${call.collection}/${call.id}?depth=0`, {}, (body) => sameId(body.id, call.id))
      case 'download': {
        const response = await rest(payload, `/${call.collection}/file/${encodeURIComponent(call.filename)}`, { token })
        const bytes = response.ok ? (await response.arrayBuffer()).byteLength : 0
        return { status: response.status, seen: bytes > 0, message: response.ok ? undefined : messageOf(await json(response)) }
      }
      case 'readVersions':
        return send(`/${call.collection}/versions?depth=0&where[parent][equals]=${call.id}`, {}, (body) => Number(body.totalDocs) > 0)
      case 'readVersionByID':
        return send(`/${call.collection}/versions/${call.versionId}?depth=0`, {}, (body) => sameId(body.id, call.versionId))
      case 'create': {
        if (!call.file) return send(`/${call.collection}?depth=0`, { method: 'POST', body: call.data })
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(call.file.data)], { type: call.file.mimetype }), call.file.name)
        form.append('_payload', JSON.stringify(call.data))
        return send(`/${call.collection}?depth=0`, { method: 'POST', body: form })
      }
      case 'update':
        return send(`/${call.collection}/${call.id}?depth=0${call.trash ? '&trash=true' : ''}`, { method: 'PATCH', body: call.data })
      case 'delete':
        return send(`/${call.collection}/${call.id}${call.trash ? '?trash=true' : ''}`, { method: 'DELETE' })
      case 'unlock':
        return send('/users/unlock', { method: 'POST', body: { email: call.email } })
      case 'canEnterAdmin':
        return send('/access', {}, (body) => body.canAccessAdmin === true)
      case 'readGlobal':
        return send(`/globals/${call.slug}?depth=0`, {}, (body) => globalReturned[call.slug](body))
      case 'updateGlobal':
        return send(`/globals/${call.slug}?depth=0`, { method: 'POST', body: call.data })
      case 'readGlobalVersions':
        return send(`/globals/${call.slug}/versions?depth=0`, {}, (body) => Number(body.totalDocs) > 0)
    }
  },
}

/** GraphQL names Payload derives from the slugs (`media` is both singular and plural: `allMedia`). */
const graphQLNames: Record<string, { one: string; many: string }> = {
  'learning-materials': { one: 'LearningMaterial', many: 'LearningMaterials' },
  'library-items': { one: 'LibraryItem', many: 'LibraryItems' },
  announcements: { one: 'Announcement', many: 'Announcements' },
  'regulatory-documents': { one: 'RegulatoryDocument', many: 'RegulatoryDocuments' },
  media: { one: 'Media', many: 'allMedia' },
  users: { one: 'User', many: 'Users' },
  'payload-locked-documents': { one: 'PayloadLockedDocument', many: 'PayloadLockedDocuments' },
  'payload-preferences': { one: 'PayloadPreference', many: 'PayloadPreferences' },
  'payload-jobs': { one: 'PayloadJob', many: 'PayloadJobs' },
  'payload-kv': { one: 'PayloadKv', many: 'PayloadKvs' },
  'unsent-mail': { one: 'UnsentMail', many: 'UnsentMails' },
}

/** Payload gives its migrations table neither REST endpoints nor GraphQL: only the Local API reaches it. */
const onlyLocalReachesMigrations = (row: Row): string | undefined =>
  row.collection === 'payload-migrations' ? 'payload-migrations has no REST endpoints and no GraphQL' : undefined

const namesOf = (collection: CollectionSlug) => graphQLNames[collection]!

/** Payload's GraphQL handler, as `/api/graphql` runs it, with the actor's JWT. */
export const graphQLSurface: Surface = {
  name: 'GraphQL',
  cannot: (row) =>
    row.collection === 'media' && row.operation === 'create'
      ? "Payload's GraphQL API takes no file, and a file is what creates a media document"
      : row.operation === 'unlock'
        ? 'Payload adds no unlockUser mutation when accounts are never locked (maxLoginAttempts: 0)'
        : row.collection === 'unsent-mail' && ['create', 'update', 'delete'].includes(row.operation)
          ? 'unsent mail has no GraphQL mutations: only the mail job writes it'
          : (onlyLocalReachesMigrations(row) ?? onlyRestServesFiles(row)),
  answer: async (payload, call, { token }) => {
    const ask = async <T>(
      query: string,
      variables: Record<string, unknown> | undefined,
      seen?: (data: T) => boolean,
    ): Promise<Answer> => {
      const { data, errors } = await graphql<T>(payload, query, { token, variables })
      if (errors?.length) {
        return { status: errors[0].extensions?.statusCode ?? 500, message: errors.map((error) => error.message).join('; ') }
      }
      return { status: 200, seen: seen && data ? seen(data) : undefined }
    }
    const id = (value: Id) => JSON.stringify(value)
    switch (call.kind) {
      case 'find': {
        const { many } = namesOf(call.collection)
        return ask<Record<string, { docs: Array<{ id: Id }> }>>(
          `{ ${many}(${call.trash ? 'trash: true, ' : ''}where: { id: { equals: ${id(call.id)} } }) { docs { id } } }`,
          undefined,
          (data) => data[many].docs.some((doc) => sameId(doc.id, call.id)),
        )
      }
      case 'findByID': {
        const { one } = namesOf(call.collection)
        return ask<Record<string, { id: Id } | null>>(`{ ${one}(id: ${id(call.id)}) { id } }`, undefined, (data) =>
          sameId(data[one]?.id, call.id),
        )
      }
      case 'readVersions': {
        const { many } = namesOf(call.collection)
        return ask<Record<string, { totalDocs: number }>>(
          `{ versions${many}(where: { parent: { equals: ${id(call.id)} } }) { totalDocs } }`,
          undefined,
          (data) => data[`versions${many}`].totalDocs > 0,
        )
      }
      case 'readVersionByID': {
        const { one } = namesOf(call.collection)
        return ask<Record<string, { id: Id } | null>>(`{ version${one}(id: ${id(call.versionId)}) { id } }`, undefined, (data) =>
          sameId(data[`version${one}`]?.id, call.versionId),
        )
      }
      case 'create': {
        const { one } = namesOf(call.collection)
        return ask(`mutation ($data: mutation${one}Input!) { create${one}(data: $data) { id } }`, { data: call.data })
      }
      case 'update': {
        const { one } = namesOf(call.collection)
        return ask(`mutation ($data: mutation${one}UpdateInput!) { update${one}(id: ${id(call.id)}, data: $data${call.trash ? ', trash: true' : ''}) { id } }`, { data: call.data })
      }
      case 'delete': {
        const { one } = namesOf(call.collection)
        return ask(`mutation { delete${one}(id: ${id(call.id)}${call.trash ? ', trash: true' : ''}) { id } }`, undefined)
      }
      case 'unlock':
        return ask('mutation ($email: String!) { unlockUser(email: $email) }', { email: call.email })
      case 'canEnterAdmin':
        return ask<{ Access: { canAccessAdmin: boolean } }>('{ Access { canAccessAdmin } }', undefined, (data) => data.Access.canAccessAdmin)
      case 'readGlobal': {
        const { name, selection } = globalGraphQL[call.slug]
        return ask<Record<string, Record<string, unknown> | null>>(`{ ${name} ${selection} }`, undefined, (data) => Boolean(data[name]) && globalReturned[call.slug](data[name]!))
      }
      case 'updateGlobal': {
        const { name, selection } = globalGraphQL[call.slug]
        return ask(`mutation ($data: mutation${name}Input!) { update${name}(data: $data) ${selection} }`, { data: call.data })
      }
      case 'readGlobalVersions': {
        const { name } = globalGraphQL[call.slug]
        return ask<Record<string, { totalDocs: number }>>(`{ versions${name} { totalDocs } }`, undefined, (data) => data[`versions${name}`].totalDocs > 0)
      }
      case 'download':
        throw new Error('GraphQL serves no file bytes')
    }
  },
}
