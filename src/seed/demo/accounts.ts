import type { Role } from '../../access/accessLevels.js'

/** Who each demo account is; `key` is how the other demo modules name the author of a document. */
export type DemoAccount = {
  key: AccountKey
  email: string
  name: string
  roles: Role[]
  /** Who the account is in the demo, shown in the table logged after seeding. */
  purpose: string
}

export type AccountKey = 'admin' | 'parent' | 'reviewer' | 'staff' | 'teacher' | 'teacher2'

/** The one password of every demo account, unless `DEMO_PASSWORD` sets another. */
export const demoPassword = (): string => process.env.DEMO_PASSWORD ?? 'truongso-demo'

export const demoAccounts: DemoAccount[] = [
  {
    key: 'admin',
    email: 'admin@truongso.test',
    name: 'Nguyễn Thị Hương',
    roles: ['admin'],
    purpose: 'Hiệu trưởng — quản trị toàn bộ',
  },
  {
    key: 'reviewer',
    email: 'totruong@truongso.test',
    name: 'Phạm Thị Lan',
    roles: ['reviewer'],
    purpose: 'Tổ trưởng chuyên môn — duyệt và xuất bản học liệu',
  },
  {
    key: 'teacher',
    email: 'giaovien@truongso.test',
    name: 'Vũ Thị Thu Trang',
    roles: ['teacher'],
    purpose: 'Giáo viên lớp Mẫu giáo lớn A1 — soạn học liệu',
  },
  {
    key: 'teacher2',
    email: 'giaovien2@truongso.test',
    name: 'Đặng Thị Mai',
    roles: ['teacher'],
    purpose: 'Giáo viên nhóm Nhà trẻ — soạn học liệu',
  },
  {
    key: 'staff',
    email: 'vanthu@truongso.test',
    name: 'Hoàng Thị Ngọc Anh',
    roles: ['staff'],
    purpose: 'Văn thư – thư viện — văn bản, tin tức, thư viện',
  },
  {
    key: 'parent',
    email: 'phuhuynh@truongso.test',
    name: 'Trần Văn Hùng',
    roles: ['parent'],
    purpose: 'Phụ huynh cháu Trần Minh Khang (lớp Mẫu giáo nhỡ B2)',
  },
]

/** The full name of a demo account, as it signs documents and lessons. */
export const demoAccountName = (key: AccountKey): string => {
  const account = demoAccounts.find((each) => each.key === key)
  if (!account) throw new Error(`No demo account "${key}"`)
  return account.name
}
