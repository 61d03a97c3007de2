import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'
import { notFound } from 'next/navigation'
import { cache, type ReactNode } from 'react'

import type { RegulatoryDocument } from '@/payload-types.js'
import { referenceIds } from '@/lib/referenceIds.js'
import { formatDate } from '@/site/format.js'
import { labelOf } from '@/site/labels.js'
import { legislationJsonLd } from '@/site/structuredData.js'
import { siteUrl } from '@/site/siteUrl.js'
import { shareMetadata } from '@/site/shareMetadata.js'
import { contentClient } from '@/site/viewer.js'

import { StructuredData } from '../../_components/StructuredData.js'
import { Facts } from '../../_components/Facts.js'
import { LevelBadge } from '../../_components/Cards.js'
import { FileViewer } from '../../_components/Files.js'
import { asMedia } from '../../_components/Picture.js'
import { attempt } from '../../_components/Problem.js'
import { ValidityBadge } from '../ValidityBadge.js'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

/** Shared by the metadata and the page: one API call per request. */
const load = cache(async (id: string): Promise<RegulatoryDocument | null> => (await contentClient()).document(id))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await load((await params).id).catch(() => null)
  if (!doc) return { title: 'Văn bản' }
  const title = `${doc.documentNumber} — ${doc.title}`
  return { title, description: doc.summary, ...shareMetadata({ title, description: doc.summary, path: `/van-ban/${doc.id}` }) }
}

/**
 * A related document the viewer may read and that is published, or nothing: unreadable ones
 * stay ids, and an editor's unpublished draft is no business of the public register.
 */
const readable = (value: null | number | RegulatoryDocument | undefined): RegulatoryDocument | undefined =>
  value && typeof value === 'object' && value._status === 'published' ? value : undefined

function DocumentLink({ doc }: { doc: RegulatoryDocument }) {
  return (
    <>
      <Link href={`/van-ban/${doc.id}`}>
        {doc.documentNumber} — {doc.title}
      </Link>{' '}
      <span className="muted">({formatDate(doc.issueDate)})</span> <ValidityBadge status={doc.validityStatus} />
    </>
  )
}

/** The other side of each relation, as readers say it. */
const inverseOf: Record<string, string> = {
  implements: 'Được thực hiện bởi',
  'based-on': 'Là căn cứ của',
  replaces: 'Bị thay thế bởi',
  amends: 'Được sửa đổi bởi',
}

export default async function DocumentPage({ params }: Props) {
  const doc = await load((await params).id)
  if (!doc) notFound()
  const file = asMedia(doc.file)
  const related = (doc.relatedDocuments ?? []).flatMap((relation) => {
    const target = readable(relation.document)
    return target ? [{ relation: relation.relation, target, key: relation.id ?? `${relation.relation}-${target.id}` }] : []
  })
  const replacedBy = (doc.replacedBy ?? []).flatMap((each) => readable(each) ?? [])
  const pointing = await attempt(async () => (await contentClient()).documentsPointingAt(doc.id))
  const incoming = (pointing.ok ? pointing.value : []).flatMap((other) =>
    (other.relatedDocuments ?? [])
      .filter((relation) => referenceIds(relation.document).includes(doc.id))
      // Replacements are already listed under "Bị thay thế bởi".
      .filter((relation) => !(relation.relation === 'replaces' && replacedBy.some((each) => each.id === other.id)))
      .map((relation) => ({ relation: relation.relation, other, key: `${other.id}-${relation.id ?? relation.relation}` })),
  )

  const facts: Array<[string, ReactNode]> = [
    ['Số, ký hiệu', doc.documentNumber],
    ['Loại văn bản', labelOf('documentType', doc.documentType)],
    ['Cơ quan ban hành', doc.issuingBody],
    ['Ngày ban hành', formatDate(doc.issueDate)],
    ['Ngày hiệu lực', formatDate(doc.effectiveDate)],
    ['Ngày hết hiệu lực', formatDate(doc.expiryDate)],
    ['Tình trạng hiệu lực', <ValidityBadge key="v" status={doc.validityStatus} />],
    ['Người ký', [doc.signerTitle, doc.signer].filter(Boolean).join(' ')],
    ['Lĩnh vực', doc.field],
    ['Văn bản đến/đi', doc.direction ? labelOf('direction', doc.direction) : undefined],
    ['Nơi nhận', doc.recipients?.join('; ')],
  ]

  return (
    <article className="article">
      <StructuredData data={legislationJsonLd(doc, await siteUrl())} />
      <p className="breadcrumbs">
        <Link href="/van-ban">Văn bản</Link> ›{' '}
        <Link href={`/van-ban?type=${doc.documentType}`}>{labelOf('documentType', doc.documentType)}</Link>
      </p>
      <p className="doc-number">
        {doc.documentNumber} <LevelBadge level={doc.accessLevel} />
      </p>
      <h1>{doc.title}</h1>
      <p className="lead">{doc.summary}</p>
      {doc.validityStatus === 'replaced' && replacedBy.length ? (
        <p className="notice" role="note">
          Văn bản này đã bị thay thế. Xem văn bản mới: <DocumentLink doc={replacedBy[0]} />
        </p>
      ) : null}

      <Facts facts={facts} />

      {related.length || replacedBy.length || incoming.length ? (
        <section aria-labelledby="lien-quan">
          <h2 id="lien-quan">Văn bản liên quan</h2>
          <ul className="relations">
            {related.map(({ relation, target, key }) => (
              <li key={key}>
                <strong>{labelOf('relation', relation)}:</strong> <DocumentLink doc={target} />
              </li>
            ))}
            {replacedBy.map((other) => (
              <li key={`replaced-${other.id}`}>
                <strong>Bị thay thế bởi:</strong> <DocumentLink doc={other} />
              </li>
            ))}
            {incoming.map(({ relation, other, key }) => (
              <li key={key}>
                <strong>{inverseOf[relation] ?? labelOf('relation', relation)}:</strong> <DocumentLink doc={other} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="toan-van">
        <h2 id="toan-van">Toàn văn</h2>
        {file ? <FileViewer file={file} /> : <p>Văn bản chưa có bản điện tử. Vui lòng liên hệ văn phòng nhà trường.</p>}
      </section>

      <p>
        <Link href="/van-ban">← Sổ văn bản</Link>
      </p>
    </article>
  )
}
