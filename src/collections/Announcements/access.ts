import type { Access } from 'payload'

import { anyOf, versionsReadableWhen } from '../../access/compose.js'
import { officeRoles } from '../../access/roles.js'
import { editorsWithinReach, publishedWithinReach } from '../../access/withinReach.js'
import { allOf } from '../../access/compose.js'

export const editAnnouncements: Access = editorsWithinReach(officeRoles)

/** A scheduled announcement stays hidden until its publication time. */
const alreadyOut: Access = () => ({ publishedAt: { less_than_equal: new Date().toISOString() } })

/**
 * Expired announcements leave the lists; a direct link (a read by id) still opens them, so a
 * parent holding last month's menu is not met with an error.
 */
const listedUnlessExpired: Access = ({ id }) =>
  id !== undefined
    ? true
    : {
        or: [
          { expiresAt: { exists: false } },
          { expiresAt: { greater_than: new Date().toISOString() } },
        ],
      }

export const readAnnouncements: Access = anyOf(
  allOf(publishedWithinReach, alreadyOut, listedUnlessExpired),
  editAnnouncements,
)

export const readAnnouncementVersions: Access = versionsReadableWhen({ readDocument: readAnnouncements, readVersion: editAnnouncements })
