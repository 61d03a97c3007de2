/** What the round trip exports: the school's content of every kind, in both languages, drafts and published, linked. */
import type { Payload } from 'payload'

import type { User } from '../../src/payload-types.js'

export const exportedSlugs = ['learning-materials', 'library-items', 'announcements', 'regulatory-documents'] as const

export const administrator = { email: 'hieutruong@truongso.test', password: 'mat-khau-hieu-truong', name: 'Cô Lan', roles: ['admin' as const] }

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: [{ type: 'paragraph', direction: 'ltr' as const, format: '' as const, indent: 0, version: 1, textFormat: 0, children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }] }],
  },
})

/** Creates the content as the administrator, with a second locale on some, and returns nothing: the export is what is compared. */
export const createContent = async (payload: Payload, user: User): Promise<void> => {
  const as = { overrideAccess: false, user, depth: 0 } as const
  for (const [i, title] of ['Bé tập đếm đến 5', 'Bài hát "Cả nhà thương nhau"', '=Trò chơi, ghép hình'].entries()) {
    const draft = i === 1
    const doc = await payload.create({
      collection: 'learning-materials',
      data: { title, summary: `Tóm tắt ${i}\nhai dòng`, body: paragraph(`Nội dung, có dấu phẩy và "ngoặc kép" ${i}`), materialType: 'lesson-plan', ageGroups: ['mau-giao-be', 'mau-giao-nho'], tags: ['đếm', 'số'], accessLevel: i === 2 ? 'staff' : 'public', _status: draft ? 'draft' : 'published' },
      draft,
      locale: 'vi',
      ...as,
    })
    if (i === 0) await payload.update({ collection: 'learning-materials', id: doc.id, data: { title: 'Counting to five', body: paragraph('Counting') }, locale: 'en', ...as })
  }
  // A whole review, returned once with a note, so that the import has a history of several steps to keep.
  const reviewed = await payload.create({ collection: 'learning-materials', data: { title: 'Giáo án được duyệt lại', materialType: 'lesson-plan', accessLevel: 'public', _status: 'draft' }, draft: true, ...as })
  for (const step of [{ reviewStatus: 'submitted' }, { reviewStatus: 'changes-requested', reviewNote: 'Thêm mục tiêu, cô nhé.' }, { reviewStatus: 'submitted' }] as const) {
    await payload.update({ collection: 'learning-materials', id: reviewed.id, data: { ...step, _status: 'draft' }, draft: true, ...as })
  }
  await payload.update({ collection: 'learning-materials', id: reviewed.id, data: { _status: 'published' }, ...as })
  for (const [i, isbn] of ['9786040123459', '6040123451', null].entries()) {
    await payload.create({
      collection: 'library-items',
      data: { title: `Truyện số ${i}`, creators: ['Tô Hoài', 'Võ Quảng'], isbn, publisher: 'NXB Kim Đồng', year: 2019 + i, itemType: 'book', ageGroups: ['nha-tre'], subjects: ['Động vật'], accessLevel: i === 1 ? 'parents' : 'public', _status: i === 2 ? 'draft' : 'published' },
      draft: i === 2,
      ...as,
    })
  }
  for (const [i, category] of (['news', 'notice'] as const).entries()) {
    await payload.create({
      collection: 'announcements',
      data: { title: `Thông báo ${i}: họp phụ huynh`, excerpt: 'Họp đầu năm', body: paragraph('Kính mời quý phụ huynh'), category, pinned: i === 0, publishedAt: '2026-09-05T01:00:00.000Z', accessLevel: 'parents', _status: 'published' },
      ...as,
    })
  }
  const older = await payload.create({
    collection: 'regulatory-documents',
    data: { documentNumber: '12/KH-MNPL', documentType: 'KH', title: 'Kế hoạch năm học 2025–2026', summary: 'Kế hoạch giáo dục', issuingBody: 'Trường Mầm non Phục Lễ', issueDate: '2025-09-01T00:00:00.000Z', accessLevel: 'public', _status: 'published' },
    ...as,
  })
  await payload.create({
    collection: 'regulatory-documents',
    data: {
      documentNumber: '27/KH-MNPL',
      documentType: 'KH',
      title: 'Kế hoạch năm học 2026–2027',
      summary: 'Thay thế kế hoạch trước',
      issuingBody: 'Trường Mầm non Phục Lễ',
      issueDate: '2026-09-01T00:00:00.000Z',
      recipients: ['Các tổ chuyên môn', 'Lưu: VT'],
      relatedDocuments: [{ relation: 'replaces', document: older.id }],
      accessLevel: 'public',
      _status: 'published',
    },
    ...as,
  })
}
