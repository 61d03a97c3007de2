import type { Metadata } from 'next'
import { siteUrl } from '@/site/siteUrl.js'
import { preschoolJsonLd } from '@/site/structuredData.js'

import { schoolProfile } from '@/site/viewer.js'

import { StructuredData } from '../_components/StructuredData.js'
import { Picture } from '../_components/Picture.js'
import { Problem } from '../_components/Problem.js'
import { ProfileSummary, SchoolInNumbers } from '../_components/ProfileSummary.js'
import { RichText } from '../_components/RichText.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Giới thiệu' }

export default async function AboutPage() {
  let profile
  try {
    profile = await schoolProfile()
  } catch (error) {
    return (
      <>
        <h1>Giới thiệu nhà trường</h1>
        <Problem error={error} what="thông tin nhà trường" />
      </>
    )
  }
  const { contacts, curriculum, facilities, history, staff, statistics } = profile

  return (
    <article>
      <StructuredData data={preschoolJsonLd(profile, await siteUrl())} />
      <h1>Giới thiệu {profile.name}</h1>
      <ProfileSummary profile={profile} leadSummary />

      <nav aria-label="Mục lục" className="toc">
        <ul>
          {history ? (
            <li>
              <a href="#lich-su">Lịch sử</a>
            </li>
          ) : null}
          {facilities?.length ? (
            <li>
              <a href="#co-so-vat-chat">Cơ sở vật chất</a>
            </li>
          ) : null}
          {curriculum?.length ? (
            <li>
              <a href="#chuong-trinh">Chương trình giáo dục</a>
            </li>
          ) : null}
          {staff?.length ? (
            <li>
              <a href="#doi-ngu">Đội ngũ</a>
            </li>
          ) : null}
          <li>
            <a href="#lien-he">Liên hệ</a>
          </li>
        </ul>
      </nav>

      <SchoolInNumbers statistics={statistics} />

      {history ? (
        <section id="lich-su" aria-labelledby="lich-su-tieu-de">
          <h2 id="lich-su-tieu-de">Lịch sử nhà trường</h2>
          <RichText data={history} startAt={3} />
        </section>
      ) : null}

      {facilities?.length ? (
        <section id="co-so-vat-chat" aria-labelledby="csvc-tieu-de">
          <h2 id="csvc-tieu-de">Cơ sở vật chất</h2>
          <div className="grid">
            {facilities.map((facility) => (
              <article className="card" key={facility.id ?? facility.name}>
                <Picture media={facility.photo} size="card" className="card-image" />
                <div className="card-body">
                  <h3>
                    {facility.name}
                    {facility.quantity ? <span className="muted"> ({facility.quantity})</span> : null}
                  </h3>
                  {facility.description ? <p>{facility.description}</p> : null}
                </div>
              </article>
            ))}
          </div>
        </section>
      ) : null}

      {curriculum?.length ? (
        <section id="chuong-trinh" aria-labelledby="ct-tieu-de">
          <h2 id="ct-tieu-de">Chương trình giáo dục</h2>
          {curriculum.map((entry) => (
            <section key={entry.id ?? entry.title} className="block">
              <h3>{entry.title}</h3>
              {entry.description ? <p>{entry.description}</p> : null}
            </section>
          ))}
        </section>
      ) : null}

      {staff?.length ? (
        <section id="doi-ngu" aria-labelledby="dn-tieu-de">
          <h2 id="dn-tieu-de">Đội ngũ cán bộ, giáo viên</h2>
          <ul className="people">
            {staff.map((member) => (
              <li key={member.id ?? member.name}>
                <Picture media={member.photo} size="thumbnail" />
                <div>
                  <strong>{member.name}</strong>
                  {member.role ? <span>{member.role}</span> : null}
                  {member.qualification ? <span className="muted">{member.qualification}</span> : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section id="lien-he" aria-labelledby="lh-tieu-de">
        <h2 id="lh-tieu-de">Liên hệ</h2>
        <dl className="facts">
          {profile.address ? (
            <>
              <dt>Địa chỉ</dt>
              <dd>{profile.address}</dd>
            </>
          ) : null}
          {contacts?.phone ? (
            <>
              <dt>Điện thoại</dt>
              <dd>
                <a href={`tel:${contacts.phone.replace(/\s/g, '')}`}>{contacts.phone}</a>
              </dd>
            </>
          ) : null}
          {contacts?.hotline ? (
            <>
              <dt>Đường dây nóng</dt>
              <dd>
                <a href={`tel:${contacts.hotline.replace(/\s/g, '')}`}>{contacts.hotline}</a>
              </dd>
            </>
          ) : null}
          {contacts?.email ? (
            <>
              <dt>Thư điện tử</dt>
              <dd>
                <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
              </dd>
            </>
          ) : null}
          {contacts?.website ? (
            <>
              <dt>Trang web</dt>
              <dd>{contacts.website}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </article>
  )
}
