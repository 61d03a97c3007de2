import type { CollectionBeforeOperationHook } from 'payload'

import { UserFacingError } from '../../../lib/errors.js'
import { translate } from '../../../lib/translate.js'

/**
 * A delete that does not name the trash (`?trash=true`) would reach live documents only, and those
 * go to the trash first; the refusal says how, instead of Payload's bare "not allowed". Server code
 * (`overrideAccess`) deletes as it chooses: the emptying job, seeds and tests.
 */
export const refuseDeletingOutsideTrash: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  // REST leaves `overrideAccess` unset and checks access; only the Local API's default skips it.
  if (operation !== 'delete' || overrideAccess === true) return args
  if (args.trash === true) return args
  throw new UserFacingError(translate(req, 'deleteMovesToTrash'), 403)
}
