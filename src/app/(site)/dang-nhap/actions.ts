'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { createContentClient, type LoginResult } from '@/site/api.js'
import { sameSitePath } from '@/lib/sameSitePath.js'
import { entersAdmin, sessionCookie, visitor } from '@/site/viewer.js'

/** Secure cookies whenever the visitor reached us over HTTPS (directly or through a proxy). */
const overHttps = async (): Promise<boolean> => {
  const forwarded = (await headers()).get('x-forwarded-proto')
  return forwarded?.split(',')[0]?.trim() === 'https' || (process.env.SERVER_URL ?? '').startsWith('https:')
}

const field = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Back to the form with an error code the page explains; the form works without JavaScript. */
function backToForm(error: string, next: string | undefined): never {
  redirect(`/dang-nhap?loi=${error}${next ? `&tiep=${encodeURIComponent(next)}` : ''}`)
}

/**
 * Logs in through `POST /api/users/login` and keeps the token in the same HttpOnly cookie Payload
 * reads, so the admin panel accepts the session too.
 */
export async function login(form: FormData): Promise<void> {
  const email = field(form, 'email').trim()
  const password = field(form, 'password')
  const next = sameSitePath(field(form, 'tiep'))
  if (!email || !password) backToForm('thieu-thong-tin', next)

  let result: LoginResult
  try {
    result = await createContentClient({ visitor: await visitor() }).login(email, password)
  } catch {
    backToForm('may-chu', next)
  }
  if (!result.ok) backToForm(result.reason === 'locked' ? 'tam-khoa' : 'sai-thong-tin', next)

  ;(await cookies()).set(sessionCookie, result.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: await overHttps(),
    expires: new Date(result.exp * 1000),
  })
  // Staff land on the page that points them to the admin panel; parents on the home page.
  redirect(next ?? (entersAdmin(result.user) ? '/dang-nhap' : '/'))
}

/** Ends the session on the server (`POST /api/users/logout`) and forgets the cookie. */
export async function logout(): Promise<void> {
  const store = await cookies()
  const token = store.get(sessionCookie)?.value
  if (token) {
    // The cookie goes whatever the API answers: a session it no longer accepts is over anyway.
    await createContentClient({ token, visitor: await visitor() })
      .logout()
      .catch(() => undefined)
  }
  store.delete({ name: sessionCookie, path: '/' })
  redirect('/dang-nhap?da-dang-xuat=1')
}
