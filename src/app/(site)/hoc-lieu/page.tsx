import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'

import type { MaterialFilters } from '@/site/api.js'
import { pageParam, param, type SearchParams } from '@/site/format.js'
import { isKnown, type Vocabulary, vocabularies } from '@/site/labels.js'
import { contentClient, currentUser } from '@/site/viewer.js'

import { MaterialCard, firstWithPicture } from '../_components/Cards.js'
import { FilterForm, plainChoices } from '../_components/FilterForm.js'
import { Pagination } from '../_components/Pagination.js'
import { attempt, Problem } from '../_components/Problem.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Học liệu số' }

const selects: Array<{ name: 'ageGroup' | 'domain' | 'type'; label: string; vocabulary: Vocabulary; any: string }> = [
  { name: 'ageGroup', label: 'Độ tuổi', vocabulary: 'ageGroup', any: 'Mọi độ tuổi' },
  { name: 'domain', label: 'Lĩnh vực phát triển', vocabulary: 'domain', any: 'Mọi lĩnh vực' },
  { name: 'type', label: 'Loại học liệu', vocabulary: 'materialType', any: 'Mọi loại' },
]

export default async function MaterialsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams
  const api = await contentClient()
  const topics = await attempt(() => api.materialTopics())
  const topicList = topics.ok ? topics.value : []

  const filters: MaterialFilters = { page: pageParam(query) }
  for (const select of selects) {
    const value = param(query, select.name)
    if (isKnown(select.vocabulary, value)) filters[select.name] = value
  }
  const topic = param(query, 'topic')
  if (topic && topicList.includes(topic)) filters.topic = topic
  const filtered = Boolean(filters.ageGroup || filters.domain || filters.type || filters.topic)

  const [result, user] = await Promise.all([attempt(() => api.materials(filters)), currentUser()])
  const firstPicture = result.ok ? firstWithPicture(result.value.docs) : undefined

  return (
    <>
      <h1>Học liệu số</h1>
      <p className="lead">
        Giáo án, bài giảng điện tử, video, bài hát, truyện, trò chơi… do giáo viên nhà trường biên soạn, đã được tổ chuyên môn
        duyệt.
      </p>
      <FilterForm
        action="/hoc-lieu"
        label="Lọc học liệu"
        filtered={filtered}
        selects={[
          ...selects.map((select) => ({ ...select, choices: vocabularies[select.vocabulary], selected: filters[select.name] })),
          { name: 'topic', label: 'Chủ đề', any: 'Mọi chủ đề', choices: plainChoices(topicList), selected: filters.topic },
        ]}
      />
      <p className="muted">
        Muốn tìm theo từ khóa? Dùng <Link href="/thu-vien">tìm kiếm trong thư viện</Link> (gõ không dấu cũng được).
      </p>

      {!result.ok ? (
        <Problem error={result.error} what="học liệu" />
      ) : result.value.docs.length === 0 ? (
        <div className="empty" role="status">
          <p>
            <strong>Không tìm thấy học liệu phù hợp{filtered ? ' với bộ lọc đã chọn' : ''}.</strong>
          </p>
          {filtered ? (
            <p>
              Hãy bỏ bớt điều kiện lọc, hoặc <Link href="/hoc-lieu">xem tất cả học liệu</Link>.
            </p>
          ) : (
            <p>Nhà trường chưa đăng học liệu nào.</p>
          )}
          {!user ? (
            <p>
              Một số học liệu chỉ dành cho phụ huynh: <Link href="/dang-nhap?tiep=/hoc-lieu">đăng nhập</Link> để xem.
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="muted" role="status">
            Tìm thấy {result.value.totalDocs} học liệu
          </p>
          <div className="grid">
            {result.value.docs.map((item) => (
              <MaterialCard key={item.id} item={item} headingLevel={2} firstPicture={item === firstPicture} />
            ))}
          </div>
          <Pagination path="/hoc-lieu" query={query} page={result.value.page} totalPages={result.value.totalPages} />
        </>
      )}
    </>
  )
}
