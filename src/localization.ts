import type { LocalizationConfig } from 'payload'

/** Vietnamese first; English for visitors and partners who ask for it. */
export const defaultLocale = 'vi' as const

export const localization: LocalizationConfig = {
  locales: [
    { code: 'vi', label: 'Tiếng Việt' },
    { code: 'en', label: 'English' },
  ],
  defaultLocale,
  fallback: true,
}
