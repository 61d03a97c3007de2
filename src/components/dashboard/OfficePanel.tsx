import type { ServerProps } from 'payload'

import { hasRole } from '../../access/accessLevels'
import { officeRoles } from '../../access/roles'
import { day, dayAndTime } from './format'

/** How far ahead a regulatory document's end of validity counts as "soon". */
export const expiringWithinDays = 60

type Row = { id: number | string; title: string; when: string }

/**
 * What the office must act on next, on its dashboard: regulatory documents whose validity ends
 * within {@link expiringWithinDays} days (a replacement is due), and announcements scheduled to
 * appear. Read as the signed-in person, so each sees only what she may open.
 */
export const OfficePanel = async ({ i18n, payload, user }: ServerProps) => {
  if (!hasRole(user, ...officeRoles)) return null
  const vi = i18n.language !== 'en'
  const locale = vi ? 'vi' : 'en'
  const now = new Date()
  const horizon = new Date(now.getTime() + expiringWithinDays * 24 * 60 * 60 * 1000)
  const [expiring, scheduled] = await Promise.all([
    payload.find({
      collection: 'regulatory-documents',
      depth: 0,
      limit: 10,
      locale,
      overrideAccess: false,
      select: { expiryDate: true, title: true },
      sort: 'expiryDate',
      user,
      where: { and: [{ expiryDate: { greater_than_equal: now.toISOString() } }, { expiryDate: { less_than_equal: horizon.toISOString() } }] },
    }),
    payload.find({
      collection: 'announcements',
      depth: 0,
      draft: true,
      limit: 10,
      locale,
      overrideAccess: false,
      select: { publishedAt: true, title: true },
      sort: 'publishedAt',
      user,
      where: { publishedAt: { greater_than: now.toISOString() } },
    }),
  ])
  const documents: Row[] = expiring.docs.map((doc) => ({ id: doc.id, title: doc.title, when: day(doc.expiryDate!) }))
  const announcements: Row[] = scheduled.docs.map((doc) => ({ id: doc.id, title: doc.title, when: dayAndTime(doc.publishedAt!) }))
  return (
    <section className="truongso-panel" aria-labelledby="office-panel-title">
      <h2 id="office-panel-title">{vi ? 'Việc của văn phòng' : 'Office'}</h2>
      <h3>{vi ? `Văn bản sắp hết hiệu lực (trong ${expiringWithinDays} ngày)` : `Documents expiring within ${expiringWithinDays} days`}</h3>
      {documents.length === 0 ? (
        <p>{vi ? 'Không có văn bản nào sắp hết hiệu lực.' : 'No document expires soon.'}</p>
      ) : (
        <ul>
          {documents.map((row) => (
            <li key={row.id}>
              <a href={`/admin/collections/regulatory-documents/${row.id}`}>{row.title}</a> — {vi ? 'hết hiệu lực ngày' : 'expires on'} {row.when}
            </li>
          ))}
        </ul>
      )}
      <h3>{vi ? 'Thông báo hẹn giờ đăng' : 'Scheduled announcements'}</h3>
      {announcements.length === 0 ? (
        <p>{vi ? 'Không có thông báo nào đang hẹn giờ.' : 'No announcement is scheduled.'}</p>
      ) : (
        <ul>
          {announcements.map((row) => (
            <li key={row.id}>
              <a href={`/admin/collections/announcements/${row.id}`}>{row.title}</a> — {vi ? 'đăng lúc' : 'appears at'} {row.when}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
