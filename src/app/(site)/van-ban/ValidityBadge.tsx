import { labelOf } from '@/site/labels.js'

/** "Còn hiệu lực", "Đã bị thay thế"…, coloured by status (and never by colour alone: the words say it). */
export function ValidityBadge({ status }: { status: null | string | undefined }) {
  if (!status) return null
  return <span className={`validity validity-${status}`}>{labelOf('validity', status)}</span>
}
