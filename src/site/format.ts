/** Small pure helpers the pages share: dates, sizes, URL parameters, video links. */

const timeZone = 'Asia/Ho_Chi_Minh'

/** "05/09/2025", in Vietnam's time. */
export const formatDate = (iso: null | string | undefined): string =>
  iso ? new Date(iso).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }) : ''

/** "1,2 MB" */
export const formatBytes = (bytes: null | number | undefined): string => {
  if (!bytes) return ''
  const units = ['B', 'KB', 'MB', 'GB']
  const power = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)))
  const value = bytes / 1024 ** power
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: power === 0 ? 0 : 1 })} ${units[power]}`
}

export type SearchParams = Record<string, string | string[] | undefined>

/** The first value of a URL parameter, trimmed; `undefined` when absent or empty. */
export const param = (params: SearchParams, name: string): string | undefined => {
  const raw = params[name]
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim()
  return value ? value : undefined
}

/** Every value of a URL parameter (`?type=a&type=b`). */
export const params = (all: SearchParams, name: string): string[] => {
  const raw = all[name]
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) => value.trim()).filter(Boolean)
}

/** A page number from the URL: a positive integer, else 1. */
export const pageParam = (all: SearchParams): number => {
  const page = Number(param(all, 'page'))
  return Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1
}

/**
 * The id of a YouTube video from the usual forms of link (watch, youtu.be, embed, shorts, live);
 * `undefined` for any other address.
 */
export const youtubeId = (url: null | string | undefined): string | undefined => {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const host = parsed.hostname.replace(/^(www|m|music)\./, '')
  const candidate =
    host === 'youtu.be'
      ? parsed.pathname.split('/')[1]
      : host === 'youtube.com' || host === 'youtube-nocookie.com'
        ? parsed.pathname === '/watch'
          ? parsed.searchParams.get('v')
          : parsed.pathname.match(/^\/(?:embed|shorts|live|v)\/([^/?#]+)/)?.[1]
        : undefined
  return candidate && /^[\w-]{11}$/.test(candidate) ? candidate : undefined
}
