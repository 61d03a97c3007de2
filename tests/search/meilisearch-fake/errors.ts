/**
 * Meilisearch's error object and the HTTP status of each code the fake answers with
 * ("Errors", https://www.meilisearch.com/docs/reference/errors/overview;
 * "Error codes", https://www.meilisearch.com/docs/reference/errors/error_codes).
 */
export type ApiError = { code: string; link: string; message: string; type: string }

const statusOf: Record<string, number> = {
  api_key_not_found: 404,
  index_not_found: 404,
  invalid_api_key: 403,
  invalid_content_type: 415,
  missing_authorization_header: 401,
  not_found: 404,
  payload_too_large: 413,
  task_not_found: 404,
}

const typeOf = (code: string): string =>
  code === 'invalid_api_key' || code === 'missing_authorization_header' ? 'auth' : code === 'internal' ? 'internal' : 'invalid_request'

export const apiError = (code: string, message: string): ApiError => ({
  code,
  link: `https://docs.meilisearch.com/errors#${code}`,
  message,
  type: typeOf(code),
})

/** 400 unless the code has a status of its own. */
export const httpStatusOf = (error: ApiError): number => statusOf[error.code] ?? 400

/** An error answered to a request, carried through the fake's handlers. */
export class Refusal extends Error {
  constructor(readonly error: ApiError, readonly status = httpStatusOf(error)) {
    super(error.message)
  }
}

export const refuse = (code: string, message: string, status?: number): never => {
  throw new Refusal(apiError(code, message), status)
}

const parts = (version: string): number[] => version.split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0)

/** True when `version` is `minimum` or later. */
export const isAtLeast = (version: string, minimum: string): boolean => {
  const [a, b] = [parts(version), parts(minimum)]
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i]
  return true
}
