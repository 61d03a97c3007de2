import { sameSitePath } from '../../src/lib/sameSitePath.js'

const BROWSER_BASE = 'https://truong.example/dang-nhap'

/** Where a browser goes when a page on BROWSER_BASE redirects to `location`. */
const browserTarget = (location: string) => new URL(location, BROWSER_BASE)

// Hostile values gathered from the WHATWG URL parser's quirks: what browsers strip, fold or decode.
const hostile = [
  ['protocol-relative', '//evil.example/pwned'],
  ['three slashes', '///evil.example'],
  ['a TAB between the slashes', '/\t/evil.example/pwned'],
  ['a newline between the slashes', '/\n/evil.example'],
  ['a carriage return between the slashes', '/\r/evil.example'],
  ['a leading space', ' //evil.example'],
  ['a leading NUL', '\u0000//evil.example'],
  ['a trailing control', '/thu-vien\u001f'],
  ['DEL', '/\u007f/evil.example'],
  ['a backslash after the slash', '/\\evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['slash, backslash', '/\\/evil.example'],
  ['a backslash later on', '/thu-vien\\..\\..\\evil'],
  ['an absolute http address', 'http://evil.example/'],
  ['an absolute https address', 'https://evil.example/'],
  ['a scheme without slashes', 'https:evil.example'],
  ['javascript:', 'javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['a bare host', 'evil.example'],
  ['dot segments that collapse to //', '/..//evil.example'],
  ['a dot segment that collapses to //', '/.//evil.example'],
  ['encoded dot segments that collapse to //', '/%2e%2e//evil.example'],
  ['an encoded slash second', '/%2F/evil.example'],
  ['an encoded backslash second', '/%5c/evil.example'],
  ['an encoded TAB second', '/%09/evil.example'],
  ['a doubly encoded slash second', '/%252F/evil.example'],
  ['an empty value', ''],
  ['not a string', ['/a', '/b']],
] as const

describe('a redirect parameter', () => {
  it.each(hostile)('is refused when it is %s', (_what, value) => {
    expect(sameSitePath(value)).toBeUndefined()
  })

  it.each([
    ['/thu-vien', '/thu-vien'],
    ['/thu-vien?q=s%C3%A1ch+tranh&page=2', '/thu-vien?q=s%C3%A1ch+tranh&page=2'],
    ['/thu-vien?q=sách', '/thu-vien?q=s%C3%A1ch'],
    ['/hoc-lieu/be-hoc-an-toan-giao-thong#tep', '/hoc-lieu/be-hoc-an-toan-giao-thong#tep'],
    ['/admin/collections/learning-materials', '/admin/collections/learning-materials'],
    ['/a/../thu-vien', '/thu-vien'],
  ])('keeps the path %s on this site as %s', (value, expected) => {
    expect(sameSitePath(value)).toBe(expected)
  })

  it.each([...hostile.map(([, value]) => value), '/thu-vien', '/a/../b?x=1#y'])(
    'never leads a browser off the site: %j',
    (value) => {
      const path = sameSitePath(value)
      if (path !== undefined) expect(browserTarget(path).origin).toBe(new URL(BROWSER_BASE).origin)
    },
  )
})
