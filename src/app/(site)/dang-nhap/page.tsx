import type { Metadata } from 'next'
import Link from '@/app/(site)/_components/Link.js'

import { sameSitePath } from '@/lib/sameSitePath.js'
import { param, type SearchParams } from '@/site/format.js'
import { currentUser, entersAdmin } from '@/site/viewer.js'

import { login, logout } from './actions.js'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Đăng nhập' }

const errors: Record<string, string> = {
  'thieu-thong-tin': 'Vui lòng nhập đủ thư điện tử và mật khẩu.',
  'sai-thong-tin': 'Thư điện tử hoặc mật khẩu không đúng. Vui lòng kiểm tra lại.',
  'tam-khoa': 'Bạn đã đăng nhập sai nhiều lần vào tài khoản này. Vui lòng chờ ít phút rồi thử lại, hoặc liên hệ nhà trường.',
  'may-chu': 'Máy chủ đang bận, chưa đăng nhập được. Vui lòng thử lại sau ít phút.',
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams
  const user = await currentUser()
  const error = errors[param(query, 'loi') ?? '']
  const next = sameSitePath(param(query, 'tiep'))

  if (user) {
    const staff = entersAdmin(user)
    return (
      <section className="narrow">
        <h1>{`Xin chào, ${user.name}`}</h1>
        <p>
          Bạn đang đăng nhập với địa chỉ <strong>{user.email}</strong>.
        </p>
        {staff ? (
          <div className="notice">
            <p>
              Tài khoản của thầy cô dùng để soạn, duyệt và đăng nội dung tại <strong>trang quản trị</strong>.
            </p>
            <p>
              <a className="button" href="/admin">
                Vào trang quản trị
              </a>
            </p>
          </div>
        ) : (
          <p>
            Các tin tức, học liệu và tài liệu dành cho phụ huynh đã hiện trên trang. Xem <Link href="/hoc-lieu">học liệu</Link>,{' '}
            <Link href="/tin-tuc">tin tức – thông báo</Link> hoặc <Link href="/thu-vien">thư viện số</Link>.
          </p>
        )}
        <form action={logout}>
          <button type="submit" className="button button-secondary">
            Đăng xuất
          </button>
        </form>
      </section>
    )
  }

  return (
    <section className="narrow">
      <h1>Đăng nhập</h1>
      <p>Dành cho phụ huynh, giáo viên và cán bộ nhà trường. Tài khoản do nhà trường cấp.</p>
      {param(query, 'da-dang-xuat') ? (
        <p className="notice" role="status">
          Bạn đã đăng xuất.
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert" id="loi-dang-nhap">
          {error}
        </p>
      ) : null}
      <form action={login} className="stack">
        {next ? <input type="hidden" name="tiep" value={next} /> : null}
        <label>
          Thư điện tử
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            aria-describedby={error ? 'loi-dang-nhap' : undefined}
          />
        </label>
        <label>
          Mật khẩu
          <input type="password" name="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button">
          Đăng nhập
        </button>
      </form>
      <p className="muted">Quên mật khẩu? Vui lòng liên hệ văn phòng nhà trường để được cấp lại.</p>
    </section>
  )
}
