import Link from '@/app/(site)/_components/Link.js'

import type { Announcement, LearningMaterial } from '@/payload-types.js'
import type { Listed } from '@/site/api.js'
import { formatDate } from '@/site/format.js'
import { labelOf } from '@/site/labels.js'

import { Picture } from './Picture.js'

/** Marks what only logged-in readers see, so parents know why it is there. */
export function LevelBadge({ level }: { level: string }) {
  if (level === 'public') return null
  return (
    <span className={`badge badge-${level}`}>{level === 'parents' ? 'Dành cho phụ huynh' : labelOf('accessLevel', level)}</span>
  )
}

export function AnnouncementCard({ item, headingLevel = 3 }: { item: Listed<Announcement>; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3'
  return (
    <article className="card">
      <Picture media={item.cover} size="card" className="card-image" />
      <div className="card-body">
        <p className="meta">
          <span className="tag">{labelOf('category', item.category)}</span>{' '}
          <time dateTime={item.publishedAt ?? undefined}>{formatDate(item.publishedAt)}</time>{' '}
          <LevelBadge level={item.accessLevel} />
        </p>
        <Heading>
          <Link href={`/tin-tuc/${item.slug ?? item.id}`}>{item.title}</Link>
        </Heading>
        {item.excerpt ? <p>{item.excerpt}</p> : null}
      </div>
    </article>
  )
}

export function MaterialCard({ item, headingLevel = 3 }: { item: Listed<LearningMaterial>; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3'
  return (
    <article className="card">
      <Picture media={item.cover} size="card" className="card-image" />
      <div className="card-body">
        <p className="meta">
          <span className="tag">{labelOf('materialType', item.materialType)}</span> <LevelBadge level={item.accessLevel} />
        </p>
        <Heading>
          <Link href={`/hoc-lieu/${item.slug ?? item.id}`}>{item.title}</Link>
        </Heading>
        {item.ageGroups?.length ? (
          <p className="muted">{item.ageGroups.map((group) => labelOf('ageGroup', group)).join(' · ')}</p>
        ) : null}
        {item.summary ? <p>{item.summary}</p> : null}
      </div>
    </article>
  )
}
