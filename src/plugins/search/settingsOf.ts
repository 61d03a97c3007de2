import type { Payload } from 'payload'

import type { SanitizedSearchPluginOptions } from './types.js'

/** The search plugin's live settings and engine, as installed in this Payload instance. */
export const searchSettingsOf = (payload: Payload): SanitizedSearchPluginOptions => {
  const settings = (payload.config.custom as { search?: SanitizedSearchPluginOptions } | undefined)?.search
  if (!settings) throw new Error('the search plugin is not installed in this config')
  return settings
}
