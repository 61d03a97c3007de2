/**
 * Sites allowed to call the API from a browser with credentials (`CORS_ORIGINS`, comma-separated),
 * plus the site's own `SERVER_URL`. Only listed origins are echoed back; there is no wildcard.
 */
export const allowedOrigins = (): string[] =>
  [process.env.SERVER_URL, ...(process.env.CORS_ORIGINS ?? '').split(',')]
    .map((origin) => origin?.trim().replace(/\/$/, ''))
    .filter((origin): origin is string => Boolean(origin))
