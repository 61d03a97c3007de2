import type { SeedDemoResult } from './seedDemo.js'

/**
 * The demo accounts as a text table, Vietnamese and English, for the log of whoever loaded the
 * demo: it is the only place the password is shown.
 */
export const formatAccountsTable = ({ accounts }: Pick<SeedDemoResult, 'accounts'>): string => {
  const header = ['Email', 'Vai trò / Role', 'Mật khẩu / Password']
  const rows = accounts.map((account) => [account.email, account.role, account.password])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  return [
    'Đã nạp dữ liệu mẫu. Đăng nhập tại /admin (phụ huynh: trang web) bằng các tài khoản sau:',
    'Demo content loaded. Sign in at /admin (parents: the website) with these accounts:',
    line(header),
    rule,
    ...rows.map(line),
    'Đổi mật khẩu hoặc xóa các tài khoản này trước khi dùng thật. / Change or delete these accounts before real use.',
  ].join('\n')
}
