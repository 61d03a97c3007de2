/**
 * "Từ đồng nghĩa và viết tắt": the global where administrators keep the school's abbreviations
 * and synonyms, read by both engines. Saving it queues a job that puts the new list in force
 * (`jobs/vocabularyTask.ts`); entries that could not work are refused with a message saying why.
 */
import type { GlobalAfterReadHook, GlobalConfig, PayloadRequest, TextFieldManyValidation, TextFieldSingleValidation } from 'payload'

import type { SanitizedSearchPluginOptions } from './types.js'
import type { SchoolVocabulary } from './vocabulary.js'

import { translate } from '../../lib/translate.js'
import { queueVocabularyAfterChange } from './hooks/queueVocabulary.js'
import { foldedWords } from './vocabulary.js'

/** Characters of an abbreviation at most ("PGDĐT", "CBGVNV"). */
export const maxAbbreviationLength = 15
/** Characters of a meaning or a synonym at most: a phrase, not a sentence. */
export const maxPhraseLength = 80
/** Words of one synonym group at most: every word of a group expands into the others. */
export const maxGroupSize = 10
/** Rows of each list at most, so a query's expansion stays cheap. */
const maxRows = 500

const folded = (phrase: string) => foldedWords(phrase).join(' ')

const validateAbbreviation: TextFieldSingleValidation = (value, { req }) => {
  const abbreviation = value?.trim() ?? ''
  if (!abbreviation) return translate(req, 'vocabularyAbbreviationRequired')
  return abbreviation.length <= maxAbbreviationLength && /^[\p{L}\p{N}]+$/u.test(abbreviation)
    ? true
    : translate(req, 'vocabularyAbbreviationForm', { limit: maxAbbreviationLength, value: abbreviation })
}

const validateMeaning: TextFieldSingleValidation = (value, { req, siblingData }) => {
  const meaning = value?.trim() ?? ''
  if (!folded(meaning)) return translate(req, 'vocabularyMeaningRequired')
  if (meaning.length > maxPhraseLength) return translate(req, 'vocabularyTooLong', { limit: maxPhraseLength, value: meaning })
  const { abbreviation } = siblingData as { abbreviation?: string }
  return folded(abbreviation ?? '') === folded(meaning) ? translate(req, 'vocabularyMapsToItself', { value: meaning }) : true
}

const validateGroup: TextFieldManyValidation = (value, { req }) => {
  const words = (value ?? []).map((word) => word.trim())
  const empty = words.find((word) => !folded(word))
  if (empty !== undefined) return translate(req, 'vocabularyWordEmpty')
  const long = words.find((word) => word.length > maxPhraseLength)
  if (long) return translate(req, 'vocabularyTooLong', { limit: maxPhraseLength, value: long })
  const twice = words.find((word, i) => words.slice(0, i).some((other) => folded(other) === folded(word)))
  if (twice) return translate(req, 'vocabularyMapsToItself', { value: twice })
  if (words.length < 2) return translate(req, 'vocabularyGroupTooSmall')
  return words.length <= maxGroupSize ? true : translate(req, 'vocabularyGroupTooLarge', { limit: maxGroupSize })
}

/** The global as stored: rows of each list, with the ids Payload gives them. */
type StoredVocabulary = {
  abbreviations?: Array<{ abbreviation?: null | string; meaning?: null | string }> | null
  synonyms?: Array<{ words?: null | string[] }> | null
  updatedAt?: null | string
}

/** The school's words as the global holds them (rows Payload could not have saved are skipped). */
export const schoolVocabularyOf = (stored: StoredVocabulary): SchoolVocabulary => ({
  abbreviations: (stored.abbreviations ?? []).flatMap(({ abbreviation, meaning }) =>
    abbreviation && meaning ? [{ abbreviation: abbreviation.trim(), meaning: meaning.trim() }] : [],
  ),
  synonyms: (stored.synonyms ?? []).flatMap(({ words }) => (words && words.length > 1 ? [words.map((word) => word.trim())] : [])),
})

