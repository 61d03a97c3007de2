/**
 * What the audit log records, with the words the school office reads. Values are stable ASCII keys
 * (filters, CSV, GraphQL enums); labels Vietnamese first.
 */
const action = (value: string, vi: string, en: string) => ({ label: { en, vi }, value }) as const

export const auditActionOptions = [
  action('create', 'Tạo mới', 'Create'),
  action('update', 'Sửa', 'Update'),
  action('publish', 'Xuất bản', 'Publish'),
  action('unpublish', 'Thôi xuất bản', 'Unpublish'),
  action('submit-for-review', 'Gửi duyệt', 'Submit for review'),
  action('approve', 'Duyệt', 'Approve'),
  action('return-for-changes', 'Trả lại để sửa', 'Return for changes'),
  action('delete', 'Chuyển vào thùng rác', 'Move to trash'),
  action('restore-from-trash', 'Khôi phục từ thùng rác', 'Restore from trash'),
  action('delete-permanently', 'Xoá vĩnh viễn', 'Delete permanently'),
  action('restore-version', 'Khôi phục phiên bản', 'Restore a version'),
  action('login', 'Đăng nhập', 'Log in'),
  action('login-failed', 'Đăng nhập sai', 'Failed login'),
  action('lockout', 'Tạm khoá tài khoản', 'Account locked'),
  action('unlock', 'Mở khoá tài khoản', 'Account unlocked'),
  action('role-change', 'Đổi vai trò', 'Role change'),
  action('password-change', 'Đổi mật khẩu', 'Password change'),
  action('backup', 'Sao lưu', 'Backup'),
  action('restore', 'Khôi phục từ bản sao lưu', 'Restore from backup'),
]

export type AuditAction = (typeof auditActionOptions)[number]['value']

export const auditCollectionSlug = 'audit-log'
