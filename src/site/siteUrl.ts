import { headers } from 'next/headers'

/**
 * The public address of the site, for absolute links in structured data: `SERVER_URL` when set,
 * else the address this request came to.
 */
export const siteUrl = async (): Promise<string> => {
  if (process.env.SERVER_URL) return process.env.SERVER_URL.replace(/\/+$/, '')
  const list = await headers()
  const protocol = list.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http'
  return `${protocol}://${list.get('host') ?? 'localhost'}`
}
