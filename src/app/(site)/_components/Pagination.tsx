import Link from '@/app/(site)/_components/Link.js'

/** Previous / next links that keep the reader's filters. */
export function Pagination({
  path,
  query,
  page,
  totalPages,
}: {
  path: string
  query: Record<string, string | string[] | undefined>
  page: number
  totalPages: number
}) {
  if (totalPages <= 1) return null
  const hrefFor = (target: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (key === 'page' || value === undefined) continue
      for (const each of Array.isArray(value) ? value : [value]) if (each) search.append(key, each)
    }
    if (target > 1) search.set('page', String(target))
    const qs = search.toString()
    return qs ? `${path}?${qs}` : path
  }
  return (
    <nav className="pagination" aria-label="Phân trang">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Trang trước
        </Link>
      ) : (
        <span />
      )}
      <span>
        Trang {page} / {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Trang sau →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
