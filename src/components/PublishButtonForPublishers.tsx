'use client'
import { PublishButton, useAuth } from '@payloadcms/ui'

import { hasRole } from '../access/accessLevels'
import { publisherRoles } from '../access/roles'

/**
 * Teachers save drafts and submit them for review; only publishers see "Publish". The server
 * refuses a teacher's publish anyway (rejectPublishWithoutRight): this only spares a dead button.
 */
export const PublishButtonForPublishers = () => {
  const { user } = useAuth()
  return hasRole(user, ...publisherRoles) ? <PublishButton /> : null
}
