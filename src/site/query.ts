/** A value Payload's REST API reads from a query string (`where`, `select`, `sort`…). */
export type QueryValue = boolean | null | number | QueryValue[] | string | undefined | { [key: string]: QueryValue }

/**
 * Writes nested objects in the bracket notation Payload parses (`where[and][0][slug][equals]=x`),
 * as `qs.stringify` would; `undefined` and `null` are left out.
 */
export const toQueryString = (params: Record<string, QueryValue>): string => {
  const pairs: string[] = []
  const visit = (key: string, value: QueryValue) => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) return value.forEach((item, index) => visit(`${key}[${index}]`, item))
    if (typeof value === 'object') return Object.entries(value).forEach(([child, item]) => visit(`${key}[${child}]`, item))
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  Object.entries(params).forEach(([key, value]) => visit(key, value))
  return pairs.join('&')
}