/**
 * Until it is first saved, the list reads as the defaults: what searches use then, and what an
 * administrator sees, edits and saves. Once saved it is the only source: a list emptied is meant.
 */
const showDefaultsUntilSaved =
  (defaults: SchoolVocabulary): GlobalAfterReadHook =>
  ({ doc }) =>
    (doc as StoredVocabulary).updatedAt
      ? doc
      : {
          ...doc,
          abbreviations: defaults.abbreviations.map((row) => ({ ...row })),
          synonyms: defaults.synonyms.map((words) => ({ words: [...words] })),
        }

/**
 * Reads the school's words. The plugin reads them for every reader alike: the list holds no
 * reader's content, so access is overridden here, whoever's request it is.
 */
export const readSchoolVocabulary = async (options: SanitizedSearchPluginOptions, req: PayloadRequest): Promise<SchoolVocabulary> =>
  schoolVocabularyOf((await req.payload.findGlobal({ slug: options.vocabulary.slug as never, depth: 0, overrideAccess: true, req })) as StoredVocabulary)

/** The global of the plugin's options. */
export const vocabularyGlobal = (options: SanitizedSearchPluginOptions): GlobalConfig => ({
  slug: options.vocabulary.slug,
  label: { en: 'Synonyms and abbreviations', vi: 'Từ đồng nghĩa và viết tắt' },
  admin: {
    group: { en: 'System', vi: 'Hệ thống' },
    description: {
      en: 'Search finds each of these words by the others, on the website and in the admin panel, from the moment the list is saved.',
      vi: 'Tìm kiếm hiểu các từ này như nhau (tìm từ này ra tài liệu có từ kia), trên trang web và trong trang quản trị, ngay sau khi lưu.',
    },
  },
  versions: { max: 20 },
  access: options.vocabulary.access,
  hooks: { afterChange: [queueVocabularyAfterChange(options)], afterRead: [showDefaultsUntilSaved(options.vocabulary.defaults)] },
  fields: [
    {
      name: 'abbreviations',
      type: 'array',
      label: { en: 'Abbreviations', vi: 'Viết tắt' },
      labels: { singular: { en: 'Abbreviation', vi: 'Viết tắt' }, plural: { en: 'Abbreviations', vi: 'Viết tắt' } },
      maxRows,
      admin: {
        description: {
          en: 'One meaning per row: "MN" → "mầm non". An abbreviation with two meanings takes two rows.',
          vi: 'Mỗi dòng một nghĩa: "MN" → "mầm non". Chữ viết tắt có hai nghĩa thì ghi hai dòng.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'abbreviation',
              type: 'text',
              required: true,
              label: { en: 'Abbreviation', vi: 'Viết tắt' },
              validate: validateAbbreviation,
              admin: { width: '30%' },
            },
            { name: 'meaning', type: 'text', required: true, label: { en: 'Stands for', vi: 'Viết đầy đủ' }, validate: validateMeaning },
          ],
        },
      ],
    },
    {
      name: 'synonyms',
      type: 'array',
      label: { en: 'Synonyms', vi: 'Từ đồng nghĩa' },
      labels: { singular: { en: 'Group of synonyms', vi: 'Nhóm từ đồng nghĩa' }, plural: { en: 'Groups of synonyms', vi: 'Nhóm từ đồng nghĩa' } },
      maxRows,
      admin: {
        description: {
          en: 'Words or phrases that mean the same, e.g. "lớp lá" and "mẫu giáo lớn": each finds the others.',
          vi: 'Các từ hay cụm từ cùng nghĩa, ví dụ "lớp lá" và "mẫu giáo lớn": tìm từ nào cũng ra tài liệu có các từ kia.',
        },
      },
      fields: [
        {
          name: 'words',
          type: 'text',
          hasMany: true,
          required: true,
          label: { en: 'Words that mean the same', vi: 'Các từ cùng nghĩa' },
          validate: validateGroup,
        },
      ],
    },
  ],
})
