'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'

/**
 * Opens a returned material with the reviewer's note, where its author looks first; it goes away
 * once the material is sent for review again.
 */
export const ReturnedNotice = () => {
  const { i18n } = useTranslation()
  const [status, note] = useFormFields(([fields]) => [fields.reviewStatus?.value, fields.reviewNote?.value])
  if (status !== 'changes-requested') return null
  const en = i18n.language === 'en'
  return (
    <div
      role="note"
      aria-labelledby="returned-notice-title"
      style={{ background: '#fde2e1', border: '1px solid #b3261e', borderRadius: 4, color: '#3b0a07', marginBottom: 'var(--base)', padding: 'calc(var(--base) * 0.75)' }}
    >
      <strong id="returned-notice-title">{en ? 'Returned for changes. The reviewer wrote:' : 'Học liệu được trả lại để chỉnh sửa. Nhận xét của người duyệt:'}</strong>
      <p style={{ margin: '0.5em 0 0', whiteSpace: 'pre-wrap' }}>{typeof note === 'string' ? note : ''}</p>
      <p style={{ margin: '0.5em 0 0' }}>
        {en ? 'Make the changes, save, then press "Submit for review".' : 'Hãy sửa, lưu lại rồi bấm "Gửi duyệt".'}
      </p>
    </div>
  )
}
