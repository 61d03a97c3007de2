import type { Metadata } from 'next'

import Link from '@/app/(site)/_components/Link.js'

import { ContentApiError, type SearchAnswer } from '@/site/api.js'
import type { SearchParams } from '@/site/format.js'
import { contentClient, currentUser } from '@/site/viewer.js'

import { SearchBox } from './SearchBox.js'
import { apiQuery, stateFromParams } from './searchState.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Thư viện số' }

const problemText = (error: unknown): string => {
  if (error instanceof ContentApiError && error.status === 400) return error.detail
  return 'Tìm kiếm đang tạm gián đoạn. Vui lòng thử lại sau ít phút.'
}

/** The library: search over its titles and the learning materials, answered on the server first. */
export default async function LibraryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const state = stateFromParams(await searchParams)
  const [user, api] = await Promise.all([currentUser(), contentClient()])
  let answer: SearchAnswer | null = null
  let error: null | string = null
  try {
    answer = await api.search(apiQuery(state))
  } catch (failure) {
    error = problemText(failure)
  }

  return (
    <>
      <h1>Thư viện số</h1>
      <p className="lead">
        Sách, truyện, sách nói, video và học liệu của nhà trường — tìm theo tên, tác giả, chủ đề hoặc nội dung.
      </p>
      {!user ? (
        <p className="muted">
          Một số tài liệu chỉ dành cho phụ huynh: <Link href="/dang-nhap?tiep=/thu-vien">đăng nhập</Link> để tìm cả những tài liệu
          đó.
        </p>
      ) : null}
      <SearchBox initial={answer} initialError={error} initialState={state} />
    </>
  )
}
