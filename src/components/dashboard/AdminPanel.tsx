import type { ServerProps } from 'payload'

import { hasRole } from '../../access/accessLevels'
import { mediaTextQueue } from '../../collections/Media/jobs/extractMediaText'
import { mediaDir } from '../../lib/paths'
import { searchSettingsOf } from '../../plugins/search/settingsOf'
import { size } from './format'
import { databaseBytes, folderBytes } from './storage'

/** Jobs of a queue not done yet: waiting, running, or failed and to be retried. */
const pendingJobs = (payload: ServerProps['payload'], queue: string) =>
  // Jobs have no readers but the system; only administrators reach this panel.
  payload.count({ collection: 'payload-jobs', overrideAccess: true, where: { and: [{ queue: { equals: queue } }, { completedAt: { exists: false } }] } })

/**
 * The state of the system for administrators, on the dashboard: what uploads and the database
 * take on disk, and whether search is complete (index built, updates not piling up) and the text
 * of uploaded files is being read. The last backup and missing files are told just below by
 * FilesAndBackupStatus.
 */
export const AdminPanel = async ({ i18n, payload, user }: ServerProps) => {
  if (!hasRole(user, 'admin')) return null
  const vi = i18n.language !== 'en'
  const search = searchSettingsOf(payload)
  const [media, database, searchPending, textPending] = await Promise.all([
    folderBytes(mediaDir()),
    databaseBytes(payload),
    pendingJobs(payload, search.queue),
    pendingJobs(payload, mediaTextQueue),
  ])
  const engine = search.engine.name === 'meilisearch' ? 'Meilisearch' : vi ? 'tìm kiếm nội bộ' : 'embedded search'
  const index = search.warmup.failed
    ? vi
      ? 'lập chỉ mục thất bại: hãy bấm "Lập lại chỉ mục tìm kiếm"'
      : 'indexing failed: press "Rebuild the search index"'
    : search.warmup.pending ?? (search.warmup.done ? (vi ? 'đầy đủ' : 'complete') : vi ? 'đang lập chỉ mục' : 'being built')
  return (
    <section className="truongso-panel" aria-labelledby="admin-panel-title">
      <h2 id="admin-panel-title">{vi ? 'Tình trạng hệ thống' : 'System status'}</h2>
      <dl>
        <dt>{vi ? 'Tệp tải lên' : 'Uploaded files'}</dt>
        <dd>{vi ? `${size(media.bytes)} (${media.files} tệp, kể cả các cỡ ảnh)` : `${size(media.bytes)} (${media.files} files, image sizes included)`}</dd>
        <dt>{vi ? 'Cơ sở dữ liệu' : 'Database'}</dt>
        <dd>{database === undefined ? (vi ? 'không xác định được' : 'unknown') : size(database)}</dd>
        <dt>{vi ? 'Tìm kiếm' : 'Search'}</dt>
        <dd>
          {engine}, {vi ? 'chỉ mục' : 'index'} {index}
          {searchPending.totalDocs > 0 ? (vi ? `, ${searchPending.totalDocs} cập nhật đang chờ` : `, ${searchPending.totalDocs} updates waiting`) : ''}
        </dd>
        <dt>{vi ? 'Đọc nội dung tệp' : 'Reading files’ text'}</dt>
        <dd>{textPending.totalDocs > 0 ? (vi ? `${textPending.totalDocs} tệp đang chờ đọc` : `${textPending.totalDocs} files waiting`) : vi ? 'không có tệp nào đang chờ' : 'nothing waiting'}</dd>
      </dl>
    </section>
  )
}
