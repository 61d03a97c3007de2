import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone.js'
import { hasAnyRole } from '../access/hasAnyRole.js'
import { officeRoles } from '../access/roles.js'

const editProfile = hasAnyRole(officeRoles)

/** Everything the school website must publish about the school (Thông tư 36/2017 openness). */
export const SchoolProfile: GlobalConfig = {
  slug: 'school-profile',
  label: { en: 'School profile', vi: 'Thông tin nhà trường' },
  admin: { group: { en: 'System', vi: 'Hệ thống' } },
  versions: { max: 20 },
  access: {
    read: anyone,
    readVersions: editProfile,
    update: editProfile,
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { en: 'School name', vi: 'Tên trường' } },
    { name: 'motto', type: 'text', localized: true, label: { en: 'Motto', vi: 'Khẩu hiệu' } },
    { name: 'address', type: 'textarea', label: { en: 'Address', vi: 'Địa chỉ' } },
    {
      name: 'contacts',
      type: 'group',
      label: { en: 'Contacts', vi: 'Liên hệ' },
      fields: [
        { name: 'phone', type: 'text', label: { en: 'Phone', vi: 'Điện thoại' } },
        { name: 'email', type: 'email', label: { en: 'Email', vi: 'Thư điện tử' } },
        { name: 'website', type: 'text', label: { en: 'Website', vi: 'Trang web' } },
        { name: 'hotline', type: 'text', label: { en: 'Hotline', vi: 'Đường dây nóng' } },
      ],
    },
    { name: 'summary', type: 'textarea', localized: true, label: { en: 'Summary', vi: 'Giới thiệu ngắn' } },
    { name: 'history', type: 'richText', localized: true, label: { en: 'History', vi: 'Lịch sử' } },
    {
      name: 'facilities',
      type: 'array',
      label: { en: 'Facilities', vi: 'Cơ sở vật chất' },
      fields: [
        { name: 'name', type: 'text', required: true, localized: true, label: { en: 'Name', vi: 'Tên' } },
        { name: 'quantity', type: 'number', min: 0, label: { en: 'Quantity', vi: 'Số lượng' } },
        { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', vi: 'Mô tả' } },
        { name: 'photo', type: 'upload', relationTo: 'media', label: { en: 'Photo', vi: 'Ảnh' } },
      ],
    },
    {
      name: 'curriculum',
      type: 'array',
      label: { en: 'Curriculum', vi: 'Chương trình giáo dục' },
      fields: [
        { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Title', vi: 'Tên chương trình' } },
        { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', vi: 'Nội dung' } },
      ],
    },
    {
      name: 'staff',
      type: 'array',
      label: { en: 'Staff', vi: 'Đội ngũ' },
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Name', vi: 'Họ và tên' } },
        { name: 'role', type: 'text', localized: true, label: { en: 'Role', vi: 'Chức vụ' } },
        { name: 'qualification', type: 'text', localized: true, label: { en: 'Qualification', vi: 'Trình độ' } },
        { name: 'photo', type: 'upload', relationTo: 'media', label: { en: 'Photo', vi: 'Ảnh' } },
      ],
    },
    {
      name: 'statistics',
      type: 'group',
      label: { en: 'In numbers', vi: 'Số liệu' },
      fields: [
        { name: 'classes', type: 'number', min: 0, label: { en: 'Classes', vi: 'Số nhóm, lớp' } },
        { name: 'children', type: 'number', min: 0, label: { en: 'Children', vi: 'Số trẻ' } },
        { name: 'staffCount', type: 'number', min: 0, label: { en: 'Staff', vi: 'Số cán bộ, giáo viên, nhân viên' } },
      ],
    },
  ],
}
