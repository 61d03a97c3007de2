import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'

import { currentUser } from '@/site/viewer.js'

export const metadata: Metadata = { title: 'Không tìm thấy trang' }

export default async function NotFound() {
  const user = await currentUser()
  return (
    <section className="narrow not-found">
      <p className="big" aria-hidden="true">
        404
      </p>
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không có, đã được chuyển đi, hoặc chưa được đăng.</p>
      {!user ? (
        <p>
          Nếu đây là thông báo hay học liệu dành cho phụ huynh, hãy <Link href="/dang-nhap">đăng nhập</Link> rồi mở lại đường dẫn.
        </p>
      ) : null}
      <ul>
        <li>
          <Link href="/">Về trang chủ</Link>
        </li>
        <li>
          <Link href="/thu-vien">Tìm trong thư viện số</Link>
        </li>
        <li>
          <Link href="/tin-tuc">Xem tin tức – thông báo</Link>
        </li>
      </ul>
    </section>
  )
}
