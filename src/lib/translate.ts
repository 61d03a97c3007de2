import type { PayloadRequest } from 'payload'

import type { TruongsoMessage } from '../i18n.js'

/** Our own message in the requester's language (Vietnamese unless they chose English). */
export const translate = (
  req: PayloadRequest,
  key: TruongsoMessage,
  variables?: Record<string, number | string>,
): string => req.t(`truongso:${key}` as Parameters<PayloadRequest['t']>[0], variables)
