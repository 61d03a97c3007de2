import type { Access } from 'payload'

/** For operations no request may perform (system work uses `overrideAccess` instead). */
export const nobody: Access = () => false
