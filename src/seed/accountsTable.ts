import { roleOptions } from '../fields/options.js'
import { demoAccounts } from './demo/accounts.js'
import type { SeedDemoResult } from './seedDemo.js'

const roleLabel = (role: string): string =>
  role
    .split(/,\s*/)
    .map((value) => {
      const option = roleOptions.find((candidate) => candidate.value === value)
      return option ? `${option.label.vi} / ${option.label.en}` : value
    })
    .join(', ')

/**
 * The demo accounts as a text table, Vietnamese and English, for the log of whoever loaded the
 * demo: it is the only place the password is shown.
 */
export const formatAccountsTable = ({ accounts }: Pick<SeedDemoResult, 'accounts'>): string => {
  const header = ['Email', 'Vai trò / Role', 'Mật khẩu / Password', 'Dùng để / For']
  const rows = accounts.map((account) => [
    account.email,
    roleLabel(account.role),
    account.password,
    demoAccounts.find((demo) => demo.email === account.email)?.purpose ?? '',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  return [
    'Đã nạp dữ liệu mẫu. Đăng nhập tại /admin (phụ huynh: trang web) bằng các tài khoản sau:',
    'Demo content loaded. Sign in at /admin (parents: on the website) with these accounts:',
    line(header),
    rule,
    ...rows.map(line),
    'Đổi mật khẩu hoặc xóa các tài khoản này trước khi dùng thật (DEMO_PASSWORD đặt mật khẩu khác).',
    'Change or delete these accounts before real use (DEMO_PASSWORD sets another password).',
  ].join('\n')
}
