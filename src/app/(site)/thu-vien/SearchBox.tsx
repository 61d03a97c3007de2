'use client'

import { type FormEvent, useEffect, useRef, useState } from 'react'

import type { SearchAnswer } from '@/site/api.js'
import { labelOf, vocabularies } from '@/site/labels.js'

import { apiQuery, type FacetParam, pageQuery, type SearchState } from './searchState.js'

const debounceMs = 250

const collectionLabels: Record<string, string> = { 'learning-materials': 'Học liệu số', 'library-items': 'Thư viện số' }

const typeLabels = Object.fromEntries(
  [...vocabularies.materialType, ...vocabularies.libraryItemType].map((choice) => [choice.value, choice.label]),
)

const facetGroups: Array<{
  param: FacetParam
  facet: 'ageGroups' | 'collection' | 'type'
  legend: string
  label: (value: string) => string
}> = [
  { param: 'collections', facet: 'collection', legend: 'Nguồn', label: (value) => collectionLabels[value] ?? value },
  { param: 'type', facet: 'type', legend: 'Loại tài liệu', label: (value) => typeLabels[value] ?? value },
  { param: 'ageGroups', facet: 'ageGroups', legend: 'Độ tuổi', label: (value) => labelOf('ageGroup', value) },
]

/** Only links into this site are followed; a hit can never carry a `javascript:` address. */
const sitePath = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? url : '/thu-vien')

