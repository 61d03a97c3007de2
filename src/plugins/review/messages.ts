/**
 * The review mails, in Vietnamese, each as plain text and HTML with the same words.
 */
import type { Mail } from './types.js'

export type MaterialRef = { id: number | string; submittedAt?: null | string; title: string }

const escapeText = (value: string): string => value.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char)

const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;')

/** Where a material opens in the admin panel. */
export const adminLink = (collection: string, id: number | string, serverURL = process.env.SERVER_URL ?? ''): string =>
  `${serverURL.replace(/\/$/, '')}/admin/collections/${collection}/${id}`

const dateOf = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date(iso))

/** Paragraphs, a link and a closing line, laid out once for both parts of the mail. */
const compose = (to: string[], subject: string, paragraphs: string[], link?: { href: string; label: string }): Mail => ({
  to,
  subject,
  text: [...paragraphs, ...(link ? [`${link.label}: ${link.href}`] : []), '—\nTrường Số (thư tự động, xin đừng trả lời)'].join('\n\n'),
  html: [
    '<!doctype html><html lang="vi"><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((paragraph) => `<p style="white-space:pre-wrap">${escapeText(paragraph)}</p>`),
    ...(link ? [`<p><a href="${escapeAttribute(link.href)}">${escapeText(link.label)}</a></p>`] : []),
    '<p style="color:#555">— Trường Số (thư tự động, xin đừng trả lời)</p>',
    '</body></html>',
  ].join(''),
})

export const submittedMail = (to: string[], material: MaterialRef, author: string, collection: string): Mail =>
  compose(
    to,
    `Học liệu chờ duyệt: ${material.title}`,
    [`Kính gửi thầy cô phụ trách duyệt,`, `${author} vừa gửi duyệt học liệu "${material.title}".`],
    { href: adminLink(collection, material.id), label: 'Mở học liệu để duyệt' },
  )

export const approvedMail = (to: string[], material: MaterialRef, reviewer: string, collection: string): Mail =>
  compose(
    to,
    `Học liệu đã được duyệt và xuất bản: ${material.title}`,
    [`Chào thầy cô,`, `${reviewer} đã duyệt và xuất bản học liệu "${material.title}" của thầy cô.`],
    { href: adminLink(collection, material.id), label: 'Xem học liệu' },
  )

export const returnedMail = (to: string[], material: MaterialRef, reviewer: string, note: string, collection: string): Mail =>
  compose(
    to,
    `Học liệu cần chỉnh sửa: ${material.title}`,
    [`Chào thầy cô,`, `${reviewer} đã trả lại học liệu "${material.title}" để chỉnh sửa, với nhận xét:`, note, 'Thầy cô sửa xong, lưu lại rồi bấm "Gửi duyệt".'],
    { href: adminLink(collection, material.id), label: 'Mở học liệu để sửa' },
  )

/** The list of what waits, oldest first. */
export const digestMail = (to: string[], waiting: MaterialRef[], collection: string): Mail => {
  const lines = waiting.map((material) => `• ${material.title}${material.submittedAt ? ` (gửi ngày ${dateOf(material.submittedAt)})` : ''} — ${adminLink(collection, material.id)}`)
  return compose(to, `Học liệu chờ duyệt hôm nay: ${waiting.length}`, [`Kính gửi thầy cô phụ trách duyệt,`, `Có ${waiting.length} học liệu đang chờ duyệt, cũ nhất trước:`, lines.join('\n')])
}
