import type { Access } from 'payload'

import { anyOf, versionsReadableWhen } from '../../access/compose.js'
import { editorsWithinReach, ownedWithinReach, publishedWithinReach } from '../../access/withinReach.js'
import { publisherRoles } from '../../access/roles.js'

/** Reviewers and admins edit every material within their reach; teachers edit their own. */
export const editMaterials: Access = anyOf(
  editorsWithinReach(publisherRoles),
  ownedWithinReach('author', ['teacher']),
)

export const readMaterials: Access = anyOf(publishedWithinReach, editMaterials)

export const readMaterialVersions: Access = versionsReadableWhen({ readDocument: readMaterials, readVersion: editMaterials })
