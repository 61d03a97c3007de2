import type { ServerProps, TypedUser } from 'payload'

import { hasRole } from '../../access/accessLevels'
import { publisherRoles } from '../../access/roles'
import { schoolDateTime } from '../review/reviewWords'
import { materialsFor, queueListUrl, submitterOf, waitingForReview } from './reviewQueue'

/** The review queue on a reviewer's dashboard, oldest submission first: who waits longest comes first. */
export const ReviewerPanel = async ({ i18n, payload, user }: ServerProps) => {
  if (!user || !hasRole(user, ...publisherRoles)) return null
  const en = i18n.language === 'en'
  const { docs, totalDocs } = await materialsFor(payload, user as TypedUser, waitingForReview, { limit: 20, sort: 'submittedAt' })
  return (
    <section className="truongso-panel" aria-labelledby="reviewer-panel-title">
      <h2 id="reviewer-panel-title">
        {en ? 'Waiting for your review' : 'Học liệu chờ duyệt'} ({totalDocs})
      </h2>
      {docs.length === 0 ? (
        <p>{en ? 'Nothing waits for review.' : 'Không có học liệu nào đang chờ duyệt.'}</p>
      ) : (
        <>
          <ol style={{ paddingLeft: '1.2em' }}>
            {docs.map((doc) => (
              <li key={doc.id} style={{ marginBottom: '0.5em' }}>
                <a href={`/admin/collections/learning-materials/${doc.id}`}>{doc.title}</a>
                {' · '}
                {submitterOf(doc) ?? ''}
                {doc.submittedAt ? ` · ${en ? 'submitted' : 'gửi lúc'} ${schoolDateTime(doc.submittedAt)}` : ''}
              </li>
            ))}
          </ol>
          {totalDocs > docs.length && <a href={queueListUrl}>{en ? `See all ${totalDocs}` : `Xem cả ${totalDocs} học liệu`}</a>}
        </>
      )}
    </section>
  )
}
