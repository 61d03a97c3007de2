import type { Access } from 'payload'

import { levelsFor } from '../../access/accessLevels.js'
import { anyOf } from '../../access/compose.js'
import { uploaderRoles } from '../../access/roles.js'
import { editorsWithinReach, levelWithinReach, ownedWithinReach } from '../../access/withinReach.js'

/** A file published inside a document is readable by that document's readers. */
const exposedWithinReach: Access = ({ req }) => ({ exposedLevels: { in: levelsFor(req.user) } })

export const readMedia: Access = anyOf(
  levelWithinReach,
  exposedWithinReach,
  ownedWithinReach('uploadedBy', uploaderRoles),
)

/** Uploaders manage their own files; office staff and admins manage the library of files. */
export const manageMedia: Access = anyOf(
  editorsWithinReach(['staff']),
  ownedWithinReach('uploadedBy', uploaderRoles),
)
