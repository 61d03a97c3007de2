import Link from '@/app/(site)/_components/Link.js'

import { contentClient, currentUser, schoolProfile } from '@/site/viewer.js'

import { AnnouncementCard, MaterialCard, firstWithPicture } from './_components/Cards.js'
import { attempt, Problem } from './_components/Problem.js'
import { ProfileSummary, SchoolInNumbers } from './_components/ProfileSummary.js'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const api = await contentClient()
  const [profile, pinned, latest, materials, user] = await Promise.all([
    attempt(() => schoolProfile()),
    attempt(() => api.announcements({ pinned: true, limit: 3 })),
    attempt(() => api.announcements({ pinned: false, limit: 6 })),
    attempt(() => api.materials({}, 6)),
    currentUser(),
  ])
  const school = profile.ok ? profile.value : null
  const firstPicture = firstWithPicture([
    ...(pinned.ok ? pinned.value.docs : []),
    ...(latest.ok ? latest.value.docs : []),
    ...(materials.ok ? materials.value.docs : []),
  ])

  return (
    <>
      <section className="hero" aria-labelledby="ten-truong">
        <h1 id="ten-truong">{school?.name ?? 'Trường Mầm non Phục Lễ'}</h1>
        {profile.ok ? (
          <>
            <ProfileSummary profile={profile.value} />
            <SchoolInNumbers statistics={profile.value.statistics} />
          </>
        ) : (
          <Problem error={profile.error} what="thông tin nhà trường" />
        )}
        <p className="actions">
          <Link className="button" href="/hoc-lieu">
            Xem học liệu số
          </Link>
          <Link className="button button-secondary" href="/gioi-thieu">
            Giới thiệu nhà trường
          </Link>
        </p>
        {!user ? (
          <p className="muted">
            Phụ huynh <Link href="/dang-nhap">đăng nhập</Link> để xem thông báo, thực đơn và học liệu dành riêng cho lớp của con.
          </p>
        ) : null}
      </section>

      {pinned.ok && pinned.value.docs.length ? (
        <section aria-labelledby="tin-noi-bat">
          <h2 id="tin-noi-bat">Tin nổi bật</h2>
          <div className="grid">
            {pinned.value.docs.map((item) => (
              <AnnouncementCard key={item.id} item={item} firstPicture={item === firstPicture} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="tin-moi">
        <h2 id="tin-moi">Tin tức – Thông báo mới</h2>
        {latest.ok ? (
          latest.value.docs.length ? (
            <div className="grid">
              {latest.value.docs.map((item) => (
                <AnnouncementCard key={item.id} item={item} firstPicture={item === firstPicture} />
              ))}
            </div>
          ) : (
            <p>Chưa có tin tức, thông báo mới.</p>
          )
        ) : (
          <Problem error={latest.error} what="tin tức" />
        )}
        <p>
          <Link href="/tin-tuc">Xem tất cả tin tức →</Link>
        </p>
      </section>

      <section aria-labelledby="hoc-lieu-moi">
        <h2 id="hoc-lieu-moi">Học liệu mới</h2>
        {materials.ok ? (
          materials.value.docs.length ? (
            <div className="grid">
              {materials.value.docs.map((item) => (
                <MaterialCard key={item.id} item={item} firstPicture={item === firstPicture} />
              ))}
            </div>
          ) : (
            <p>Chưa có học liệu nào được đăng.</p>
          )
        ) : (
          <Problem error={materials.error} what="học liệu" />
        )}
        <p>
          <Link href="/hoc-lieu">Xem tất cả học liệu →</Link>
        </p>
      </section>
    </>
  )
}
