import type { CollectionConfig } from 'payload'

import { canEnterAdmin } from '../../access/canEnterAdmin.js'
import { anyOf } from '../../access/compose.js'
import { isAdmin, isAdminField } from '../../access/hasAnyRole.js'
import { isSelf } from '../../access/isSelf.js'
import { roleOptions } from '../../fields/options.js'
import { forgetFailedLogins, throttleLogin, unlockClearsWaits } from './hooks/throttleLogin.js'

/** Accounts are created by administrators only: there is no self-registration. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', vi: 'Người dùng' },
    plural: { en: 'Users', vi: 'Người dùng' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: { en: 'System', vi: 'Hệ thống' },
  },
  auth: {
    // Payload's lock closes the account to everyone after five failures, so anyone could keep the
    // admin out; failures slow down only the client making them instead (hooks/throttleLogin.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax' },
  },
  access: {
    admin: canEnterAdmin,
    create: isAdmin,
    read: anyOf(isAdmin, isSelf),
    update: anyOf(isAdmin, isSelf),
    delete: isAdmin,
    readVersions: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [throttleLogin],
    afterLogin: [forgetFailedLogins],
    afterOperation: [unlockClearsWaits],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { en: 'Full name', vi: 'Họ và tên' },
      required: true,
    },
    {
      name: 'roles',
      type: 'select',
      label: { en: 'Roles', vi: 'Vai trò' },
      hasMany: true,
      required: true,
      defaultValue: ['parent'],
      options: roleOptions,
      saveToJWT: true,
      // Only administrators grant roles: nobody can promote themselves.
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'phone',
      type: 'text',
      label: { en: 'Phone', vi: 'Số điện thoại' },
    },
  ],
}
