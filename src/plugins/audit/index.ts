import type { CollectionConfig, Config } from 'payload'

import type { AuditPluginOptions } from './types.js'

import { AuditLog } from '../../collections/AuditLog/index.js'
import { noteOperation, notePublicationBefore, recordChange, recordDelete } from '../../collections/AuditLog/hooks/recordChanges.js'
import { noteSignInAttempt, recordFailedGraphQLLogin, recordFailedLogin, recordLogin, recordUnlockAndReset } from '../../collections/AuditLog/hooks/recordSignIns.js'
import { auditRetentionDays, pruneAuditLogTask } from '../../collections/AuditLog/jobs/pruneAuditLog.js'

const recorded = (collection: CollectionConfig, isAccounts: boolean): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), noteOperation],
      beforeChange: [...(hooks.beforeChange ?? []), notePublicationBefore],
      // Last: what is recorded is what the collection's own hooks made of the change.
      afterChange: [...(hooks.afterChange ?? []), recordChange],
      afterDelete: [...(hooks.afterDelete ?? []), recordDelete],
      ...(isAccounts
        ? {
            // First: the account's own hooks may refuse the sign-in.
            beforeOperation: [noteSignInAttempt, ...(hooks.beforeOperation ?? []), noteOperation],
            afterLogin: [...(hooks.afterLogin ?? []), recordLogin],
            afterError: [...(hooks.afterError ?? []), recordFailedLogin],
            afterOperation: [...(hooks.afterOperation ?? []), recordUnlockAndReset],
          }
        : {}),
    },
  }
}

/**
 * The audit log: adds the `audit-log` collection, records what happens to the listed collections
 * and to accounts, and prunes entries past the retention every night.
 */
export const auditPlugin =
  (options: AuditPluginOptions) =>
  (config: Config): Config => {
    const users = options.users ?? 'users'
    const watched = new Set<string>([...options.collections, users])
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) => (watched.has(collection.slug) ? recorded(collection, collection.slug === users) : collection)),
        AuditLog,
      ],
      hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), recordFailedGraphQLLogin] },
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          pruneAuditLogTask({ retentionDays: options.retentionDays ?? auditRetentionDays(), schedule: options.schedule ?? '41 3 * * *' }),
        ],
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        const setting = process.env.AUDIT_RETENTION_DAYS
        if (setting && auditRetentionDays() !== Number(setting)) {
          payload.logger.warn(`AUDIT_RETENTION_DAYS="${setting}" is not a whole number of days from 1: the audit log keeps entries ${auditRetentionDays()} days`)
        }
      },
    }
  }
