import type { AccessLevel } from '../../../access/accessLevels.js'

import { accessLevelOptions, ageGroupOptions, languageOptions, libraryItemTypeOptions } from '../../../fields/options.js'
import { foldVietnamese } from '../../../lib/vietnamese.js'

/** The fields of a library item a catalogue file may fill. */
export type CatalogueField =
  | 'accessLevel'
  | 'ageGroups'
  | 'creators'
  | 'description'
  | 'isbn'
  | 'itemType'
  | 'language'
  | 'licence'
  | 'publisher'
  | 'subjects'
  | 'title'
  | 'year'

/**
 * The columns, in the order of the template: the field, the Vietnamese heading the template uses,
 * and other headings accepted for it (English names, and what Koha and library spreadsheets call
 * them). Headings are compared without marks or case, so "Nhan de" and "NHAN ĐỀ" both work.
 */
export const catalogueColumns: ReadonlyArray<{ field: CatalogueField; heading: string; aliases: string[] }> = [
  { field: 'title', heading: 'Nhan đề', aliases: ['title', 'tên sách', 'tiêu đề'] },
  { field: 'creators', heading: 'Tác giả', aliases: ['creators', 'authors', 'author'] },
  { field: 'isbn', heading: 'ISBN', aliases: [] },
  { field: 'publisher', heading: 'Nhà xuất bản', aliases: ['publisher', 'nxb'] },
  { field: 'year', heading: 'Năm xuất bản', aliases: ['year', 'năm'] },
  { field: 'itemType', heading: 'Loại tài liệu', aliases: ['itemType', 'item type', 'type', 'loại'] },
  { field: 'ageGroups', heading: 'Độ tuổi', aliases: ['ageGroups', 'age groups', 'age group', 'lứa tuổi'] },
  { field: 'accessLevel', heading: 'Mức truy cập', aliases: ['accessLevel', 'access level', 'access'] },
  { field: 'language', heading: 'Ngôn ngữ', aliases: ['language'] },
  { field: 'subjects', heading: 'Chủ đề', aliases: ['subjects', 'subject'] },
  { field: 'description', heading: 'Tóm tắt nội dung', aliases: ['description', 'tóm tắt'] },
  { field: 'licence', heading: 'Giấy phép sử dụng', aliases: ['licence', 'license', 'giấy phép'] },
]

const headingKey = (text: string): string => foldVietnamese(text).replace(/[^a-z0-9]/g, '')

const fieldByHeading = new Map(catalogueColumns.flatMap((column) => [column.heading, column.field, ...column.aliases].map((name) => [headingKey(name), column.field] as const)))

/** The field a heading names, or `undefined` for a column the import does not know. */
export const fieldOfHeading = (heading: string): CatalogueField | undefined => fieldByHeading.get(headingKey(heading))

/** Several values in one cell (authors, age groups, subjects) are separated by semicolons or vertical bars. */
export const splitList = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((each) => each.trim())
    .filter(Boolean)

type Option = { label: { en: string; vi: string }; value: string }

/** A cell naming an option by its value ("mau-giao-be"), its Vietnamese or English label, or the Vietnamese label's words before a bracket ("Mẫu giáo bé"). */
const optionReader = (options: Option[]) => {
  const byName = new Map<string, string>()
  for (const option of options) {
    for (const name of [option.value, option.label.vi, option.label.en, option.label.vi.split('(')[0]!]) {
      byName.set(headingKey(name), option.value)
    }
  }
  return (cell: string): string | undefined => byName.get(headingKey(cell))
}

export const readItemType = optionReader(libraryItemTypeOptions)
export const readAgeGroup = optionReader(ageGroupOptions)
export const readAccessLevel = optionReader(accessLevelOptions) as (cell: string) => AccessLevel | undefined
export const readLanguage = optionReader(languageOptions)

const labelsOf = (options: Option[]) => options.map((option) => option.label.vi.split(/\s*[(]/)[0]).join(', ')

/** The values a column accepts, as the messages list them. */
export const acceptedLabels = {
  itemType: labelsOf(libraryItemTypeOptions),
  ageGroups: labelsOf(ageGroupOptions),
  accessLevel: labelsOf(accessLevelOptions),
  language: labelsOf(languageOptions),
}
