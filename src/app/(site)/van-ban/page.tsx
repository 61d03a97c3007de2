import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'

import type { DocumentFilters } from '@/site/api.js'
import { formatDate, pageParam, param, type SearchParams } from '@/site/format.js'
import { isKnown, labelOf, vocabularies } from '@/site/labels.js'
import { contentClient, currentUser } from '@/site/viewer.js'

import { LevelBadge } from '../_components/Cards.js'
import { FilterForm, plainChoices } from '../_components/FilterForm.js'
import { Pagination } from '../_components/Pagination.js'
import { attempt, Problem } from '../_components/Problem.js'
import { ValidityBadge } from './ValidityBadge.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Văn bản' }

/**
 * The document's type before its title, unless the title already begins with it ("Kế hoạch số …"
 * under "Kế hoạch" read "Kế hoạch Kế hoạch …").
 */
function TypeTag({ type, title }: { type: string; title: string }) {
  const label = labelOf('documentType', type)
  if (title.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi'))) return null
  return (
    <>
      <span className="tag">{label}</span>{' '}
    </>
  )
}

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams
  const api = await contentClient()
  const [issuers, years, user] = await Promise.all([
    attempt(() => api.documentIssuers()),
    attempt(() => api.documentYears()),
    currentUser(),
  ])
  const issuerList = issuers.ok ? issuers.value : []
  const yearList = years.ok ? years.value : []

  const filters: DocumentFilters = { page: pageParam(query) }
  const type = param(query, 'type')
  if (isKnown('documentType', type)) filters.type = type
  const issuer = param(query, 'issuer')
  if (issuer && issuerList.includes(issuer)) filters.issuer = issuer
  const year = Number(param(query, 'year'))
  if (yearList.includes(year)) filters.year = year
  const filtered = Boolean(filters.type || filters.issuer || filters.year)

  const result = await attempt(() => api.documents(filters))

  return (
    <>
      <h1>Văn bản</h1>
      <p className="lead">
        Sổ văn bản của nhà trường: kế hoạch, quyết định, công văn, thông báo… và văn bản của cấp trên mà nhà trường thực hiện.
      </p>
      <FilterForm
        action="/van-ban"
        label="Lọc văn bản"
        filtered={filtered}
        selects={[
          { name: 'type', label: 'Loại văn bản', any: 'Mọi loại', choices: vocabularies.documentType, selected: filters.type },
          { name: 'issuer', label: 'Cơ quan ban hành', any: 'Mọi cơ quan', choices: plainChoices(issuerList), selected: filters.issuer },
          {
            name: 'year',
            label: 'Năm ban hành',
            any: 'Mọi năm',
            choices: plainChoices(yearList),
            selected: filters.year ? String(filters.year) : undefined,
          },
        ]}
      />

      {!result.ok ? (
        <Problem error={result.error} what="danh sách văn bản" />
      ) : result.value.docs.length === 0 ? (
        <div className="empty" role="status">
          <p>
            <strong>Không có văn bản nào{filtered ? ' phù hợp với bộ lọc đã chọn' : ''}.</strong>
          </p>
          {filtered ? (
            <p>
              Hãy bỏ bớt điều kiện lọc, hoặc <Link href="/van-ban">xem tất cả văn bản</Link>.
            </p>
          ) : null}
          {!user ? <p>Một số văn bản chỉ dành cho phụ huynh hoặc cán bộ nhà trường và cần đăng nhập.</p> : null}
        </div>
      ) : (
        <>
          <p className="muted" role="status">
            {result.value.totalDocs} văn bản, mới ban hành trước
          </p>
          <table className="register">
            <caption className="visually-hidden">Danh sách văn bản</caption>
            <thead>
              <tr>
                <th scope="col">Số, ký hiệu</th>
                <th scope="col">Ngày ban hành</th>
                <th scope="col">Trích yếu</th>
                <th scope="col">Cơ quan ban hành</th>
                <th scope="col">Hiệu lực</th>
              </tr>
            </thead>
            <tbody>
              {result.value.docs.map((doc) => (
                <tr key={doc.id}>
                  <th scope="row" data-label="Số, ký hiệu">
                    {doc.documentNumber}
                  </th>
                  <td data-label="Ngày ban hành">{formatDate(doc.issueDate)}</td>
                  <td data-label="Trích yếu">
                    <TypeTag type={doc.documentType} title={doc.title} />
                    <Link href={`/van-ban/${doc.id}`}>{doc.title}</Link> <LevelBadge level={doc.accessLevel} />
                  </td>
                  <td data-label="Cơ quan ban hành">{doc.issuingBody}</td>
                  <td data-label="Hiệu lực">
                    <ValidityBadge status={doc.validityStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination path="/van-ban" query={query} page={result.value.page} totalPages={result.value.totalPages} />
        </>
      )}
    </>
  )
}
