const BASE = 'http://same-site.invalid'

/**
 * A browser drops tabs and newlines anywhere in an address, strips leading controls and spaces,
 * and reads `\` as `/`, so `/\t/evil.example` or `/\evil.example` lead to another host. None of
 * them belongs in a path of ours (which would carry them percent-encoded).
 */
const READ_DIFFERENTLY_BY_BROWSERS = /[\u0000-\u0020\u007f\\]/

/** An encoded slash, backslash or control right after the first `/`: one decoding away from `//`. */
const ENCODED_SECOND_SLASH = /^\/%(?:25)*(?:0[0-9a-f]|1[0-9a-f]|2f|5c|7f)/i

/**
 * The path on this site that a redirect parameter (`?tiep=`, the admin's `?redirect=`) names, as
 * the browser will read it; `undefined` when it names anything else — another host, a scheme, a
 * protocol-relative address, or something a browser would read differently than we do.
 */
export const sameSitePath = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || !value.startsWith('/') || READ_DIFFERENTLY_BY_BROWSERS.test(value)) return undefined
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return undefined
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  // Checked after the parser's normalisation too: `/..//evil.example` becomes `//evil.example`.
  const leavesSite = (candidate: string) => candidate.startsWith('//') || ENCODED_SECOND_SLASH.test(candidate)
  if (url.origin !== BASE || leavesSite(value) || leavesSite(path)) return undefined
  return path
}
