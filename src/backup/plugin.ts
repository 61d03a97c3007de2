import type { Config, Plugin } from 'payload'

import { isServerProcess } from '../lib/serverProcess.js'
import { nightlySettings, scheduleNightlyBackups } from './nightly.js'

/** Backs the school up every night from the server (never from scripts or tests). */
export const nightlyBackups =
  (): Plugin =>
  (config: Config): Config => {
    // Read at start, so a wrong setting stops the server instead of the first night's backup.
    const settings = nightlySettings()
    return {
      ...config,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (isServerProcess()) scheduleNightlyBackups(payload, settings)
      },
    }
  }
