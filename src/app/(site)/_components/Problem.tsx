import { ContentApiError } from '@/site/api.js'

/** What went wrong, in words a parent understands; details go to the server log. */
const explain = (error: unknown): string => {
  if (error instanceof ContentApiError) {
    if (error.status === 0 || error.status >= 500)
      return 'Máy chủ nội dung đang bận hoặc tạm ngừng. Vui lòng thử lại sau ít phút.'
    if (error.status === 400) return 'Điều kiện tìm kiếm hoặc bộ lọc không hợp lệ. Hãy kiểm tra lại hoặc bỏ bớt bộ lọc.'
    if (error.status === 401 || error.status === 403)
      return 'Phiên đăng nhập đã hết hạn hoặc bạn không có quyền xem nội dung này. Hãy đăng nhập lại.'
  }
  return 'Đã có lỗi khi tải nội dung. Vui lòng tải lại trang.'
}

/**
 * A failed load, explained; the rest of the page keeps working. The failing API request itself is
 * already in the server's request log, which is where operators look.
 */
export function Problem({ error, what }: { error: unknown; what: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Không tải được {what}.</strong> {explain(error)}
      </p>
    </div>
  )
}

/** Runs a load and keeps its failure as a value, so one failing block does not break the page. */
export const attempt = async <T,>(load: () => Promise<T>): Promise<{ ok: true; value: T } | { error: unknown; ok: false }> => {
  try {
    return { ok: true, value: await load() }
  } catch (error) {
    return { error, ok: false }
  }
}
