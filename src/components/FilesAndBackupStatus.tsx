import type { ServerProps } from 'payload'

import { hasRole } from '../access/accessLevels'
import { missingFilesKey, type MissingFilesNotice } from '../backup/filesCheck'
import { backupDirOf, lastBackupOutcome } from '../backup/status'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Tells administrators on the dashboard how the last backup went and which files the last
 * `files:check` found missing: a failed backup or a lost file is never silent.
 */
export const FilesAndBackupStatus = async ({ i18n, payload, user }: ServerProps) => {
  if (!hasRole(user, 'admin')) return null
  const vi = i18n.language !== 'en'
  const [backup, missing] = await Promise.all([lastBackupOutcome(backupDirOf()), payload.kv.get<MissingFilesNotice>(missingFilesKey)])
  const when = (iso: string) => new Date(iso).toLocaleString(vi ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' })
  return (
    <section style={{ marginBottom: 'var(--base)' }}>
      {!backup && <p role="status">{vi ? 'Chưa có bản sao lưu nào.' : 'No backup has been made yet.'}</p>}
      {backup?.ok && (
        <p role="status">
          {vi
            ? `Sao lưu gần nhất: ${when(backup.at)}, ${megabytes(backup.bytes ?? 0)}, thành công.`
            : `Last backup: ${when(backup.at)}, ${megabytes(backup.bytes ?? 0)}, succeeded.`}
        </p>
      )}
      {backup && !backup.ok && (
        <p role="alert">
          {vi ? `Sao lưu lúc ${when(backup.at)} thất bại: ${backup.error}` : `The backup at ${when(backup.at)} failed: ${backup.error}`}
        </p>
      )}
      {missing && missing.missing.length > 0 && (
        <div role="alert">
          <p>
            {vi
              ? `Kiểm tra tệp lúc ${when(missing.checkedAt)}: ${missing.missing.length} tệp bị thiếu trên đĩa. Hãy tải lại các tệp này hoặc khôi phục từ bản sao lưu.`
              : `File check at ${when(missing.checkedAt)}: ${missing.missing.length} files are missing from disk. Upload them again or restore them from a backup.`}
          </p>
          <ul>
            {missing.missing.slice(0, 20).map((file) => (
              <li key={`${file.collection}-${file.id}-${file.filename}`}>
                <a href={`/admin/collections/${file.collection}/${file.id}`}>{file.original}</a>
                {file.filename === file.original ? '' : ` (${file.filename})`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
