import type { Metadata, Viewport } from 'next'
import Link from '@/app/(site)/_components/Link.js'
import type { ReactNode } from 'react'

import { currentUser, entersAdmin, schoolProfile } from '@/site/viewer.js'

import { allFeeds, feedPath } from '@/plugins/standards/feeds.js'

import { FocusOnNavigation } from './_components/FocusOnNavigation.js'
import { SiteStylesheet } from './_components/SiteStylesheet.js'
import { logout } from './dang-nhap/actions.js'

const fallbackName = 'Trường Mầm non Phục Lễ'

/** The feeds every page names: all announcements and new materials; a category's feed is one click further. */
const siteFeeds = allFeeds().filter(({ name }) => name.kind === 'materials' || !name.category)

/** The layout still renders when the profile cannot be read; the page says what failed. */
const profileOrNull = () => schoolProfile().catch(() => null)

export async function generateMetadata(): Promise<Metadata> {
  const name = (await profileOrNull())?.name ?? fallbackName
  return {
    // Canonical and Open Graph addresses are absolute; SERVER_URL names the public site.
    metadataBase: process.env.SERVER_URL ? new URL(process.env.SERVER_URL) : undefined,
    title: { default: name, template: `%s · ${name}` },
    description: `Trang thông tin, học liệu số và thư viện số của ${name}.`,
    // Announced on every page, so a feed reader given any address of the site finds them.
    alternates: {
      types: Object.fromEntries(
        (['rss', 'atom'] as const).map((format) => [
          format === 'rss' ? 'application/rss+xml' : 'application/atom+xml',
          siteFeeds.map(({ name: feed, title }) => ({ url: feedPath(feed, format), title: `${title} (${format === 'rss' ? 'RSS' : 'Atom'})` })),
        ]),
      ),
    },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f6e5a' }

const sections = [
  { href: '/', label: 'Trang chủ' },
  { href: '/gioi-thieu', label: 'Giới thiệu' },
  { href: '/tin-tuc', label: 'Tin tức' },
  { href: '/hoc-lieu', label: 'Học liệu' },
  { href: '/thu-vien', label: 'Thư viện' },
  { href: '/van-ban', label: 'Văn bản' },
]

/** The public website: its own document, in Vietnamese, apart from the admin panel's. */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [profile, user] = await Promise.all([profileOrNull(), currentUser()])
  const name = profile?.name ?? fallbackName
  return (
    <html lang="vi">
      <head>
        <SiteStylesheet />
      </head>
      <body>
        <a className="skip-link" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                PL
              </span>
              <span>{name}</span>
            </Link>
            <div className="account">
              {user ? (
                <>
                  <span className="muted">{`Xin chào, ${user.name}`}</span>
                  {entersAdmin(user) ? <a href="/admin">Trang quản trị</a> : null}
                  <form action={logout}>
                    <button type="submit" className="link-button">
                      Đăng xuất
                    </button>
                  </form>
                </>
              ) : (
                <Link href="/dang-nhap">Đăng nhập</Link>
              )}
            </div>
          </div>
          <nav className="wrap site-nav" aria-label="Chuyên mục chính">
            <ul>
              {sections.map((section) => (
                <li key={section.href}>
                  <Link href={section.href}>{section.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="noi-dung" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <FocusOnNavigation />
        <footer className="site-footer">
          <div className="wrap">
            <p>
              <strong>{name}</strong>
            </p>
            {profile?.address ? <p>{profile.address}</p> : null}
            <p>
              {profile?.contacts?.phone ? (
                <>
                  Điện thoại: <a href={`tel:${profile.contacts.phone.replace(/\s/g, '')}`}>{profile.contacts.phone}</a>{' '}
                </>
              ) : null}
              {profile?.contacts?.email ? (
                <>
                  · Thư điện tử: <a href={`mailto:${profile.contacts.email}`}>{profile.contacts.email}</a>
                </>
              ) : null}
            </p>
            <p className="muted">Trang web sử dụng Trường Số — kho học liệu số cho trường mầm non.</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
