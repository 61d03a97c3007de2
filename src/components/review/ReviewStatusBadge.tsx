import { reviewStatusLabel, reviewStatusTint } from './reviewWords'

/** A review state as a badge: the word says it, the colour only helps. */
export const ReviewStatusBadge = ({ language, status }: { language: string; status: unknown }) => (
  <span
    data-review-status={String(status ?? 'draft')}
    style={{ ...reviewStatusTint(status), borderRadius: 999, display: 'inline-block', fontSize: '0.85em', fontWeight: 600, padding: '2px 10px', whiteSpace: 'nowrap' }}
  >
    {reviewStatusLabel(status, language)}
  </span>
)
