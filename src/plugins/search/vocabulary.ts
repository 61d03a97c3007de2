/**
 * The words search understands beyond the documents' own: function words that never decide a
 * match, groups of words that mean the same (school abbreviations included), and phrases naming an
 * age group or a kind of document. Both engines read one `SearchVocabulary` (the embedded engine
 * expands queries with it, Meilisearch receives the groups as its synonyms). The synonyms and
 * abbreviations are the school's, kept in a global admins edit (`vocabularyGlobal.ts`); the
 * defaults in `vocabularyDefaults.ts` serve until it is first saved.
 */
import { foldVietnamese } from '../../lib/vietnamese.js'
import { defaultSchoolVocabulary } from './vocabularyDefaults.js'

/** A phrase in a query that names facet values: documents holding them rank higher, none is left out. */
export type FacetPhrase = {
  facet: 'ageGroups' | 'category' | 'collection' | 'type'
  phrases: string[]
  values: string[]
}

export type SearchVocabulary = {
  /**
   * Words too common to decide a match ("cho", "về", "của"): a query's other words must match, these
   * only help ranking. A query made of them alone searches them as typed. Compared as written
   * (lowercase), so a word typed without marks counts only when listed so.
   */
  stopwords: string[]
  /**
   * Words that say little once the query has two others that must match ("dạy bé rửa tay"): they
   * then only help ranking. With fewer ("bé học") they must match. Compared as written.
   */
  weakWords: string[]
  /** Groups of words or phrases that mean the same; each finds the others (abbreviations included). */
  synonyms: string[][]
  /** Age phrases and type words ("lớp lá", "sách tranh", "video"). Ages in years are read by {@link ageGroupsOfYears}. */
  facetPhrases: FacetPhrase[]
}

/**
 * What the language and the facets give, fixed in code: the small words and the phrases naming
 * facet values (they name values the code defines). The school's own words, its synonyms and
 * abbreviations, are added from the admins' list ({@link vocabularyWith}).
 */
export const baseVocabulary: SearchVocabulary = {
  stopwords: [
    'à', 'ạ', 'ấy', 'bị', 'các', 'cái', 'cần', 'cho', 'có', 'của', 'cùng', 'cũng', 'đã', 'đang', 'để', 'đi', 'đó',
    'được', 'gì', 'giúp', 'hãy', 'hoặc', 'là', 'mà', 'muốn', 'những', 'nào', 'này', 'nhé', 'như', 'nhưng', 'ở',
    'ơi', 'rằng', 'rồi', 'sẽ', 'tại', 'thì', 'tìm', 'tôi', 'trong', 'từ', 'và', 'về', 'với', 'xem',
    // Typed without marks, only those no other common word folds to ("de" is also dế and đề, "co" cô and cổ).
    'ay', 'cac', 'cua', 'duoc', 'gi', 'giup', 'hoac', 'nao', 'nhe', 'nhu', 'nhung', 'oi', 'va', 've', 'xem',
  ],
  weakWords: ['bé', 'be', 'cách', 'cach', 'cháu', 'con', 'dạy', 'day', 'em', 'khi', 'làm', 'lam', 'mới', 'moi', 'trẻ', 'tre'],
  synonyms: [],
  facetPhrases: [
    { facet: 'ageGroups', phrases: ['nhà trẻ', 'nhóm trẻ', 'lớp nhà trẻ', '24 36 tháng'], values: ['nha-tre'] },
    { facet: 'ageGroups', phrases: ['lớp mầm', 'mẫu giáo bé', 'mg bé'], values: ['mau-giao-be'] },
    { facet: 'ageGroups', phrases: ['lớp chồi', 'mẫu giáo nhỡ', 'mg nhỡ'], values: ['mau-giao-nho'] },
    { facet: 'ageGroups', phrases: ['lớp lá', 'mẫu giáo lớn', 'mg lớn', 'chuẩn bị vào lớp 1'], values: ['mau-giao-lon'] },
    { facet: 'type', phrases: ['sách tranh', 'truyện tranh'], values: ['comic', 'book', 'ebook'] },
    { facet: 'type', phrases: ['sách nói', 'truyện audio'], values: ['audiobook'] },
    { facet: 'type', phrases: ['sách điện tử', 'ebook'], values: ['ebook'] },
    { facet: 'type', phrases: ['sách'], values: ['book', 'ebook', 'comic', 'audiobook'] },
    { facet: 'type', phrases: ['video', 'clip', 'phim'], values: ['video'] },
    { facet: 'type', phrases: ['giáo án', 'kế hoạch bài dạy', 'kế hoạch hoạt động'], values: ['lesson-plan'] },
    { facet: 'type', phrases: ['bài giảng điện tử', 'bài giảng', 'e learning'], values: ['e-lecture'] },
    { facet: 'type', phrases: ['bài trình chiếu', 'trình chiếu', 'slide', 'powerpoint'], values: ['slides'] },
    { facet: 'type', phrases: ['bài hát', 'dạy hát', 'bài thơ', 'thơ', 'truyện kể', 'kể chuyện', 'đồng dao'], values: ['song-poem-story'] },
    { facet: 'type', phrases: ['trò chơi'], values: ['game'] },
    { facet: 'type', phrases: ['phiếu học tập', 'phiếu bài tập', 'bài tập'], values: ['worksheet'] },
    { facet: 'type', phrases: ['bộ tranh', 'tranh ảnh'], values: ['pictures'] },
    { facet: 'type', phrases: ['âm thanh', 'audio', 'file nghe'], values: ['audio', 'audiobook'] },
    { facet: 'collection', phrases: ['học liệu', 'tài liệu dạy học'], values: ['learning-materials'] },
    { facet: 'collection', phrases: ['văn bản', 'công văn'], values: ['regulatory-documents'] },
    { facet: 'collection', phrases: ['thư viện'], values: ['library-items'] },
    { facet: 'collection', phrases: ['tin tức', 'thông báo'], values: ['announcements'] },
    { facet: 'category', phrases: ['thực đơn', 'món ăn'], values: ['menu'] },
  ],
}

