import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'

import { isKnown, labelOf, vocabularies } from '@/site/labels.js'
import { pageParam, param, type SearchParams } from '@/site/format.js'
import { contentClient } from '@/site/viewer.js'

import { AnnouncementCard, firstWithPicture } from '../_components/Cards.js'
import { Pagination } from '../_components/Pagination.js'
import { attempt, Problem } from '../_components/Problem.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Tin tức – Thông báo' }

export default async function NewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams
  const requested = param(query, 'category')
  const category = isKnown('category', requested) ? requested : undefined
  const page = pageParam(query)
  const result = await attempt(async () => (await contentClient()).announcements({ category, page, limit: 12 }))
  const firstPicture = result.ok ? firstWithPicture(result.value.docs) : undefined

  return (
    <>
      <h1>{category ? labelOf('category', category) : 'Tin tức – Thông báo'}</h1>
      <nav aria-label="Chuyên mục tin" className="chips">
        <ul>
          <li>
            <Link href="/tin-tuc" aria-current={category ? undefined : 'page'}>
              Tất cả
            </Link>
          </li>
          {vocabularies.category.map((choice) => (
            <li key={choice.value}>
              <Link href={`/tin-tuc?category=${choice.value}`} aria-current={category === choice.value ? 'page' : undefined}>
                {choice.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {requested && !category ? (
        <p className="notice" role="status">
          Không có chuyên mục “{requested}”. Đang hiển thị tất cả tin.
        </p>
      ) : null}
      {!result.ok ? (
        <Problem error={result.error} what="danh sách tin" />
      ) : result.value.docs.length === 0 ? (
        <p className="empty">
          {category ? `Chưa có tin nào trong chuyên mục “${labelOf('category', category)}”.` : 'Chưa có tin tức, thông báo nào.'}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {result.value.totalDocs} tin
          </p>
          <div className="grid">
            {result.value.docs.map((item) => (
              <AnnouncementCard key={item.id} item={item} headingLevel={2} firstPicture={item === firstPicture} />
            ))}
          </div>
          <Pagination path="/tin-tuc" query={query} page={result.value.page} totalPages={result.value.totalPages} />
        </>
      )}
    </>
  )
}
