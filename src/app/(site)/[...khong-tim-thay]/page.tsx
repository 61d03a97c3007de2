import { notFound } from 'next/navigation'

/**
 * Any address no other route claims, so it gets the website's own Vietnamese 404 page. Routes of
 * the admin panel and the API are more specific and still win.
 */
export default function UnknownPage(): never {
  notFound()
}
