import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import type { LibraryItem } from '@/payload-types.js'
import { labelOf } from '@/site/labels.js'
import { bookJsonLd } from '@/site/structuredData.js'
import { siteUrl } from '@/site/siteUrl.js'
import { shareMetadata } from '@/site/shareMetadata.js'
import { contentClient } from '@/site/viewer.js'

import { StructuredData } from '../../_components/StructuredData.js'
import { Facts } from '../../_components/Facts.js'
import { LevelBadge } from '../../_components/Cards.js'
import { filesOf, FileViewer } from '../../_components/Files.js'
import { Picture } from '../../_components/Picture.js'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

/** Shared by the metadata and the page: one API call per request. */
const load = cache(async (id: string): Promise<LibraryItem | null> => (await contentClient()).libraryItem(id))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).id).catch(() => null)
  if (!item) return { title: 'Thư viện số' }
  return { title: item.title, description: item.description ?? undefined, ...shareMetadata({ title: item.title, description: item.description, image: item.cover, path: `/thu-vien/${item.id}`, type: 'book' }) }
}

export default async function LibraryItemPage({ params }: Props) {
  const item = await load((await params).id)
  if (!item) notFound()
  const files = filesOf(item.files)
  const facts: Array<[string, string | undefined]> = [
    ['Tác giả', item.creators?.join(', ')],
    ['Nhà xuất bản', item.publisher ?? undefined],
    ['Năm xuất bản', item.year ? String(item.year) : undefined],
    ['ISBN', item.isbn ?? undefined],
    ['Ngôn ngữ', item.language ? labelOf('language', item.language) : undefined],
    ['Độ tuổi', item.ageGroups?.map((group) => labelOf('ageGroup', group)).join(', ')],
    ['Chủ đề', item.subjects?.join(', ')],
    ['Giấy phép sử dụng', item.licence ?? undefined],
  ]

  return (
    <article className="article">
      <StructuredData data={bookJsonLd(item, await siteUrl())} />
      <p className="breadcrumbs">
        <Link href="/thu-vien">Thư viện số</Link> ›{' '}
        <Link href={`/thu-vien?type=${item.itemType}`}>{labelOf('libraryItemType', item.itemType)}</Link>
      </p>
      <div className="book">
        <Picture media={item.cover} size="card" className="book-cover" eager />
        <div>
          <h1>{item.title}</h1>
          <p className="meta">
            <span className="tag">{labelOf('libraryItemType', item.itemType)}</span> <LevelBadge level={item.accessLevel} />
          </p>
          <Facts facts={facts} />
        </div>
      </div>
      {item.description ? (
        <section aria-labelledby="tom-tat">
          <h2 id="tom-tat">Tóm tắt nội dung</h2>
          <p>{item.description}</p>
        </section>
      ) : null}
      {files.length ? (
        <section aria-labelledby="doc-nghe-xem">
          <h2 id="doc-nghe-xem">Đọc, nghe, xem</h2>
          {files.map((file) => (
            <FileViewer key={file.id} file={file} />
          ))}
        </section>
      ) : (
        <p className="muted">Tài liệu này có bản in tại thư viện nhà trường.</p>
      )}
      <p>
        <Link href="/thu-vien">← Về thư viện</Link>
      </p>
    </article>
  )
}
