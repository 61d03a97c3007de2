import type { Metadata } from 'next'
import { cache } from 'react'
import Link from '@/app/(site)/_components/Link.js'
import { notFound } from 'next/navigation'

import type { AnnouncementPage } from '@/site/api.js'
import { formatDate } from '@/site/format.js'
import { labelOf } from '@/site/labels.js'
import { newsArticleJsonLd } from '@/site/structuredData.js'
import { siteUrl } from '@/site/siteUrl.js'
import { shareMetadata } from '@/site/shareMetadata.js'
import { contentClient, schoolProfile } from '@/site/viewer.js'

import { StructuredData } from '../../_components/StructuredData.js'
import { LevelBadge } from '../../_components/Cards.js'
import { FileLink, filesOf } from '../../_components/Files.js'
import { Picture } from '../../_components/Picture.js'
import { RichText } from '../../_components/RichText.js'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

/** Shared by the metadata and the page: one API call per request. */
const load = cache(async (slug: string): Promise<AnnouncementPage | null> => (await contentClient()).announcement(slug))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).slug).catch(() => null)
  if (!item) return { title: 'Tin tức' }
  return { title: item.title, description: item.excerpt ?? undefined, ...shareMetadata({ title: item.title, description: item.excerpt, image: item.cover, path: `/tin-tuc/${item.slug ?? item.id}` }) }
}

export default async function AnnouncementPage({ params }: Props) {
  const item = await load((await params).slug)
  if (!item) notFound()
  const attachments = filesOf(item.attachments)

  return (
    <article className="article">
      <StructuredData data={newsArticleJsonLd(item, await siteUrl(), (await schoolProfile().catch(() => null))?.name ?? 'Trường Số')} />
      <p className="breadcrumbs">
        <Link href="/tin-tuc">Tin tức – Thông báo</Link> ›{' '}
        <Link href={`/tin-tuc?category=${item.category}`}>{labelOf('category', item.category)}</Link>
      </p>
      <h1>{item.title}</h1>
      <p className="meta">
        Đăng ngày <time dateTime={item.publishedAt ?? undefined}>{formatDate(item.publishedAt)}</time>
        {item.expiresAt ? <> · Hiệu lực đến {formatDate(item.expiresAt)}</> : null} <LevelBadge level={item.accessLevel} />
      </p>
      {item.excerpt ? <p className="lead">{item.excerpt}</p> : null}
      <Picture media={item.cover} size="hero" className="cover" eager />
      <RichText data={item.body} />
      {attachments.length ? (
        <section aria-labelledby="dinh-kem">
          <h2 id="dinh-kem">Tệp đính kèm</h2>
          <ul className="files">
            {attachments.map((file) => (
              <li key={file.id}>
                <FileLink file={file} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link href="/tin-tuc">← Tất cả tin tức</Link>
      </p>
    </article>
  )
}
