import type { PayloadRequest } from 'payload'

/**
 * Runs a system write about unlocalized, derived fields in the default locale, on the same request
 * (same transaction). The Local API sets the locale on the request it is given, so the caller's
 * locale is put back afterwards: a translation in progress must not make the write validate, or
 * read, its fields in that language.
 */
export const inDefaultLocale = async <T>(req: PayloadRequest, write: () => Promise<T>): Promise<T> => {
  const { fallbackLocale, locale } = req
  try {
    return await write()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
