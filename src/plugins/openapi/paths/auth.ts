import type { SchemaObject } from '../oas.js'
import type { DocumentContext, Fragment } from './common.js'

import { ref } from '../oas.js'
import { collectionSchema, componentName } from './content.js'
import { json } from './common.js'

/** Signed-in routes need one of the schemes; the others accept anonymous callers too. */
const signedIn = (context: DocumentContext) => Object.keys(context.securitySchemes).map((name) => ({ [name]: [] }))

/** `login`, `logout` and `me` of the collection people sign in with (`admin.user`). */
export const authPaths = (context: DocumentContext): Fragment => {
  const { api, config } = context
  const users = config.collections.find((collection) => collection.slug === config.admin.user && collection.auth)
  if (!users) return {}
  const { slug } = users
  const component = componentName(users)
  const withUsername = Boolean(users.auth.loginWithUsername)
  const cookie = `${config.cookiePrefix}-token`
  const credentials: SchemaObject = {
    type: 'object',
    properties: {
      ...(withUsername ? { username: { type: 'string' } } : {}),
      email: { type: 'string', format: 'email' },
      password: { type: 'string', format: 'password' },
    },
    required: [withUsername ? 'username' : 'email', 'password'],
  }
  const session = {
    token: { type: 'string', description: `JWT; gửi lại trong · send back in \`Authorization: JWT <token>\`` },
    exp: { type: 'integer', description: 'Hết hạn, giây Unix · Expiry, Unix seconds' },
  } satisfies Record<string, SchemaObject>

  return {
    paths: {
      [`${api}/${slug}/login`]: {
        post: {
          operationId: 'login',
          tags: [slug],
          summary: 'Đăng nhập · Sign in',
          description:
            `Trả về JWT và đặt cookie \`${cookie}\` (HttpOnly) · Answers a JWT and sets the \`${cookie}\` cookie (HttpOnly). ` +
            (users.auth.maxLoginAttempts
              ? `Sau ${users.auth.maxLoginAttempts} lần sai, tài khoản bị khóa tạm · After ${users.auth.maxLoginAttempts} failed attempts the account is locked for a while.`
              : ''),
          security: [{}],
          requestBody: { required: true, content: json(credentials) },
          responses: {
            200: {
              description: 'Đã đăng nhập · Signed in',
              content: json({
                type: 'object',
                properties: { message: { type: 'string' }, user: ref('schemas', component), ...session },
                required: ['user'],
              }),
            },
            400: ref('responses', 'BadRequest'),
            401: ref('responses', 'Unauthorized'),
          },
        },
      },
      [`${api}/${slug}/logout`]: {
        post: {
          operationId: 'logout',
          tags: [slug],
          summary: 'Đăng xuất · Sign out',
          description: `Kết thúc phiên và xóa cookie · Ends the session and clears the \`${cookie}\` cookie.`,
          security: signedIn(context),
          responses: {
            200: { description: 'Đã đăng xuất · Signed out', content: json({ type: 'object', properties: { message: { type: 'string' } } }) },
            400: ref('responses', 'BadRequest'),
          },
        },
      },
      [`${api}/${slug}/me`]: {
        get: {
          operationId: 'me',
          tags: [slug],
          summary: 'Tài khoản đang đăng nhập · The signed-in account',
          description: '`user` là `null` khi chưa đăng nhập · `user` is `null` for anonymous callers.',
          responses: {
            200: {
              description: 'Tài khoản · The account',
              content: json({
                type: 'object',
                properties: {
                  user: { oneOf: [ref('schemas', component), { type: 'null' }] },
                  ...session,
                  collection: { type: 'string', const: slug },
                  strategy: { type: 'string' },
                  message: { type: 'string' },
                },
                required: ['user'],
              }),
            },
          },
        },
      },
    },
    schemas: { [component]: collectionSchema(users, context) },
    tags: [{ name: slug, description: 'Đăng nhập · Signing in' }],
  }
}
