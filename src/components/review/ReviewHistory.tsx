'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'

import { reviewStatusLabel, schoolDateTime } from './reviewWords'

type Step = { action?: string; at?: string; byName?: string; note?: string }

const stepWords: Record<string, { en: string; vi: string }> = {
  draft: { en: 'Taken back to writing', vi: 'Chuyển về đang soạn' },
  submitted: { en: 'Submitted for review', vi: 'Gửi duyệt' },
  'changes-requested': { en: 'Returned for changes', vi: 'Trả lại để chỉnh sửa' },
  approved: { en: 'Approved', vi: 'Duyệt' },
}

/**
 * The review trail of a material, newest first: who, when, which step, and the note of a return.
 * The server writes it (applyReviewWorkflow); the form only shows it.
 */
export const ReviewHistory = () => {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const rows = useFormFields(([fields]) => {
    const count = Number(fields.reviewHistory?.value ?? 0)
    return Array.from({ length: count }, (_, index): Step => {
      const read = (name: string) => fields[`reviewHistory.${index}.${name}`]?.value as string | undefined
      return { action: read('action'), at: read('at'), byName: read('byName'), note: read('note') }
    })
  })
  return (
    <section aria-labelledby="review-history-title" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="review-history-title" style={{ fontSize: '1em', margin: '0 0 0.5em' }}>{en ? 'Review history' : 'Lịch sử duyệt'}</h3>
      {rows.length === 0 ? (
        <p>{en ? 'Not submitted for review yet.' : 'Chưa gửi duyệt lần nào.'}</p>
      ) : (
        <ol reversed style={{ margin: 0, paddingLeft: '1.2em' }}>
          {[...rows].reverse().map((step, index) => (
            <li key={`${step.at}-${index}`} style={{ marginBottom: '0.5em' }}>
              <strong>{(stepWords[step.action ?? ''] ?? { en: reviewStatusLabel(step.action, 'en'), vi: reviewStatusLabel(step.action, 'vi') })[en ? 'en' : 'vi']}</strong>
              {' · '}
              {step.byName ?? ''}
              {step.at ? ` · ${schoolDateTime(step.at)}` : ''}
              {step.note ? <p style={{ margin: '0.25em 0 0', whiteSpace: 'pre-wrap' }}>{step.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
