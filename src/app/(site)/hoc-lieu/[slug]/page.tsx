import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import type { MaterialPage } from '@/site/api.js'
import { youtubeId } from '@/site/format.js'
import { labelOf } from '@/site/labels.js'
import { learningResourceJsonLd } from '@/site/structuredData.js'
import { siteUrl } from '@/site/siteUrl.js'
import { shareMetadata } from '@/site/shareMetadata.js'
import { contentClient } from '@/site/viewer.js'

import { StructuredData } from '../../_components/StructuredData.js'
import { LevelBadge } from '../../_components/Cards.js'
import { filesOf, FileViewer, YouTube } from '../../_components/Files.js'
import { Picture } from '../../_components/Picture.js'
import { RichText } from '../../_components/RichText.js'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

/** Shared by the metadata and the page: one API call per request. */
const load = cache(async (slug: string): Promise<MaterialPage | null> => (await contentClient()).material(slug))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).slug).catch(() => null)
  if (!item) return { title: 'Học liệu' }
  return { title: item.title, description: item.summary ?? undefined, ...shareMetadata({ title: item.title, description: item.summary, image: item.cover, path: `/hoc-lieu/${item.slug ?? item.id}` }) }
}

export default async function MaterialPage({ params }: Props) {
  const item = await load((await params).slug)
  if (!item) notFound()
  const files = filesOf(item.files)
  const video = youtubeId(item.videoUrl)
  const hasMedia = files.length > 0 || Boolean(item.videoUrl)

  return (
    <article className="article">
      <StructuredData data={learningResourceJsonLd(item, await siteUrl())} />
      <p className="breadcrumbs">
        <Link href="/hoc-lieu">Học liệu số</Link> ›{' '}
        <Link href={`/hoc-lieu?type=${item.materialType}`}>{labelOf('materialType', item.materialType)}</Link>
      </p>
      <h1>{item.title}</h1>
      <p className="meta">
        <span className="tag">{labelOf('materialType', item.materialType)}</span> <LevelBadge level={item.accessLevel} />
      </p>
      {item.summary ? <p className="lead">{item.summary}</p> : null}

      <dl className="facts">
        {item.ageGroups?.length ? (
          <>
            <dt>Độ tuổi</dt>
            <dd>{item.ageGroups.map((group) => labelOf('ageGroup', group)).join(', ')}</dd>
          </>
        ) : null}
        {item.domains?.length ? (
          <>
            <dt>Lĩnh vực phát triển</dt>
            <dd>{item.domains.map((domain) => labelOf('domain', domain)).join(', ')}</dd>
          </>
        ) : null}
        {item.topic ? (
          <>
            <dt>Chủ đề</dt>
            <dd>
              <Link href={`/hoc-lieu?topic=${encodeURIComponent(item.topic)}`}>{item.topic}</Link>
            </dd>
          </>
        ) : null}
        {item.durationMinutes ? (
          <>
            <dt>Thời lượng</dt>
            <dd>{item.durationMinutes} phút</dd>
          </>
        ) : null}
        {item.schoolYear ? (
          <>
            <dt>Năm học</dt>
            <dd>{item.schoolYear}</dd>
          </>
        ) : null}
        {item.tags?.length ? (
          <>
            <dt>Từ khóa</dt>
            <dd>{item.tags.join(', ')}</dd>
          </>
        ) : null}
      </dl>

      {!hasMedia ? <Picture media={item.cover} size="hero" className="cover" eager /> : null}

      {hasMedia ? (
        <section aria-labelledby="tep-hoc-lieu">
          <h2 id="tep-hoc-lieu">Xem và tải về</h2>
          {video ? <YouTube id={video} title={item.title} /> : null}
          {item.videoUrl && !video ? (
            <p>
              <a href={item.videoUrl} rel="noopener noreferrer">
                Xem video tại trang gốc
              </a>
            </p>
          ) : null}
          {files.map((file) => (
            <FileViewer key={file.id} file={file} />
          ))}
        </section>
      ) : null}

      {item.body ? (
        <section aria-labelledby="noi-dung-hoc-lieu">
          <h2 id="noi-dung-hoc-lieu">Nội dung</h2>
          <RichText data={item.body} startAt={3} />
        </section>
      ) : null}

      <p>
        <Link href="/hoc-lieu">← Tất cả học liệu</Link>
      </p>
    </article>
  )
}
