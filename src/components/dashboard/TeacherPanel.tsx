import type { ServerProps, TypedUser, Where } from 'payload'

import { hasRole } from '../../access/accessLevels'
import { ReviewStatusBadge } from '../review/ReviewStatusBadge'
import { schoolDateTime } from '../review/reviewWords'
import { materialsFor } from './reviewQueue'

type Group = { empty: { en: string; vi: string }; heading: { en: string; vi: string }; key: string; showNote?: boolean; where: Where }

const groups: Group[] = [
  { key: 'returned', heading: { en: 'Returned for changes', vi: 'Được trả lại để sửa' }, empty: { en: 'Nothing came back.', vi: 'Không có học liệu nào bị trả lại.' }, showNote: true, where: { reviewStatus: { equals: 'changes-requested' } } },
  { key: 'drafts', heading: { en: 'Being written', vi: 'Đang soạn' }, empty: { en: 'No drafts.', vi: 'Không có bản nháp.' }, where: { reviewStatus: { equals: 'draft' } } },
  { key: 'waiting', heading: { en: 'Waiting for review', vi: 'Chờ duyệt' }, empty: { en: 'Nothing waits for review.', vi: 'Không có học liệu nào đang chờ duyệt.' }, where: { reviewStatus: { equals: 'submitted' } } },
  { key: 'published', heading: { en: 'Published', vi: 'Đã xuất bản' }, empty: { en: 'Nothing published yet.', vi: 'Chưa có học liệu nào được xuất bản.' }, where: { reviewStatus: { equals: 'approved' } } },
]

/**
 * A teacher's own work on the dashboard: what came back (with the reviewer's notes) first, then
 * her drafts, what waits for review and what got published.
 */
export const TeacherPanel = async ({ i18n, payload, user }: ServerProps) => {
  if (!user || !hasRole(user, 'teacher')) return null
  const en = i18n.language === 'en'
  const mine = (where: Where) => materialsFor(payload, user as TypedUser, { and: [{ author: { equals: user.id } }, where] })
  const results = await Promise.all(groups.map((group) => mine(group.where)))
  return (
    <section className="truongso-panel" aria-labelledby="teacher-panel-title">
      <h2 id="teacher-panel-title">{en ? 'My learning materials' : 'Học liệu của tôi'}</h2>
      <div style={{ display: 'grid', gap: 'var(--base)', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' }}>
        {groups.map((group, index) => {
          const { docs, totalDocs } = results[index]
          return (
            <section aria-labelledby={`teacher-${group.key}`} key={group.key} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 'var(--base)' }}>
              <h3 id={`teacher-${group.key}`} style={{ marginTop: 0 }}>
                {group.heading[en ? 'en' : 'vi']} ({totalDocs})
              </h3>
              {docs.length === 0 ? (
                <p>{group.empty[en ? 'en' : 'vi']}</p>
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {docs.map((doc) => (
                    <li key={doc.id} style={{ marginBottom: '0.75em' }}>
                      <a href={`/admin/collections/learning-materials/${doc.id}`}>{doc.title}</a>{' '}
                      <ReviewStatusBadge language={i18n.language} status={doc.reviewStatus} />
                      <div style={{ fontSize: '0.85em' }}>{schoolDateTime(doc.updatedAt)}</div>
                      {group.showNote && doc.reviewNote ? <p style={{ margin: '0.25em 0 0', whiteSpace: 'pre-wrap' }}>{doc.reviewNote}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )
        })}
      </div>
    </section>
  )
}
