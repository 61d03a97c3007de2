/** Text and attribute values escaped for XML 1.0, with the characters XML 1.0 forbids left out. */
export const escapeXml = (value: string): string =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** `name="value"` pairs for the attributes that have a value, in the order given. */
export const attributes = (pairs: Record<string, string | number | undefined>): string =>
  Object.entries(pairs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')

/** One element with escaped text content, or nothing when the text is empty. */
export const element = (name: string, text: string | undefined, attrs: Record<string, string | undefined> = {}): string =>
  text === undefined || text.trim() === '' ? '' : `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`
