import type { ServerProps, TypedUser } from 'payload'

import { hasRole } from '../../access/accessLevels'
import { publisherRoles } from '../../access/roles'
import { materialsFor, queueListUrl, waitingForReview } from './reviewQueue'

/** In the navigation of those who review: the queue, with how many materials wait in it. */
export const ReviewQueueLink = async ({ i18n, payload, user }: ServerProps) => {
  if (!user || !hasRole(user, ...publisherRoles)) return null
  // Drafts are what waits, and only a find reads them: the count comes with a one-row page.
  const { totalDocs } = await materialsFor(payload, user as TypedUser, waitingForReview, { limit: 1 })
  const en = i18n.language === 'en'
  return (
    <a className="nav__link" href={queueListUrl} id="nav-review-queue" style={{ display: 'block', fontWeight: 600, margin: 'var(--base) 0' }}>
      {en ? 'Waiting for review' : 'Chờ duyệt'}{' '}
      <span aria-label={en ? `${totalDocs} materials` : `${totalDocs} học liệu`} style={{ background: totalDocs > 0 ? '#fff3cd' : '#eceff1', borderRadius: 999, color: totalDocs > 0 ? '#5c4400' : '#263238', padding: '0 8px' }}>
        {totalDocs}
      </span>
    </a>
  )
}
