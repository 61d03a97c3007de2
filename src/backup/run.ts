import { createBackup, type BackupResult, type BackupSettings } from './backup.js'
import { recordBackupOutcome } from './status.js'

/**
 * Makes a backup and records how it went where the dashboard reads it, failure included: a
 * backup that fails is never silent.
 */
export const backupAndRecord = async (settings: BackupSettings): Promise<{ error?: unknown; result?: BackupResult }> => {
  const started = Date.now()
  try {
    const result = await createBackup(settings)
    await recordBackupOutcome(settings.backupDir, { archive: result.archive, at: new Date().toISOString(), bytes: result.bytes, kind: settings.kind, ms: result.ms, ok: true })
    return { result }
  } catch (error) {
    await recordBackupOutcome(settings.backupDir, { at: new Date().toISOString(), error: error instanceof Error ? error.message : String(error), kind: settings.kind, ms: Date.now() - started, ok: false })
    return { error }
  }
}
