import type { CollectionConfig } from 'payload'

import { locksOnEditableDocuments } from '../../access/locksOnEditableDocuments.js'
import { nobody } from '../../access/nobody.js'
import { ownPreferences } from '../../access/ownPreferences.js'
import { adminRequest, noRequest } from '../../access/requestRules.js'
import { signedIn } from '../../access/signedIn.js'

export type InternalAccess = Required<Pick<NonNullable<CollectionConfig['access']>, 'create' | 'delete' | 'read' | 'update'>>

/** Nothing through the API: Payload and the server work these collections with the database layer or `overrideAccess`. */
const systemOnly: InternalAccess = { create: nobody, read: nobody, update: nobody, delete: nobody }

/**
 * Who may do what to every collection Payload adds to ours, declared here rather than left to
 * Payload's defaults (for locks: anyone signed in, for everything). A collection Payload adds that
 * is missing here stops the server at start: `payload-folders` and `payload-query-presets`
 * appear when a collection turns folders or query presets on, and need a row first.
 */
export const internalCollectionAccess: Record<string, InternalAccess> = {
  // Locks are created by the admin panel's form state through the database layer, never the API.
  'payload-locked-documents': {
    create: nobody,
    read: locksOnEditableDocuments,
    update: locksOnEditableDocuments,
    delete: locksOnEditableDocuments,
  },
  // The user field is always set to the requesting user by Payload, so a new preference is her own.
  'payload-preferences': { create: signedIn, read: ownPreferences, update: ownPreferences, delete: ownPreferences },
  'payload-jobs': systemOnly,
  'payload-kv': systemOnly,
  'payload-migrations': systemOnly,
}

/**
 * The jobs queue's own endpoints (`/api/payload-jobs/run`, `/handle-schedules`) and Local API
 * calls made for a user: the server runs the queue on its own cron, so only an administrator may
 * start a run by hand, and nobody queues or cancels through a request.
 */
export const jobsAccess = { run: adminRequest, queue: noRequest, cancel: noRequest }
