/**
 * Who is looking at the page: the `payload-token` cookie of the request, turned into a content
 * client that acts for that reader. Memoised per request, so a layout and its page share one
 * client and one `users/me` call.
 */
import { cookies, headers } from 'next/headers'
import { cache } from 'react'

import type { SchoolProfile, User } from '../payload-types.js'

import { adminPanelRoles } from '../access/roles.js'
import { visitorHeader } from '../lib/visitorHeader.js'
import { createContentClient, type ContentClient } from './api.js'

/** The cookie Payload itself reads (`${cookiePrefix}-token`), so one login serves site and admin. */
export const sessionCookie = 'payload-token'

/** Who the server said the visitor is: the website passes it back on its calls to the API. */
export const visitor = async (): Promise<string | undefined> => (await headers()).get(visitorHeader) ?? undefined

export const contentClient = cache(async (): Promise<ContentClient> => {
  const token = (await cookies()).get(sessionCookie)?.value
  return createContentClient({ token: token || undefined, visitor: await visitor() })
})

/** The school profile, fetched once per request however many parts of the page show it. */
export const schoolProfile = cache(async (): Promise<SchoolProfile> => (await contentClient()).profile())

/** The logged-in reader, or `null`; a session the API no longer accepts counts as logged out. */
export const currentUser = cache(async (): Promise<User | null> => {
  try {
    return await (await contentClient()).me()
  } catch {
    return null
  }
})

/** Staff accounts (teachers, reviewers, office, leadership) work in the admin panel. */
export const entersAdmin = (user: User | null): boolean => Boolean(user?.roles.some((role) => adminPanelRoles.includes(role)))
