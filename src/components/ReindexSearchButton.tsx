'use client'
import { Button, useAuth, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import { hasRole } from '../access/accessLevels'

type Report = { counts: Record<string, number>; indexed: number; ms: number }

/** Lets an administrator rebuild the search index from the dashboard (the site keeps searching). */
export const ReindexSearchButton = () => {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const vi = i18n.language !== 'en'
  const [state, setState] = useState<{ error?: string; report?: Report; running: boolean }>({ running: false })
  if (!hasRole(user, 'admin')) return null

  const reindex = async () => {
    setState({ running: true })
    const response = await fetch('/api/search/reindex', { credentials: 'include', method: 'POST' })
    if (response.ok) setState({ report: (await response.json()) as Report, running: false })
    else setState({ error: `${response.status} ${await response.text()}`, running: false })
  }

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={state.running} onClick={reindex} size="small">
        {state.running
          ? vi ? 'Đang lập lại chỉ mục…' : 'Rebuilding the index…'
          : vi ? 'Lập lại chỉ mục tìm kiếm' : 'Rebuild the search index'}
      </Button>
      {state.report && (
        <p role="status">
          {vi ? `Đã lập chỉ mục ${state.report.indexed} mục trong ${state.report.ms} ms.` : `Indexed ${state.report.indexed} entries in ${state.report.ms} ms.`}
        </p>
      )}
      {state.error && <p role="alert">{state.error}</p>}
    </div>
  )
}
