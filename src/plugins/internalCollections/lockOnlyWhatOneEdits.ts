import { createLocalReq, type Payload } from 'payload'

import { type Lock, mayEditLocked } from '../../access/locksOnEditableDocuments.js'

type NewLock = Omit<Lock, 'id'> & { user?: { relationTo: string; value: unknown } | null }

const holderMayEdit = async (payload: Payload, lock: NewLock): Promise<boolean> => {
  const holder = lock.user
  const id = typeof holder?.value === 'object' && holder.value ? (holder.value as { id: unknown }).id : holder?.value
  if (!holder || (typeof id !== 'number' && typeof id !== 'string')) return false
  const user = await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!user) return false
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  return mayEditLocked(req, { ...lock, id: '' })
}

/**
 * The admin panel takes a lock for whoever opens a document, through the database layer, past
 * every access rule: a teacher who only reads a staff announcement locked it for five minutes, and
 * the office's saves failed meanwhile. A lock is now taken only for someone who may edit what it
 * locks; for anyone else the document opens read-only as before, with no lock behind.
 */
export const lockOnlyWhatOneEdits = (payload: Payload): void => {
  const create = payload.db.create.bind(payload.db)
  payload.db.create = async (args) => {
    if (args.collection === 'payload-locked-documents' && !(await holderMayEdit(payload, args.data as NewLock))) {
      payload.logger.debug({ lock: args.data }, 'lock not taken: its holder may not edit what it locks')
      return { ...args.data }
    }
    return create(args)
  }
}