const errorText = async (response: Response): Promise<string> => {
  if (response.status >= 500) return 'Tìm kiếm đang tạm gián đoạn. Vui lòng thử lại sau ít phút.'
  const body = (await response.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null
  return body?.errors?.[0]?.message ?? 'Yêu cầu tìm kiếm không hợp lệ.'
}

/**
 * Search as you type over `/api/search`. Rendered by the server first (the same form works as a
 * plain GET form without JavaScript); in the browser it searches 250 ms after the last keystroke,
 * drops answers that arrive out of order, and keeps the address bar in step so links can be shared.
 */
export function SearchBox({
  initial,
  initialError,
  initialState,
}: {
  initial: SearchAnswer | null
  initialError: null | string
  initialState: SearchState
}) {
  const [state, setState] = useState<SearchState>(initialState)
  // The answer together with the query it answers: while the reader types, the count on screen
  // (and announced) stays the one of the results shown, not the old total next to the new words.
  const [{ answer, answeredQ }, setAnswered] = useState<{ answer: SearchAnswer | null; answeredQ: string }>({
    answer: initial,
    answeredQ: initialState.q.trim(),
  })
  const [error, setError] = useState<null | string>(initialError)
  const [loading, setLoading] = useState(false)
  const facetBox = useRef<HTMLDetailsElement>(null)
  // Fixed at first render: React would otherwise close the box under the reader's finger.
  const [openAtFirst] = useState(() => Object.values(initialState.selected).some((values) => values.length > 0))

  // Closed on phones so the results come first; on wider screens there is room to show the filters.
  useEffect(() => {
    if (facetBox.current && window.matchMedia('(min-width: 40rem)').matches) facetBox.current.open = true
  }, [])

  useEffect(() => {
    // The server already answered the state the page was opened with.
    if (state === initialState) return
    // Aborted when the reader changes the query again, so a slow old answer never replaces a newer one.
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setLoading(true)
      const shown = pageQuery(state).toString()
      window.history.replaceState(null, '', shown ? `/thu-vien?${shown}` : '/thu-vien')
      try {
        const response = await fetch(`/api/search?${apiQuery(state).toString()}`, {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
          signal: controller.signal,
        })
        if (!response.ok) {
          setError(await errorText(response))
        } else {
          setAnswered({ answer: (await response.json()) as SearchAnswer, answeredQ: state.q.trim() })
          setError(null)
        }
      } catch {
        if (controller.signal.aborted) return
        setError('Không kết nối được tới máy chủ. Hãy kiểm tra mạng và thử lại.')
      }
      if (!controller.signal.aborted) setLoading(false)
    }, debounceMs)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [state, initialState])

  const toggle = (param: FacetParam, value: string, checked: boolean) =>
    setState((current) => ({
      ...current,
      page: 1,
      selected: {
        ...current.selected,
        [param]: checked ? [...current.selected[param], value] : current.selected[param].filter((each) => each !== value),
      },
    }))

  const goTo = (page: number) => (event: { preventDefault: () => void }) => {
    event.preventDefault()
    setState((current) => ({ ...current, page }))
    document.getElementById('ket-qua')?.scrollIntoView({ block: 'start' })
  }

  // With JavaScript the results are already on their way; a new object still searches again at once.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setState((current) => ({ ...current }))
  }

  const chosen = Object.values(state.selected).reduce((sum, values) => sum + values.length, 0)
  const totalPages = answer?.totalPages ?? 0
  const hrefFor = (page: number) => `/thu-vien?${pageQuery({ ...state, page }).toString()}`

  return (
    <div className="search">
      <form method="get" action="/thu-vien" role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="tu-khoa">Từ khóa</label>
        <div className="search-row">
          <input
            id="tu-khoa"
            type="search"
            name="q"
            value={state.q}
            maxLength={200}
            placeholder="Ví dụ: truyen co tich, Tấm Cám, an toàn giao thông"
            autoComplete="off"
            onChange={(event) => setState((current) => ({ ...current, page: 1, q: event.target.value }))}
          />
          <button type="submit" className="button">
            Tìm
          </button>
        </div>
        <p className="muted">Gõ có dấu hoặc không dấu đều được; kết quả hiện ngay khi bạn gõ.</p>
        <details className="facet-box" ref={facetBox} open={openAtFirst}>
          <summary>Bộ lọc{chosen ? ` (${chosen} đang chọn)` : ''}</summary>
          <div className="facets">
            {facetGroups.map((group) => {
              const counts = answer?.facets[group.facet] ?? {}
              const values = [...new Set([...Object.keys(counts), ...state.selected[group.param]])]
              if (!values.length) return null
              return (
                <fieldset key={group.param}>
                  <legend>{group.legend}</legend>
                  {values.map((value) => (
                    <label key={value} className="check">
                      <input
                        type="checkbox"
                        name={group.param}
                        value={value}
                        checked={state.selected[group.param].includes(value)}
                        onChange={(event) => toggle(group.param, value, event.target.checked)}
                      />{' '}
                      {group.label(value)} <span className="muted">({counts[value] ?? 0})</span>
                    </label>
                  ))}
                </fieldset>
              )
            })}
          </div>
        </details>
      </form>

      <p role="status" className="muted search-status">
        {loading
          ? 'Đang tìm…'
          : error
            ? ''
            : answer
              ? answeredQ
                ? `${answer.total} kết quả cho “${answeredQ}”`
                : `${answer.total} tài liệu`
              : ''}
      </p>
      <div id="ket-qua" aria-busy={loading} className="search-results">
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : answer ? (
          answer.hits.length === 0 ? (
            <div className="empty">
              <p>
                <strong>Không tìm thấy tài liệu phù hợp{answeredQ ? ` với “${answeredQ}”` : ''}.</strong>
              </p>
              <p>Hãy thử từ khóa ngắn hơn, từ đồng nghĩa, hoặc bỏ bớt bộ lọc.</p>
            </div>
          ) : (
            <>
              <h2 className="results-title">{answeredQ ? 'Kết quả tìm kiếm' : 'Tài liệu mới nhất'}</h2>
              <ol className="hits">
                {answer.hits.map((hit) => {
                  const snippet = hit.highlights.summary ?? hit.highlights.text
                  return (
                    <li key={hit.id} className="hit">
                      {hit.thumbnail ? <img src={hit.thumbnail} alt="" width={64} height={64} loading="lazy" /> : null}
                      <div>
                        <p className="meta">
                          <span className="tag">{collectionLabels[hit.collection] ?? hit.collection}</span>
                          {hit.accessLevel === 'parents' ? <span className="badge badge-parents">Dành cho phụ huynh</span> : null}
                        </p>
                        <h3>
                          <a
                            href={sitePath(hit.url)}
                            dangerouslySetInnerHTML={{ __html: hit.highlights.title ?? escapeHtml(hit.title) }}
                          />
                        </h3>
                        {snippet ? <p dangerouslySetInnerHTML={{ __html: snippet }} /> : null}
                      </div>
                    </li>
                  )
                })}
              </ol>
              {totalPages > 1 ? (
                <nav className="pagination" aria-label="Phân trang kết quả">
                  {state.page > 1 ? (
                    <a href={hrefFor(state.page - 1)} onClick={goTo(state.page - 1)}>
                      ← Trang trước
                    </a>
                  ) : (
                    <span />
                  )}
                  <span>
                    Trang {state.page} / {totalPages}
                  </span>
                  {state.page < totalPages ? (
                    <a href={hrefFor(state.page + 1)} onClick={goTo(state.page + 1)}>
                      Trang sau →
                    </a>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
            </>
          )
        ) : null}
      </div>
    </div>
  )
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char)
