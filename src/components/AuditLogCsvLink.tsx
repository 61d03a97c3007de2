'use client'
import { useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'

/**
 * "Export CSV" above the audit log's list: the export endpoint gets the list's own `where`, so the
 * file holds exactly the entries the filters show (every page of them).
 */
export const AuditLogCsvLink = () => {
  const { i18n } = useTranslation()
  const params = useSearchParams()
  const where = new URLSearchParams([...params.entries()].filter(([name]) => name.startsWith('where')))
  const query = where.toString()
  return (
    <p style={{ marginBottom: 'var(--base)' }}>
      <a className="btn btn--style-secondary btn--size-small" download href={`/api/audit-log/csv${query ? `?${query}` : ''}`}>
        {i18n.language === 'en' ? 'Export CSV' : 'Xuất CSV'}
      </a>
    </p>
  )
}
