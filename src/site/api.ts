/**
 * The website's only way to content: Payload's public REST API over HTTP, exactly as an external
 * site would use it. The viewer's session travels as `Authorization: JWT <token>`, so the API's
 * access rules decide what each reader sees; nothing here imports Payload or touches the database.
 */
import type { mediaInLists } from '../collections/Media/inLists.js'
import type { Announcement, Config, LearningMaterial, LibraryItem, Media, RegulatoryDocument, SchoolProfile, User } from '../payload-types.js'
import type { FacetName, SearchHit } from '../plugins/search/engines/types.js'

import { visitorHeader } from '../lib/visitorHeader.js'
import { toQueryString, type QueryValue } from './query.js'

/** One page of a collection, as `GET /api/<collection>` answers it. */
export type Paginated<T> = {
  docs: T[]
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  page: number
  totalDocs: number
  totalPages: number
}

/** `Value` with only the fields `Select` names, in it and in the objects it holds, as Payload answers a selection. */
type Narrowed<Value, Select> = Select extends true
  ? Value
  : Value extends null | undefined
    ? Value
    : { [K in keyof Value as K extends keyof Select ? K : never]: Narrowed<Value[K], K extends keyof Select ? Select[K] : never> }

/**
 * A file as a list populates it when the request names neither `select` nor `populate`: what a
 * card shows (src/collections/Media/inLists.ts), and `deletedAt`, which Payload adds on its own
 * (on MongoDB only for a file that was once in the trash).
 */
export type MediaInList = Narrowed<Media, typeof mediaInLists & { deletedAt: true; id: true }>

/**
 * A field's value with the files in it as a list populates them. A document of another collection
 * has every field `Media` requires, so a file is told apart by `Media` also fitting the value.
 */
type FilesInList<Value> = Value extends Media
  ? Media extends Value
    ? MediaInList
    : { [K in keyof Value]: FilesInList<Value[K]> }
  : Value extends readonly (infer Item)[]
    ? FilesInList<Item>[]
    : Value extends object
      ? { [K in keyof Value]: FilesInList<Value[K]> }
      : Value

/**
 * A document as `GET /api/<collection>` lists it when no `select` is given: without its rich text,
 * which lists do not show, and with its files as a card shows them (README, "Lists and their
 * shape"). A document read by id has every field. `body` is named here because it is the only
 * rich-text field of the listed collections; the plugin (src/plugins/leanLists) works the names
 * out itself, so a new one must be added here too.
 */
export type Listed<T> = { [K in keyof Omit<T, 'body'>]: FilesInList<T[K]> }

/** The fields the material page shows: asked for by name, because a list leaves the body out otherwise. */
const materialPageFields = [
  'title', 'slug', 'summary', 'body', 'materialType', 'topic', 'ageGroups', 'domains', 'tags',
  'cover', 'files', 'videoUrl', 'durationMinutes', 'schoolYear', 'accessLevel',
] as const satisfies readonly (keyof LearningMaterial)[]
export type MaterialPage = Pick<LearningMaterial, 'id' | (typeof materialPageFields)[number]>

/** The fields the announcement page shows, asked for by name like the material page's. */
const announcementPageFields = [
  'title', 'slug', 'excerpt', 'body', 'category', 'cover', 'attachments', 'publishedAt', 'expiresAt', 'accessLevel',
] as const satisfies readonly (keyof Announcement)[]
export type AnnouncementPage = Pick<Announcement, 'id' | (typeof announcementPageFields)[number]>

/** `GET /api/search` answers this. */
export type SearchAnswer = {
  facets: Partial<Record<FacetName, Record<string, number>>>
  hits: SearchHit[]
  limit: number
  page: number
  q: string
  total: number
  totalPages: number
}

/** Why a call failed: `status` 0 when the API could not be reached at all. */
export class ContentApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    /** The API's own message (in Vietnamese for this site's requests). */
    readonly detail: string,
  ) {
    super(`${status} ${path}: ${detail}`)
    this.name = 'ContentApiError'
  }
}

export type LoginAnswer = { exp: number; token: string; user: User }
export type LoginResult = ({ ok: true } & LoginAnswer) | { ok: false; reason: 'invalid' | 'locked' }

/** The address of this server's own API; the site is served by the same process. */
export const apiOrigin = (): string => `http://127.0.0.1:${process.env.PORT ?? 3000}`

/** Documents are dated in Vietnam's time (UTC+7, no daylight saving). */
const startOfYear = (year: number): string => new Date(`${year}-01-01T00:00:00+07:00`).toISOString()
const yearInVietnam = (date: string): number => new Date(new Date(date).getTime() + 7 * 3600_000).getUTCFullYear()

/** The API's largest page (README, "Limits"): longer lists are read a page at a time. */
const largestPage = 100
const pagesAtOnce = 4

/**
 * How a page populates the files it shows: every field but the text read from them, which the
 * server otherwise reads from its database for each file (up to a million characters) only to
 * leave it out of the answer (README, "Lists and their shape").
 */
