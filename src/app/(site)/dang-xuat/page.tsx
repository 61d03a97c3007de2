import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'

import { currentUser } from '@/site/viewer.js'

import { logout } from '../dang-nhap/actions.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Đăng xuất' }

/** Logging out is a POST (the button); opening this address only asks. */
export default async function LogoutPage() {
  const user = await currentUser()
  return (
    <section className="narrow">
      <h1>Đăng xuất</h1>
      {user ? (
        <form action={logout} className="stack">
          <p>
            Bạn đang đăng nhập với tên <strong>{user.name}</strong>. Đăng xuất khỏi trang web và trang quản trị?
          </p>
          <button type="submit" className="button">
            Đăng xuất
          </button>
        </form>
      ) : (
        <p>
          Bạn chưa đăng nhập. <Link href="/dang-nhap">Đăng nhập</Link>
        </p>
      )}
    </section>
  )
}
