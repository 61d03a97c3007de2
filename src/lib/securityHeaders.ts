import type { HelmetOptions } from 'helmet'

/**
 * Helmet's defaults, loosened only where the admin UI and the website need it: Next inlines its
 * bootstrap scripts and styles, the admin previews uploads from blob: URLs, and lessons embed
 * YouTube videos. Everything else keeps helmet's strict defaults.
 */
export const securityHeaders = ({ dev }: { dev: boolean }): Readonly<HelmetOptions> => ({
  contentSecurityPolicy: {
    directives: {
      'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
      'frame-src': ["'self'", 'https://www.youtube-nocookie.com', 'https://www.youtube.com'],
      'img-src': ["'self'", 'data:', 'blob:'],
      'media-src': ["'self'", 'blob:'],
      'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
      'style-src': ["'self'", "'unsafe-inline'"],
      'upgrade-insecure-requests': null,
      'worker-src': ["'self'", 'blob:'],
    },
  },
  // The admin's PDF and image previews load same-origin resources without CORP headers.
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
})
