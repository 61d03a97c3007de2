import type { SanitizedConfig } from 'payload'

import type { OpenAPIPluginOptions, ResolvedOpenAPIOptions } from './types.js'

import { accessLevels, levelsFor, roles } from '../../access/accessLevels.js'
import { accessLevelOptions, roleOptions } from '../../fields/options.js'
import { trashRetentionDays } from '../trash/defaults.js'
import { textOf } from './generate.js'

/** Where the description and its docs page are served, under the API route. */
export const specPath = '/openapi.json'
export const docsPath = '/docs'

/** Payload's own collections and globals (preferences, migrations, jobs…) are no content. */
const isPayloadInternal = (slug: string) => slug.startsWith('payload-')

const labelOf = (options: typeof accessLevelOptions, value: string) =>
  textOf(options.find((option) => option.value === value)?.label) ?? value

/** Who reads each level, worked out from the same rule the API applies (`levelsFor`). */
const readersOf = (level: (typeof accessLevels)[number]): string => {
  if (level === 'public') return 'mọi người, không cần đăng nhập · everyone, signed in or not'
  const readers = roles.filter((role) => levelsFor({ roles: [role] }).includes(level))
  return readers.map((role) => labelOf(roleOptions, role)).join('; ')
}

/**
 * The bilingual introduction: what the API is, the access levels and who reads each, and how to
 * sign in. Levels and roles come from `src/access`, names of routes and cookies from the config.
 */
export const defaultDescription = (config: SanitizedConfig): string => {
  const api = config.routes.api
  const users = config.admin.user
  const cookie = `${config.cookiePrefix}-token`
  return [
    'API đọc nội dung công khai của nhà trường: học liệu số, thư viện số, tin tức – thông báo, văn bản và tệp. ' +
      'Nội dung được soạn và duyệt trong trang quản trị; API này chỉ để đọc.',
    "The school's read-only content API: learning materials, the digital library, news and announcements, " +
      'official documents and files. Content is written and reviewed in the admin panel.',
    '## Mức truy cập · Access levels',
    'Mỗi tài liệu và tệp có một mức truy cập (`accessLevel`). API chỉ trả về những gì người gọi được phép đọc: ' +
      'danh sách lọc bớt những gì vượt quá quyền, còn đọc trực tiếp thì trả về 404. ' +
      'Các trường chỉ dành cho cán bộ (nhận xét duyệt, khóa sổ văn bản…) không có trong mô tả này.',
    'Every document and file has an access level (`accessLevel`). The API answers only what the caller may read: ' +
      'lists leave out the rest, and reading one directly answers 404. ' +
      'Fields meant for staff only (review notes, register keys…) are not part of this description.',
    accessLevels.map((level) => `- \`${level}\` — ${labelOf(accessLevelOptions, level)}: ${readersOf(level)}`).join('\n'),
    '## Thùng rác · Trash',
    'Học liệu, mục thư viện, thông báo, văn bản và tệp bị xoá thì vào thùng rác: rời khỏi mọi câu trả lời cho người đọc ngay lập tức, ' +
      `người được sửa tài liệu có thể khôi phục, và sau ${trashRetentionDays()} ngày chúng bị xoá hẳn. Người đọc không bao giờ thấy thùng rác.`,
    'Deleted learning materials, library items, announcements, documents and files go to the trash: they leave every reader\'s answer at once, ' +
      `those who may edit them can restore them, and after ${trashRetentionDays()} days they are deleted for good. Readers never see the trash.`,
    '## Đăng nhập · Signing in',
    `\`POST ${api}/${users}/login\` trả về một JWT. Gửi kèm trong tiêu đề \`Authorization: JWT <token>\`; ` +
      `trình duyệt đã đăng nhập thì gửi cookie \`${cookie}\` (HttpOnly). Không đăng nhập là người đọc công khai.`,
    `\`POST ${api}/${users}/login\` answers a JWT. Send it as \`Authorization: JWT <token>\`; ` +
      `a signed-in browser sends the \`${cookie}\` cookie (HttpOnly) instead. Without either you read as the public.`,
  ].join('\n\n')
}

/** Fills in the defaults that depend on the final, sanitized config. */
export const resolveOptions = (options: OpenAPIPluginOptions, config: SanitizedConfig): ResolvedOpenAPIOptions => ({
  title: options.title,
  version: options.version,
  description: options.description ?? defaultDescription(config),
  collections:
    options.collections ??
    config.collections
      // A collection only staff work with says so with `custom: { openapi: false }` (the audit log).
      .filter((collection) => !collection.auth && !isPayloadInternal(collection.slug) && collection.custom?.openapi !== false)
      .map((collection) => collection.slug),
  globals: options.globals ?? config.globals.filter((global) => !isPayloadInternal(global.slug)).map((global) => global.slug),
  servers: options.servers ?? [{ url: config.serverURL || '/' }],
})