/** An abbreviation and one thing it stands for ("MN" → "mầm non"); a second row gives another. */
export type Abbreviation = { abbreviation: string; meaning: string }

/** What admins edit: the school's abbreviations and groups of words that mean the same. */
export type SchoolVocabulary = {
  abbreviations: Abbreviation[]
  /** Each group: words or phrases that mean the same ("lớp lá", "mẫu giáo lớn"). */
  synonyms: string[][]
}

/**
 * The base vocabulary with the school's words: each abbreviation becomes a group with its meanings
 * (rows of one abbreviation, however capitalised, form one group), then the synonym groups.
 */
export const vocabularyWith = (school: SchoolVocabulary, base: SearchVocabulary = baseVocabulary): SearchVocabulary => {
  const groups = new Map<string, string[]>()
  for (const { abbreviation, meaning } of school.abbreviations) {
    const key = foldedWords(abbreviation).join(' ')
    groups.set(key, [...(groups.get(key) ?? [abbreviation]), meaning])
  }
  return { ...base, synonyms: [...base.synonyms, ...groups.values(), ...school.synonyms] }
}

/**
 * The age group of children of `from` years, as the school names its classes: nhà trẻ under 3,
 * mẫu giáo bé 3–4, nhỡ 4–5, lớn 5–6. "3-4 tuổi" is the class of the three-year-olds, so a range
 * is read by its first number.
 */
export const ageGroupsOfYears = (from: number): string[] => {
  if (from < 3) return ['nha-tre']
  if (from === 3) return ['mau-giao-be']
  if (from === 4) return ['mau-giao-nho']
  if (from <= 6) return ['mau-giao-lon']
  return []
}

/** Folded words of a phrase, as queries are compared. */
export const foldedWords = (phrase: string): string[] => foldVietnamese(phrase.normalize('NFC')).split(/[^a-z0-9]+/).filter(Boolean)

/** The vocabulary a fresh database searches with: the base and the default school words. */
export const defaultVocabulary: SearchVocabulary = vocabularyWith(defaultSchoolVocabulary)