const pageFiles = { media: { extractedText: false } } as const

/** Slugs are made by `slugify`: lower-case ASCII letters, digits and hyphens. */
const isSlug = (value: string): boolean => /^[a-z0-9-]{1,96}$/.test(value)

const published = { _status: { equals: 'published' } } as const

/** Announcements out now: past their publication time and not yet expired. */
const outNow = (now = new Date().toISOString()) => [
  { publishedAt: { less_than_equal: now } },
  { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] },
]

const errorMessage = (body: unknown): string => {
  const errors = (body as { errors?: Array<{ message?: string }> } | null)?.errors
  return (
    errors
      ?.map((error) => error.message)
      .filter(Boolean)
      .join('; ') || 'lỗi không rõ'
  )
}

export type MaterialFilters = { ageGroup?: string; domain?: string; page?: number; topic?: string; type?: string }
export type DocumentFilters = { issuer?: string; page?: number; type?: string; year?: number }

/**
 * A client acting for one viewer: anonymous without `token`. Lists and detail pages ask for
 * published documents only, so an editor browsing the site never sees work in progress there.
 * `visitor` is what the server told the page about its visitor (`visitorHeader`): passed back on
 * every call, it makes their cost the visitor's, not the whole website's.
 */
export const createContentClient = ({ origin = apiOrigin(), token, visitor }: { origin?: string; token?: string; visitor?: string } = {}) => {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Accept: 'application/json',
    ...(token ? { Authorization: `JWT ${token}` } : {}),
    ...(visitor ? { [visitorHeader]: visitor } : {}),
    ...extra,
  })

  const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    let response: Response
    try {
      response = await fetch(`${origin}/api${path}`, {
        cache: 'no-store',
        ...init,
        headers: headers(init.headers as Record<string, string>),
      })
    } catch (error) {
      throw new ContentApiError(0, path, error instanceof Error ? error.message : String(error))
    }
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) throw new ContentApiError(response.status, path, errorMessage(body))
    return body as T
  }

  const get = <T>(path: string, params: Record<string, QueryValue> = {}) => {
    const query = toQueryString({ locale: 'vi', ...params })
    return request<T>(`${path}?${query}`)
  }

  /** A single document by id; `null` when it does not exist or the viewer may not read it. */
  const byId = async <T>(collection: string, id: string, depth = 1): Promise<T | null> => {
    if (!/^\d+$/.test(id)) return null
    try {
      const doc = await get<T & { _status?: null | string }>(`/${collection}/${id}`, { depth, populate: pageFiles })
      return doc._status === 'published' ? doc : null
    } catch (error) {
      if (error instanceof ContentApiError && (error.status === 404 || error.status === 403)) return null
      throw error
    }
  }

  /** The first match of a list, with the fields named in `fields`: how pages read a document by slug. */
  const first = async <C extends keyof Config['collections'], K extends keyof Config['collections'][C]>(
    collection: C,
    where: QueryValue,
    fields: readonly K[],
    depth = 1,
  ): Promise<Pick<Config['collections'][C], 'id' | K> | null> => {
    const select = Object.fromEntries(fields.map((field) => [field, true]))
    const page = await get<Paginated<Pick<Config['collections'][C], 'id' | K>>>(`/${collection}`, { where, select, limit: 1, depth, populate: pageFiles })
    return page.docs[0] ?? null
  }

  /** Distinct values of one field over every published document the viewer may read. */
  const distinct = async (collection: string, field: string): Promise<string[]> => {
    const page = (number: number) =>
      get<Paginated<Record<string, unknown>>>(`/${collection}`, {
        where: published,
        select: { [field]: true },
        depth: 0,
        limit: largestPage,
        page: number,
      })
    const first = await page(1)
    const docs = [...first.docs]
    // A few pages at a time: the API answering them is this same server.
    for (let next = 2; next <= first.totalPages; next += pagesAtOnce) {
      const numbers = Array.from({ length: Math.min(pagesAtOnce, first.totalPages - next + 1) }, (_, index) => next + index)
      for (const { docs: more } of await Promise.all(numbers.map(page))) docs.push(...more)
    }
    const values = docs
      .map((doc) => doc[field])
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'vi'))
  }

  return {
    /** The logged-in user, or `null` for anonymous readers and expired sessions. */
    me: async (): Promise<User | null> => {
      if (!token) return null
      const { user } = await get<{ user: null | User }>('/users/me', { depth: 0 })
      return user ?? null
    },

    /**
     * Logs in. A wrong e-mail or password answers 401; a device that failed too often at the
     * account answers 429 until its wait is over (README, "Signing in").
     */
    login: async (email: string, password: string): Promise<LoginResult> => {
      try {
        const answer = await request<LoginAnswer>('/users/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
        return { ok: true, ...answer }
      } catch (error) {
        if (!(error instanceof ContentApiError) || (error.status !== 401 && error.status !== 429)) throw error
        return { ok: false, reason: error.status === 429 ? 'locked' : 'invalid' }
      }
    },

    /** Ends the session on the server, so the token stops working everywhere. */
    logout: async (): Promise<void> => {
      if (token) await request('/users/logout', { method: 'POST' })
    },

    profile: () => get<SchoolProfile>('/globals/school-profile', { depth: 1, populate: pageFiles }),

    /**
     * Whether the file at `url` opens for this viewer. A `HEAD` is answered as the download would
     * be, without its body: 404 when the file is missing or unreadable on the server, so a page can
     * say so instead of showing a viewer that stays empty.
     */
    fileOpens: async (url: string): Promise<boolean> => {
      // Payload writes absolute addresses when SERVER_URL is set; the file is asked of this server.
      const { pathname, search } = new URL(url, origin)
      try {
        const response = await fetch(`${origin}${pathname}${search}`, { cache: 'no-store', headers: headers(), method: 'HEAD' })
        return response.ok
      } catch {
        return false
      }
    },

    announcements: ({
      category,
      limit = 10,
      page = 1,
      pinned,
    }: { category?: string; limit?: number; page?: number; pinned?: boolean } = {}) =>
      get<Paginated<Listed<Announcement>>>('/announcements', {
        where: {
          and: [
            published,
            ...outNow(),
            ...(category ? [{ category: { equals: category } }] : []),
            ...(pinned === undefined
              ? []
              : [pinned ? { pinned: { equals: true } } : { or: [{ pinned: { equals: false } }, { pinned: { exists: false } }] }]),
          ],
        },
        sort: '-publishedAt',
        limit,
        page,
        depth: 1,
      }),

    /** By slug (or by id, the form search hits use when a document has no slug). */
    announcement: async (slugOrId: string): Promise<AnnouncementPage | null> =>
      /^\d+$/.test(slugOrId)
        ? byId<Announcement>('announcements', slugOrId)
        : isSlug(slugOrId)
          ? first('announcements', { and: [published, ...outNow(), { slug: { equals: slugOrId } }] }, announcementPageFields)
          : null,

    materials: ({ ageGroup, domain, page = 1, topic, type }: MaterialFilters = {}, limit = 12) =>
      get<Paginated<Listed<LearningMaterial>>>('/learning-materials', {
        where: {
          and: [
            published,
            ...(ageGroup ? [{ ageGroups: { in: [ageGroup] } }] : []),
            ...(domain ? [{ domains: { in: [domain] } }] : []),
            ...(type ? [{ materialType: { equals: type } }] : []),
            ...(topic ? [{ topic: { equals: topic } }] : []),
          ],
        },
        sort: '-createdAt',
        limit,
        page,
        depth: 1,
      }),

    materialTopics: () => distinct('learning-materials', 'topic'),

    material: async (slugOrId: string): Promise<MaterialPage | null> =>
      /^\d+$/.test(slugOrId)
        ? byId<LearningMaterial>('learning-materials', slugOrId)
        : isSlug(slugOrId)
          ? first('learning-materials', { and: [published, { slug: { equals: slugOrId } }] }, materialPageFields)
          : null,

    libraryItem: (id: string) => byId<LibraryItem>('library-items', id),

    documents: ({ issuer, page = 1, type, year }: DocumentFilters = {}, limit = 20) =>
      get<Paginated<RegulatoryDocument>>('/regulatory-documents', {
        where: {
          and: [
            published,
            ...(type ? [{ documentType: { equals: type } }] : []),
            ...(issuer ? [{ issuingBody: { equals: issuer } }] : []),
            ...(year
              ? [{ issueDate: { greater_than_equal: startOfYear(year) } }, { issueDate: { less_than: startOfYear(year + 1) } }]
              : []),
          ],
        },
        sort: '-issueDate',
        limit,
        page,
        depth: 0,
      }),

    documentIssuers: () => distinct('regulatory-documents', 'issuingBody'),

    /** Years in which published documents were issued, newest first. */
    documentYears: async (): Promise<number[]> => {
      const dates = await distinct('regulatory-documents', 'issueDate')
      return [...new Set(dates.map(yearInVietnam))].sort((a, b) => b - a)
    },

    document: (id: string) => byId<RegulatoryDocument>('regulatory-documents', id),

    /** Published documents whose relations point at this one (those that implement it, for instance). */
    documentsPointingAt: async (id: number) =>
      (
        await get<Paginated<RegulatoryDocument>>('/regulatory-documents', {
          where: { and: [published, { 'relatedDocuments.document': { equals: id } }] },
          sort: '-issueDate',
          limit: 50,
          depth: 0,
        })
      ).docs,

    /** `GET /api/search`; `params` are passed through as the reader gave them (the API validates them). */
    search: (params: URLSearchParams) => request<SearchAnswer>(`/search?${params.toString()}`),
  }
}

export type ContentClient = ReturnType<typeof createContentClient>
