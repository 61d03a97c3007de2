import type { Payload } from 'payload'

import type { BackupOutcome } from './status.js'

/** A backup or a restore that finished (well or not), for whoever records such things. */
export type BackupEvent =
  | { kind: 'backup'; outcome: BackupOutcome; payload?: Payload }
  | { kind: 'restore'; archive: string; counts: Record<string, number>; payload: Payload }

type Listener = (event: BackupEvent) => Promise<void> | void

const listeners = new Set<Listener>()

/**
 * Hears every backup and restore of this process: the server's nightly backups (with its
 * `payload`), `npm run restore` (with the restored database's `payload`) and `npm run backup`
 * (which runs without Payload, so without one). Returns the function that stops listening.
 */
export const onBackupEvent = (listener: Listener): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells every listener; a listener that fails is logged by the caller's logger, never fatal. */
export const emitBackupEvent = async (event: BackupEvent, logError: (error: unknown) => void): Promise<void> => {
  for (const listener of listeners) {
    await Promise.resolve()
      .then(() => listener(event))
      .catch(logError)
  }
}
